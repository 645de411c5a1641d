import { fail, ok, reject, type Rejection, type Result } from '../rejection/index.js';
import { MINUTE, type Instant } from './instant.js';
import {
  fromEpochDay,
  parseLocalDate,
  parseLocalTime,
  toEpochDay,
  weekdayOfEpochDay,
  type EpochDay,
  type LocalDate,
  type Weekday,
} from './local-date.js';
import { DEFAULT_ZONE, isTimeZone, toInstant, toWall, type TimeZone } from './zone.js';

/**
 * A working calendar as plain data (T-3), as a site keeps it or an integrator imports it.
 * Everything is optional; the defaults are a Monday–Friday week, 09:00–18:00, in Asia/Shanghai.
 */
export interface WorkingCalendarData {
  /** The site's IANA zone; default `Asia/Shanghai`. */
  readonly zone?: TimeZone;
  /** The weekly days off, ISO weekdays; default `[6, 7]` (Saturday, Sunday). */
  readonly weekend?: readonly Weekday[];
  /** Public holidays, `YYYY-MM-DD`: days off even on a weekday. */
  readonly holidays?: readonly string[];
  /** Make-up working days (调休), `YYYY-MM-DD`: working days even on a weekend. */
  readonly workdays?: readonly string[];
  /** The working hours of a working day, `HH:MM`; default `09:00`–`18:00`. */
  readonly hours?: { readonly start: string; readonly end: string };
}

/** A checked working calendar, ready for fast arithmetic. Build it with {@link createWorkingCalendar}. */
export interface WorkingCalendar {
  readonly zone: TimeZone;
  readonly weekend: ReadonlySet<Weekday>;
  /** Holidays that fall on a weekly working day (others change nothing), sorted day numbers. */
  readonly holidays: readonly EpochDay[];
  /** Make-up working days that fall on a weekly day off (others change nothing), sorted. */
  readonly workdays: readonly EpochDay[];
  /** Working hours as minutes after midnight, `start < end`. */
  readonly hours: { readonly start: number; readonly end: number };
}

const t3 = (code: string, zh: string, en: string, data: Record<string, unknown>): Result<never> =>
  fail(reject('T-3', code, { 'zh-CN': zh, en }, data));

function parseDays(list: unknown, field: string): Result<EpochDay[]> {
  if (list === undefined) return ok([]);
  if (!Array.isArray(list)) {
    return t3('calendar.invalid', `${field} 必须是日期列表`, `${field} must be a list of dates`, {
      field,
    });
  }
  const days: EpochDay[] = [];
  for (const text of list) {
    const date = parseLocalDate(text);
    if (!date.ok) return fail(withField(date.rejection, field));
    days.push(toEpochDay(date.value));
  }
  return ok(days);
}

const withField = (r: Rejection, field: string): Rejection =>
  reject(
    'T-3',
    r.code,
    {
      'zh-CN': `${field}：${r.message['zh-CN']}`,
      en: `${field}: ${r.message.en}`,
    },
    { ...r.data, field },
  );

/**
 * Checks working-calendar data from outside and prepares it for arithmetic (T-3).
 *
 * @param data - the calendar as plain data (arbitrary JSON is refused, never thrown)
 * @returns the calendar, or a `T-3` rejection naming the bad field
 * @example
 * createWorkingCalendar({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] }).ok // => true
 */
