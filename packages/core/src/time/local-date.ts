import { fail, ok, reject, type Result } from '../rejection/index.js';

/** A calendar date on the wall, with no zone: `month` 1–12, `day` 1–31. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock time of day: `hour` 0–23, `minute` 0–59, optional `second` and `millisecond`. */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/** A date and a time of day on the wall, with no zone (T-1). */
export type LocalDateTime = LocalDate & LocalTime;

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A day number: days since 1970-01-01 on the proleptic Gregorian calendar. */
export type EpochDay = number;

/**
 * Whether a year is a leap year in the Gregorian calendar.
 *
 * @param year - the year
 * @returns true for 2024, 2000; false for 2026, 1900
 * @example
 * isLeapYear(2028) // => true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * How many days a month has.
 *
 * @param year - the year
 * @param month - 1–12
 * @returns 28–31
 * @example
 * daysInMonth(2028, 2) // => 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a date (days since 1970-01-01), by integer arithmetic that no host setting
 * affects.
 *
 * @param date - the date
 * @returns its day number
 * @example
 * toEpochDay({ year: 1970, month: 1, day: 2 }) // => 1
 */
export function toEpochDay(date: LocalDate): EpochDay {
  // Days from civil (H. Hinnant): years counted from March, so the leap day ends the year.
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date of a day number.
 *
 * @param n - days since 1970-01-01
 * @returns the date
 * @example
 * fromEpochDay(0) // => { year: 1970, month: 1, day: 1 }
 */
export function fromEpochDay(n: EpochDay): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The ISO weekday of a day number.
 *
 * @param n - days since 1970-01-01 (a Thursday)
 * @returns 1 = Monday … 7 = Sunday
 * @example
 * weekdayOfEpochDay(0) // => 4
 */
export function weekdayOfEpochDay(n: EpochDay): Weekday {
  return (((((n + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/**
 * The ISO weekday of a date.
 *
 * @param date - the date
 * @returns 1 = Monday … 7 = Sunday
 * @example
 * weekdayOf({ year: 2026, month: 11, day: 27 }) // => 5 (a Friday)
 */
export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/**
 * A date some days later (or earlier, for a negative count).
 *
 * @param date - the date
 * @param days - how many days to add
 * @returns the new date
 * @example
 * addDays({ year: 2026, month: 2, day: 28 }, 1) // => { year: 2026, month: 3, day: 1 }
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Orders dates.
 *
 * @param a - one date
 * @param b - the other
 * @returns negative when `a` is earlier, zero when equal, positive when later
 * @example
 * compareLocalDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 1 }) // => 1
 */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const isInt = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/**
 * Whether a value is a real calendar date (no 30 February), years 1–9999.
 *
 * @param value - anything
 * @returns true for a valid {@link LocalDate}
 * @example
 * isLocalDate({ year: 2026, month: 2, day: 29 }) // => false
 */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'object' || value === null) return false;
  const { year, month, day } = value as Record<string, unknown>;
  return isInt(year, 1, 9999) && isInt(month, 1, 12) && isInt(day, 1, daysInMonth(year, month));
}

/**
 * Whether a value is a real time of day.
 *
 * @param value - anything
 * @returns true for a valid {@link LocalTime}
 * @example
 * isLocalTime({ hour: 24, minute: 0 }) // => false
 */
export function isLocalTime(value: unknown): value is LocalTime {
  if (typeof value !== 'object' || value === null) return false;
  const { hour, minute, second, millisecond } = value as Record<string, unknown>;
  return (
    isInt(hour, 0, 23) &&
    isInt(minute, 0, 59) &&
    (second === undefined || isInt(second, 0, 59)) &&
    (millisecond === undefined || isInt(millisecond, 0, 999))
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Writes a date as ISO 8601 `YYYY-MM-DD`.
 *
 * @param date - the date
 * @returns the text
 * @example
 * formatLocalDate({ year: 2026, month: 10, day: 1 }) // => '2026-10-01'
 */
export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Writes a time of day as `HH:MM`, with seconds only when there are some.
 *
 * @param time - the time
 * @returns the text
 * @example
 * formatLocalTime({ hour: 9, minute: 5 }) // => '09:05'
 */
export function formatLocalTime(time: LocalTime): string {
  const s = time.second ?? 0;
  return `${pad(time.hour)}:${pad(time.minute)}${s ? `:${pad(s)}` : ''}`;
}

/**
 * Reads an ISO 8601 date `YYYY-MM-DD`, refusing dates that do not exist.
 *
 * @param text - the text
 * @returns the date, or a `T-1` rejection
 * @example
 * parseLocalDate('2026-10-01') // => { ok: true, value: { year: 2026, month: 10, day: 1 } }
 */
export function parseLocalDate(text: unknown): Result<LocalDate> {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (date === undefined || !isLocalDate(date)) {
    return fail(
      reject(
        'T-1',
        'date.invalid',
        {
          'zh-CN': `日期无效：${String(text)}（应为 YYYY-MM-DD 格式的真实日期）`,
          en: `not a date: ${String(text)} (expected a real date as YYYY-MM-DD)`,
        },
        { text },
      ),
    );
  }
  return ok(date);
}

/**
 * Reads a time of day `HH:MM` (24-hour).
 *
 * @param text - the text
 * @returns the time, or a `T-1` rejection
 * @example
 * parseLocalTime('08:30') // => { ok: true, value: { hour: 8, minute: 30 } }
 */
export function parseLocalTime(text: unknown): Result<LocalTime> {
  const m = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  const time = m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
  if (time === undefined || !isLocalTime(time)) {
    return fail(
      reject(
        'T-1',
        'time.invalid',
        {
          'zh-CN': `时间无效：${String(text)}（应为 HH:MM，24 小时制）`,
          en: `not a time of day: ${String(text)} (expected HH:MM, 24-hour)`,
        },
        { text },
      ),
    );
  }
  return ok(time);
}