export function createWorkingCalendar(data: unknown = {}): Result<WorkingCalendar> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return t3(
      'calendar.invalid',
      '工作日历必须是一个对象',
      'a working calendar must be an object',
      {},
    );
  }
  const d = data as Record<string, unknown>;
  const zone = d['zone'] ?? DEFAULT_ZONE;
  if (!isTimeZone(zone)) {
    return t3('calendar.zone', `未知时区：${String(zone)}`, `unknown time zone: ${String(zone)}`, {
      zone,
    });
  }
  const weekendList = d['weekend'] ?? [6, 7];
  if (
    !Array.isArray(weekendList) ||
    !weekendList.every((w) => Number.isInteger(w) && w >= 1 && w <= 7) ||
    new Set(weekendList).size > 6
  ) {
    return t3(
      'calendar.weekend',
      '周末必须是 1（周一）到 7（周日）之间的星期几，且一周至少有一个工作日',
      'weekend must list ISO weekdays 1 (Monday) to 7 (Sunday), leaving at least one working day',
      { weekend: weekendList },
    );
  }
  const weekend = new Set(weekendList as Weekday[]);
  const holidays = parseDays(d['holidays'], 'holidays');
  if (!holidays.ok) return holidays;
  const workdays = parseDays(d['workdays'], 'workdays');
  if (!workdays.ok) return workdays;
  const clash = holidays.value.find((h) => workdays.value.includes(h));
  if (clash !== undefined) {
    const date = fromEpochDay(clash);
    return t3(
      'calendar.clash',
      `${date.year}-${date.month}-${date.day} 不能既是节假日又是调休工作日`,
      `${date.year}-${date.month}-${date.day} cannot be both a holiday and a make-up working day`,
      { day: clash },
    );
  }
  const hoursData = (d['hours'] ?? { start: '09:00', end: '18:00' }) as Record<string, unknown>;
  const start = parseLocalTime(hoursData['start']);
  const end = parseLocalTime(hoursData['end']);
  if (!start.ok) return fail(withField(start.rejection, 'hours.start'));
  if (!end.ok) return fail(withField(end.rejection, 'hours.end'));
  const hours = {
    start: start.value.hour * 60 + start.value.minute,
    end: end.value.hour * 60 + end.value.minute,
  };
  if (hours.start >= hours.end) {
    return t3(
      'calendar.hours',
      '下班时间必须晚于上班时间',
      'working hours must end after they start',
      { hours: hoursData },
    );
  }
  const isWeekend = (n: EpochDay): boolean => weekend.has(weekdayOfEpochDay(n));
  const sorted = (xs: EpochDay[]): EpochDay[] => [...new Set(xs)].sort((a, b) => a - b);
  return ok({
    zone,
    weekend,
    holidays: sorted(holidays.value.filter((n) => !isWeekend(n))),
    workdays: sorted(workdays.value.filter(isWeekend)),
    hours,
  });
}

/** How many of the sorted `days` lie in `(a, b]`. */
function countIn(days: readonly EpochDay[], a: EpochDay, b: EpochDay): number {
  return upperBound(days, b) - upperBound(days, a);
}

/** The number of entries `<= x` in a sorted array. */
function upperBound(days: readonly EpochDay[], x: EpochDay): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as EpochDay) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weekly days off in `(a, b]`, for `a <= b`, in constant time. */
function weekendDaysIn(cal: WorkingCalendar, a: EpochDay, b: EpochDay): number {
  const total = b - a;
  const weeks = Math.floor(total / 7);
  let count = weeks * cal.weekend.size;
  for (let n = a + weeks * 7 + 1; n <= b; n++) if (cal.weekend.has(weekdayOfEpochDay(n))) count++;
  return count;
}

function workingDaysIn(cal: WorkingCalendar, a: EpochDay, b: EpochDay): number {
  return (
    b - a - weekendDaysIn(cal, a, b) - countIn(cal.holidays, a, b) + countIn(cal.workdays, a, b)
  );
}

/**
 * The default working calendar: Monday–Friday, 09:00–18:00, Asia/Shanghai, no holidays. What a
 * decider counts working days on when it is given no calendar. Internal.
 *
 * @returns the calendar
 * @example
 * defaultWorkingCalendar().hours // => { start: 540, end: 1080 }
 */
export function defaultWorkingCalendar(): WorkingCalendar {
  const cal = createWorkingCalendar();
  // Stryker disable next-line ConditionalExpression: the defaults always make a calendar, so the throw is unreachable
  if (!cal.ok) throw new Error(cal.rejection.message.en);
  return cal.value;
}

/**
 * Whether a date is a working day (T-3): not a weekly day off unless a make-up working day, and not
 * a public holiday.
 *
 * @param cal - the working calendar
 * @param date - the date
 * @returns true on a working day
 * @example
 * isWorkingDay(cal, { year: 2026, month: 10, day: 10 }) // => true when 10 October is a make-up day
 */
export function isWorkingDay(cal: WorkingCalendar, date: LocalDate): boolean {
  const n = toEpochDay(date);
  return workingDaysIn(cal, n - 1, n) === 1;
}

/**
 * The number of working days after `a` up to and including `b` (T-3): how many working days `b` is
 * from `a`. Negative when `b` is before `a`: `workingDaysBetween(b, a) = -workingDaysBetween(a, b)`.
 *
 * @param cal - the working calendar
 * @param a - the date counted from
 * @param b - the date counted to
 * @returns the count of working days in `(a, b]`
 * @example
 * workingDaysBetween(cal, { year: 2026, month: 11, day: 27 }, { year: 2026, month: 11, day: 30 }) // => 1 (Fri → Mon)
 */
export function workingDaysBetween(cal: WorkingCalendar, a: LocalDate, b: LocalDate): number {
  const x = toEpochDay(a);
  const y = toEpochDay(b);
  // Stryker disable next-line ConditionalExpression: the count over (x, y] is antisymmetric as computed (whole weeks and the holiday counts change sign with the range), so counting a reversed range directly gives the same number
  return x <= y ? workingDaysIn(cal, x, y) : -workingDaysIn(cal, y, x);
}

/**
 * The `n`-th working day after a date (T-3): "within N working days" ends there. With `n = 0` the
 * date itself. Always lands on a working day for `n >= 1`, and
 * `workingDaysBetween(a, addWorkingDays(a, n)) = n`.
 *
 * @param cal - the working calendar
 * @param date - the date counted from
 * @param n - a whole number of working days, `>= 0`
 * @returns the date `n` working days later
 * @throws RangeError when `n` is negative or not an integer
 * @example
 * addWorkingDays(cal, { year: 2026, month: 11, day: 27 }, 1) // => { year: 2026, month: 11, day: 30 }
 */
export function addWorkingDays(cal: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  const a = toEpochDay(date);
  // Stryker disable next-line ConditionalExpression: with n = 0 the search below ends at once on the date itself; the early return only spares it
  if (n === 0) return date;
  // workingDaysIn(a, ·) is non-decreasing and rises by one on each working day: find where it reaches n.
  let lo = a;
  let hi = a + n;
  while (workingDaysIn(cal, a, hi) < n) {
    lo = hi;
    // Stryker disable next-line ArithmeticOperator: the count is monotone in the day, so whatever bound the loop stops at lies above lo, and the bisection finds the same first day
    hi = a + 2 * (hi - a) + 7;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingDaysIn(cal, a, mid) >= n) hi = mid;
    else lo = mid;
  }
  return fromEpochDay(hi);
}

/**
 * The next moment someone is at work (T-3): `t` itself during working hours of a working day,
 * otherwise the start of the next working hours.
 *
 * @param cal - the working calendar
 * @param t - the instant
 * @returns the first instant at or after `t` inside working hours
 * @example
 * nextWorkingMoment(cal, fridayAt20h) // => Monday 09:00 in the calendar's zone
 */
export function nextWorkingMoment(cal: WorkingCalendar, t: Instant): Instant {
  const wall = toWall(t, cal.zone);
  const minuteOfDay =
    // Stryker disable next-line ArithmeticOperator: working hours are whole minutes, so any fraction of a minute in [0, 1) leaves every comparison below as it is
    wall.hour * 60 + wall.minute + (wall.second * 1000 + wall.millisecond) / MINUTE;
  let date: LocalDate = wall;
  if (isWorkingDay(cal, wall)) {
    // Stryker disable next-line EqualityOperator: at the very start of working hours, t and the start of today's hours are the same instant
    if (minuteOfDay >= cal.hours.start && minuteOfDay < cal.hours.end) return t;
    if (minuteOfDay >= cal.hours.end) date = addWorkingDays(cal, wall, 1);
  } else {
    date = addWorkingDays(cal, wall, 1);
  }
  return atMinute(cal, date, cal.hours.start);
}

/**
 * When something due "within `n` working days" of `t` is due: the end of working hours on the
 * `n`-th working day after `t`'s date (N-5, F-1, F-4). With `n = 0`, the end of working hours on
 * `t`'s date if it is a working day, else on the next one.
 *
 * @param cal - the working calendar
 * @param t - when the clock starts
 * @param n - working days allowed, `>= 0`
 * @returns the instant it is due
 * @example
 * workingDeadline(cal, fridayAt17h, 1) // => Monday 18:00
 */
export function workingDeadline(cal: WorkingCalendar, t: Instant, n: number): Instant {
  const today = toWall(t, cal.zone);
  const day =
    n === 0 && !isWorkingDay(cal, today)
      ? addWorkingDays(cal, today, 1)
      : addWorkingDays(cal, today, n);
  return atMinute(cal, day, cal.hours.end);
}

function atMinute(cal: WorkingCalendar, date: LocalDate, minute: number): Instant {
  return toInstant(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minute / 60),
      minute: minute % 60,
    },
    cal.zone,
  );
}
