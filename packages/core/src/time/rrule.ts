import { fail, ok, reject, type Result } from '../rejection/index.js';
import { DAY, HOUR, MINUTE, type Instant } from './instant.js';
import {
  addDays,
  fromEpochDay,
  isLocalDate,
  isLocalTime,
  toEpochDay,
  weekdayOf,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
  type Weekday,
} from './local-date.js';
import {
  MAX_COUNT,
  MAX_INTERVAL,
  wallOf,
  type Nth,
  type RecurrenceRule,
  type RuleEnd,
  type Series,
} from './recurrence.js';
import { checkSeries } from './check-series.js';
import { isTimeZone, localDateOf, toInstant, type TimeZone } from './zone.js';

/**
 * What `parseRRule` needs to read a rule as RFC 5545 does: the series' start (DTSTART) and zone.
 * With it, a UTC date-time `UNTIL` converts exactly, and a missing `BYDAY` (weekly) or
 * `BYMONTHDAY` (monthly) defaults to the start's weekday or day of month.
 */
export interface RRuleContext {
  readonly start: LocalDateTime;
  readonly zone: TimeZone;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const dayCode = (d: Weekday): string => DAY_CODES[d - 1] as string;
const weekdayOfCode = (code: string): Weekday => (DAY_CODES.indexOf(code as 'MO') + 1) as Weekday;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const dateText = (d: LocalDate): string => `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;
const dateTimeText = (w: LocalDateTime): string =>
  `${dateText(w)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second ?? 0)}`;
const sameDate = (a: LocalDate, b: LocalDate): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

function utcText(t: Instant): string {
  const day = Math.floor(t / DAY);
  const ms = t - day * DAY;
  const time = {
    hour: Math.floor(ms / HOUR),
    minute: Math.floor((ms % HOUR) / MINUTE),
    second: Math.floor((ms % MINUTE) / 1000),
  };
  return `${dateTimeText({ ...fromEpochDay(day), ...time })}Z`;
}

function rruleText(rule: RecurrenceRule, until: string | undefined): string {
  const parts = [`FREQ=${rule.freq === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'weekly') parts.push(`BYDAY=${rule.byWeekday.map(dayCode).join(',')}`);
  else if ('byMonthDay' in rule) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  else parts.push(`BYDAY=${rule.nth}${dayCode(rule.byWeekday)}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (until !== undefined) parts.push(`UNTIL=${until}`);
  return parts.join(';');
}

/**
 * Writes a rule as an RFC 5545 `RRULE` value (M-1). `INTERVAL=1` is left out; `UNTIL` is written as
 * a DATE (`YYYYMMDD`), which says exactly "up to and including this local date". (Inside a full
 * series, {@link formatSeries} writes the UTC date-time that RFC 5545 asks for beside a TZID.)
 *
 * @param rule - the rule
 * @returns the text, without the `RRULE:` prefix
 * @example
 * formatRRule({ freq: 'monthly', interval: 1, byWeekday: 5, nth: -1 }) // => 'FREQ=MONTHLY;BYDAY=-1FR'
 * formatRRule({ freq: 'weekly', interval: 2, byWeekday: [1, 3], count: 10 }) // => 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10'
 */
export function formatRRule(rule: RecurrenceRule): string {
  return rruleText(rule, rule.until === undefined ? undefined : dateText(rule.until));
}

type Bad = Result<never>;

const rejectPart = (
  code: string,
  part: string,
  value: string | undefined,
  zh: string,
  en: string,
): Bad =>
  fail(reject('M-1', code, { 'zh-CN': zh, en }, value === undefined ? { part } : { part, value }));

const unsupported = (part: string, value: string, zh: string, en: string): Bad =>
  rejectPart(
    'rrule.unsupported',
    part,
    value,
    `不支持 RRULE 的 ${part}=${value}：${zh}`,
    `RRULE ${part}=${value} is not supported: ${en}`,
  );

const invalid = (part: string, value: string, zh: string, en: string): Bad =>
  rejectPart(
    'rrule.invalid-value',
    part,
    value,
    `RRULE 的 ${part}=${value} 无效：应为${zh}`,
    `RRULE ${part}=${value} is not valid: expected ${en}`,
  );

const KNOWN_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST']);
const RFC_PARTS = new Set([
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'RSCALE',
  'SKIP',
]);
const RFC_FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'YEARLY']);
const DAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

function readCount(part: string, value: string, max: number): number | Bad {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (n >= 1 && n <= max) return n;
  return invalid(part, value, `1 到 ${max} 的整数`, `a whole number from 1 to ${max}`);
}

/** Reads `YYYYMMDDTHHMMSS[Z]` into a wall date-time and whether it is UTC. */
function readDateTime(text: string): { wall: LocalDateTime; utc: boolean } | undefined {
  const m = DATE_TIME_RE.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const wall = { year, month, day, hour, minute, ...(second ? { second } : {}) } as LocalDateTime;
  return isLocalDate(wall) && isLocalTime(wall) ? { wall, utc: m[7] === 'Z' } : undefined;
}

function readDate(text: string): LocalDate | undefined {
  const m = DATE_RE.exec(text);
  const date =
    m === null ? undefined : { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isLocalDate(date) ? date : undefined;
}

const utcInstant = (w: LocalDateTime): Instant =>
  toEpochDay(w) * DAY + w.hour * HOUR + w.minute * MINUTE + (w.second ?? 0) * 1000;

/**
 * The last date a UTC `UNTIL` allows: the UNTIL instant's local date if that date's occurrence is
 * not after UNTIL, else the day before.
 */
function untilDate(until: Instant, time: LocalTime, zone: TimeZone): LocalDate {
  const date = localDateOf(until, zone);
  if (date.year > 9999) return { year: 9999, month: 12, day: 31 };
  if (!isLocalDate(date)) return date; // before year 1: refused by the caller
  return toInstant(wallOf(date, time), zone) <= until ? date : addDays(date, -1);
}

function readUntil(value: string, context: RRuleContext | undefined): LocalDate | Bad {
  const date = readDate(value);
  if (date !== undefined) return date;
  const dt = readDateTime(value);
  if (dt === undefined) {
    return invalid(
      'UNTIL',
      value,
      '日期 YYYYMMDD 或 UTC 日期时间 YYYYMMDDTHHMMSSZ',
      'a date YYYYMMDD or a UTC date-time YYYYMMDDTHHMMSSZ',
    );
  }
  if (!dt.utc) {
    return unsupported(
      'UNTIL',
      value,
      '日期时间形式的 UNTIL 必须是 UTC（以 Z 结尾）',
      'a date-time UNTIL must be UTC (end in Z)',
    );
  }
  if (context === undefined) {
    return rejectPart(
      'rrule.until-needs-start',
      'UNTIL',
      value,
      `UNTIL=${value} 是 UTC 时刻，需要会议的开始时间和时区才能换算成截止日期（请用 parseSeries）`,
      `UNTIL=${value} is a UTC instant: reading it as a last date needs the series' start and zone (use parseSeries)`,
    );
  }
  const last = untilDate(utcInstant(dt.wall), context.start, context.zone);
  return isLocalDate(last)
    ? last
    : invalid('UNTIL', value, '1 到 9999 年之间的时刻', 'an instant in the years 1 to 9999');
}

const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'ok' in v;

/**
 * Reads an RFC 5545 `RRULE` value (M-1), with or without the `RRULE:` prefix, in any case and any
 * order of parts. Only the subset a regular meeting uses is accepted: `FREQ=WEEKLY|MONTHLY`,
 * `INTERVAL`, `BYDAY` (weekly: plain days; monthly: one day with 1–4 or -1), `BYMONTHDAY` (one day
 * 1–31), `COUNT`, `UNTIL` (a DATE, or a UTC date-time when `context` is given) and `WKST=MO`.
 * Anything else is refused, never misread.
 *
 * @param text - the text (anything: a non-string is refused)
 * @param context - the series' start and zone, for a UTC `UNTIL` and RFC defaults
 * @returns the rule, or an `M-1` rejection naming the part (`rrule.unsupported`, `rrule.syntax`,
 *   `rrule.invalid-value`, `rrule.duplicate-part`, `rrule.unknown-part`, `rrule.missing-freq`,
 *   `rrule.missing-part`, `rrule.count-and-until`, `rrule.until-needs-start`)
 * @example
 * parseRRule('RRULE:FREQ=MONTHLY;BYDAY=-1FR') // => { ok: true, value: { freq: 'monthly', interval: 1, byWeekday: 5, nth: -1 } }
 * parseRRule('FREQ=MONTHLY;BYSETPOS=-1').ok // => false (rrule.unsupported, part BYSETPOS)
 */
export function parseRRule(text: unknown, context?: RRuleContext): Result<RecurrenceRule> {
  if (typeof text !== 'string') {
    return rejectPart(
      'rrule.syntax',
      'RRULE',
      undefined,
      'RRULE 必须是文本',
      'an RRULE must be text',
    );
  }
  let body = text.trim();
  if (/^RRULE:/i.test(body)) body = body.slice(6);
  if (body === '') {
    return rejectPart('rrule.syntax', 'RRULE', undefined, 'RRULE 是空的', 'the RRULE is empty');
  }
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const m = /^([A-Za-z-]+)=([^=]*)$/.exec(part);
    if (m === null) {
      return rejectPart(
        'rrule.syntax',
        part,
        undefined,
        `RRULE 中的“${part}”不是 名称=值 的形式`,
        `"${part}" in the RRULE is not NAME=VALUE`,
      );
    }
    const name = (m[1] as string).toUpperCase();
    const value = (m[2] as string).toUpperCase();
    if (parts.has(name)) {
      return rejectPart(
        'rrule.duplicate-part',
        name,
        value,
        `RRULE 中 ${name} 出现了不止一次`,
        `${name} appears more than once in the RRULE`,
      );
    }
    if (!KNOWN_PARTS.has(name)) {
      if (RFC_PARTS.has(name)) {
        return unsupported(
          name,
          value,
          '只支持 FREQ、INTERVAL、BYDAY、BYMONTHDAY、COUNT、UNTIL 和 WKST=MO',
          'only FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST=MO are',
        );
      }
      return rejectPart(
        'rrule.unknown-part',
        name,
        value,
        `RRULE 中没有 ${name} 这一项`,
        `${name} is not an RRULE part`,
      );
    }
    parts.set(name, value);
  }

  const freq = parts.get('FREQ');
  if (freq === undefined) {
    return rejectPart(
      'rrule.missing-freq',
      'FREQ',
      undefined,
      'RRULE 缺少 FREQ',
      'the RRULE has no FREQ',
    );
  }
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    return RFC_FREQS.has(freq)
      ? unsupported(
          'FREQ',
          freq,
          '只支持每周（WEEKLY）和每月（MONTHLY）',
          'only WEEKLY and MONTHLY are',
        )
      : invalid('FREQ', freq, 'WEEKLY 或 MONTHLY', 'WEEKLY or MONTHLY');
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') {
    return DAY_CODES.includes(wkst as 'MO')
      ? unsupported('WKST', wkst, '每周从周一开始（WKST=MO）', 'weeks start on Monday (WKST=MO)')
      : invalid('WKST', wkst, 'MO', 'MO');
  }
  const intervalText = parts.get('INTERVAL');
  const interval =
    intervalText === undefined ? 1 : readCount('INTERVAL', intervalText, MAX_INTERVAL);
  if (isBad(interval)) return interval;

  const countText = parts.get('COUNT');
  const untilText = parts.get('UNTIL');
  if (countText !== undefined && untilText !== undefined) {
    return rejectPart(
      'rrule.count-and-until',
      'COUNT',
      countText,
      'RRULE 不能同时有 COUNT 和 UNTIL',
      'an RRULE cannot have both COUNT and UNTIL',
    );
  }
  let end: RuleEnd = {};
  if (countText !== undefined) {
    const count = readCount('COUNT', countText, MAX_COUNT);
    if (isBad(count)) return count;
    end = { count };
  } else if (untilText !== undefined) {
    const until = readUntil(untilText, context);
    if (isBad(until)) return until;
    end = { until };
  }

  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  if (freq === 'WEEKLY') {
    if (byMonthDay !== undefined) {
      return unsupported(
        'BYMONTHDAY',
        byMonthDay,
        '每周规则不能按日期（RFC 5545 不允许）',
        'a weekly rule takes no BYMONTHDAY (RFC 5545 forbids it)',
      );
    }
    if (byDay === undefined) {
      if (context === undefined) {
        return rejectPart(
          'rrule.missing-part',
          'BYDAY',
          undefined,
          '每周规则需要 BYDAY（如 BYDAY=MO,WE）',
          'a weekly rule needs BYDAY (such as BYDAY=MO,WE)',
        );
      }
      return ok({ freq: 'weekly', interval, byWeekday: [weekdayOf(context.start)], ...end });
    }
    const days = new Set<Weekday>();
    for (const item of byDay.split(',')) {
      const m = DAY_RE.exec(item);
      if (m === null)
        return invalid(
          'BYDAY',
          byDay,
          'MO、TU、WE、TH、FR、SA、SU 的列表',
          'a list of MO, TU, WE, TH, FR, SA, SU',
        );
      if (m[1] !== undefined) {
        return unsupported(
          'BYDAY',
          byDay,
          `每周规则的星期几不能带序号（${item}），序号只用于每月规则`,
          `a weekly rule takes plain weekdays; an ordinal such as ${item} is for monthly rules`,
        );
      }
      days.add(weekdayOfCode(m[2] as string));
    }
    return ok({ freq: 'weekly', interval, byWeekday: [...days].sort((a, b) => a - b), ...end });
  }

  if (byDay !== undefined && byMonthDay !== undefined) {
    return unsupported(
      'BYDAY',
      byDay,
      '每月规则要么按日期（BYMONTHDAY），要么按星期几（BYDAY），不能同时用',
      'a monthly rule is by BYMONTHDAY or by BYDAY, not both',
    );
  }
  if (byDay !== undefined) {
    if (byDay.includes(',')) {
      return unsupported(
        'BYDAY',
        byDay,
        '每月规则只能有一个星期几（如 BYDAY=-1FR）',
        'a monthly rule takes one weekday (such as BYDAY=-1FR)',
      );
    }
    const m = DAY_RE.exec(byDay);
    if (m === null)
      return invalid(
        'BYDAY',
        byDay,
        '带序号的星期几，如 3TU 或 -1FR',
        'an ordinal weekday such as 3TU or -1FR',
      );
    if (m[1] === undefined) {
      return unsupported(
        'BYDAY',
        byDay,
        '每月规则需要序号：第 1–4 个（1FR … 4FR）或最后一个（-1FR）',
        'a monthly BYDAY needs an ordinal: 1 to 4 (1FR … 4FR) or -1 for the last (-1FR)',
      );
    }
    const nth = Number(m[1]);
    if (nth === 0 || Math.abs(nth) > 5)
      return invalid('BYDAY', byDay, '序号 1–5 或 -1 到 -5', 'an ordinal from 1 to 5 or -1 to -5');
    if (nth === 5 || nth < -1) {
      return unsupported(
        'BYDAY',
        byDay,
        '只支持第 1–4 个（1–4）和最后一个（-1）',
        'only the 1st to 4th (1 to 4) and the last (-1) are',
      );
    }
    return ok({
      freq: 'monthly',
      interval,
      byWeekday: weekdayOfCode(m[2] as string),
      nth: nth as Nth,
      ...end,
    });
  }
  if (byMonthDay !== undefined) {
    if (byMonthDay.includes(',')) {
      return unsupported(
        'BYMONTHDAY',
        byMonthDay,
        '每月规则只能有一个日期',
        'a monthly rule takes one day of the month',
      );
    }
    const n = /^[+-]?\d{1,2}$/.test(byMonthDay) ? Number(byMonthDay) : NaN;
    if (n < 0 && n >= -31) {
      return unsupported(
        'BYMONTHDAY',
        byMonthDay,
        '不支持从月末倒数的日期；最后一个星期几请用 BYDAY=-1FR 这样的写法',
        'days counted from the month end are not; for the last weekday use BYDAY=-1FR and the like',
      );
    }
    if (!(n >= 1 && n <= 31))
      return invalid('BYMONTHDAY', byMonthDay, '1 到 31 的整数', 'a whole number from 1 to 31');
    return ok({ freq: 'monthly', interval, byMonthDay: n, ...end });
  }
  if (context === undefined) {
    return rejectPart(
      'rrule.missing-part',
      'BYMONTHDAY',
      undefined,
      '每月规则需要 BYMONTHDAY 或 BYDAY',
      'a monthly rule needs BYMONTHDAY or BYDAY',
    );
  }
  return ok({ freq: 'monthly', interval, byMonthDay: context.start.day, ...end });
}

function untilForSeries(until: LocalDate, time: LocalTime, zone: TimeZone): string {
  const at = Math.ceil(toInstant(wallOf(until, time), zone) / 1000) * 1000;
  // Exact unless a whole local day is skipped (Samoa, 2011): then the DATE form says it exactly.
  return sameDate(untilDate(at, time, zone), until) ? utcText(at) : dateText(until);
}

/**
 * Writes a series as RFC 5545 lines (M-1): `DTSTART;TZID=…`, `RRULE:…` and, when some dates are
 * skipped, one `EXDATE;TZID=…` line, separated by `\n`. `UNTIL` is written as the UTC instant of
 * the last allowed date's occurrence (rounded up to the second), as RFC 5545 asks beside a TZID, so
 * other readers (rrule.js, calendar apps) read the same last date; {@link parseSeries} reads it back
 * exactly. Moved occurrences are not written: in iCalendar each is its own VEVENT with a
 * `RECURRENCE-ID`.
 *
 * @param series - a checked series whose start has no milliseconds
 * @returns the text
 * @throws RangeError when the start has milliseconds (DTSTART holds whole seconds)
 * @example
 * formatSeries({ rule: { freq: 'weekly', interval: 1, byWeekday: [1], until: { year: 2026, month: 3, day: 30 } }, start: { year: 2026, month: 1, day: 5, hour: 9, minute: 0 }, zone: 'Asia/Shanghai' })
 * // => 'DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T010000Z'
 */
export function formatSeries(series: Series): string {
  const { rule, start, zone } = series;
  if ((start.millisecond ?? 0) !== 0) {
    throw new RangeError('DTSTART holds whole seconds: the series start has milliseconds');
  }
  const until = rule.until === undefined ? undefined : untilForSeries(rule.until, start, zone);
  const lines = [`DTSTART;TZID=${zone}:${dateTimeText(start)}`, `RRULE:${rruleText(rule, until)}`];
  const skipped = series.skipped ?? [];
  if (skipped.length > 0) {
    lines.push(
      `EXDATE;TZID=${zone}:${skipped.map((d) => dateTimeText(wallOf(d, start))).join(',')}`,
    );
  }
  return lines.join('\n');
}

const rejectLine = (code: string, line: string, zh: string, en: string): Bad =>
  fail(reject('M-1', code, { 'zh-CN': zh, en }, { line }));

interface ContentLine {
  readonly text: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
}

function readLine(text: string, allowed: readonly string[]): ContentLine | Bad {
  const m = /^([A-Za-z-]+)((?:;[^:]*)?):(.*)$/.exec(text);
  if (m === null) {
    return rejectLine(
      'series.syntax',
      text,
      `“${text}”不是 iCalendar 内容行`,
      `"${text}" is not an iCalendar content line`,
    );
  }
  const params = new Map<string, string>();
  for (const p of (m[2] as string).split(';').slice(1)) {
    const pm = /^([A-Za-z-]+)=(?:"([^"]*)"|([^";,]*))$/.exec(p);
    const name = pm?.[1]?.toUpperCase();
    if (pm === null || name === undefined || !allowed.includes(name) || params.has(name)) {
      return rejectLine(
        'series.unsupported',
        text,
        `不支持参数“${p}”：${text}`,
        `parameter "${p}" is not supported: ${text}`,
      );
    }
    params.set(name, pm[2] ?? pm[3] ?? '');
  }
  return { text, params, value: (m[3] as string).trim() };
}

/** The date of the occurrence that starts at an exact instant, if any. */
function occurrenceDateAt(at: Instant, time: LocalTime, zone: TimeZone): LocalDate | undefined {
  const date = localDateOf(at, zone);
  for (const d of [date, addDays(date, -1), addDays(date, 1)]) {
    if (isLocalDate(d) && toInstant(wallOf(d, time), zone) === at) return d;
  }
  return undefined;
}

function readExdates(line: ContentLine, start: LocalDateTime, zone: TimeZone): LocalDate[] | Bad {
  const kind = line.params.get('VALUE') ?? 'DATE-TIME';
  const tzid = line.params.get('TZID');
  if (kind !== 'DATE' && kind !== 'DATE-TIME') {
    return rejectLine(
      'series.unsupported',
      line.text,
      `EXDATE 只能是日期或日期时间：${line.text}`,
      `EXDATE must be a DATE or a DATE-TIME: ${line.text}`,
    );
  }
  if (tzid !== undefined && !isTimeZone(tzid)) {
    return rejectLine(
      'series.zone-invalid',
      line.text,
      `未知的时区：${tzid}`,
      `unknown time zone: ${tzid}`,
    );
  }
  const dates: LocalDate[] = [];
  for (const item of line.value.split(',')) {
    if (kind === 'DATE') {
      const date = readDate(item);
      if (date === undefined) {
        return rejectLine(
          'series.syntax',
          line.text,
          `EXDATE 中“${item}”不是日期 YYYYMMDD`,
          `"${item}" in EXDATE is not a date YYYYMMDD`,
        );
      }
      dates.push(date);
      continue;
    }
    const dt = readDateTime(item);
    if (dt === undefined || (dt.utc && tzid !== undefined)) {
      return rejectLine(
        'series.syntax',
        line.text,
        `EXDATE 中“${item}”不是日期时间 YYYYMMDDTHHMMSS`,
        `"${item}" in EXDATE is not a date-time YYYYMMDDTHHMMSS`,
      );
    }
    if (!dt.utc && tzid === undefined) {
      return rejectLine(
        'series.floating-time',
        line.text,
        `EXDATE 需要 TZID 或 UTC 时间（Z）：${item}`,
        `EXDATE needs a TZID or a UTC time (Z): ${item}`,
      );
    }
    const sameTime =
      dt.wall.hour === start.hour &&
      dt.wall.minute === start.minute &&
      (dt.wall.second ?? 0) === (start.second ?? 0);
    const date =
      tzid === zone
        ? sameTime
          ? { year: dt.wall.year, month: dt.wall.month, day: dt.wall.day }
          : undefined
        : occurrenceDateAt(
            dt.utc || tzid === undefined ? utcInstant(dt.wall) : toInstant(dt.wall, tzid),
            start,
            zone,
          );
    if (date === undefined) {
      return rejectLine(
        'series.exdate-time',
        line.text,
        `EXDATE 的 ${item} 不在会议的开始时间上，跳不过任何一场`,
        `EXDATE ${item} is not at the series' time of day, so it skips no occurrence`,
      );
    }
    dates.push(date);
  }
  return dates;
}

/**
 * Reads a series from RFC 5545 lines (M-1): one `DTSTART;TZID=zone:YYYYMMDDTHHMMSS` (or a UTC
 * `…Z`, read in zone `UTC`), one `RRULE:` (see {@link parseRRule}; a UTC `UNTIL` becomes the last
 * date whose occurrence is not after it) and any `EXDATE` lines (TZID, UTC or `VALUE=DATE`; each
 * must be at an occurrence). Lines may end in CRLF or LF and may be folded. Anything else is
 * refused.
 *
 * @param text - the text
 * @returns the checked series, or an `M-1` rejection (`series.syntax`, `series.unsupported`,
 *   `series.missing-line`, `series.duplicate-line`, `series.floating-time`, `series.exdate-time`,
 *   an `rrule.*` code, or a {@link checkSeries} code)
 * @example
 * parseSeries('DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO').ok // => true
 */
export function parseSeries(text: unknown): Result<Series> {
  if (typeof text !== 'string') {
    return rejectLine(
      'series.syntax',
      String(text),
      '重复会议的 iCalendar 文本必须是文本',
      'the iCalendar text of a series must be text',
    );
  }
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let dtstart: ContentLine | undefined;
  let rrule: ContentLine | undefined;
  const exdates: ContentLine[] = [];
  for (const l of lines) {
    const name = /^[A-Za-z-]+/.exec(l)?.[0].toUpperCase();
    if (name !== 'DTSTART' && name !== 'RRULE' && name !== 'EXDATE') {
      return rejectLine(
        'series.unsupported',
        l,
        `只支持 DTSTART、RRULE 和 EXDATE 行：${l}`,
        `only DTSTART, RRULE and EXDATE lines are supported: ${l}`,
      );
    }
    const line = readLine(l, name === 'RRULE' ? [] : ['TZID', 'VALUE']);
    if (isBad(line)) return line;
    if (name === 'EXDATE') exdates.push(line);
    else if ((name === 'DTSTART' ? dtstart : rrule) !== undefined) {
      return rejectLine(
        'series.duplicate-line',
        l,
        `${name} 只能有一行`,
        `there can be only one ${name} line`,
      );
    } else if (name === 'DTSTART') dtstart = line;
    else rrule = line;
  }
  if (dtstart === undefined || rrule === undefined) {
    const missing = dtstart === undefined ? 'DTSTART' : 'RRULE';
    return rejectLine(
      'series.missing-line',
      missing,
      `缺少 ${missing} 行`,
      `the ${missing} line is missing`,
    );
  }
  const tzid = dtstart.params.get('TZID');
  const kind = dtstart.params.get('VALUE') ?? 'DATE-TIME';
  const dt = kind === 'DATE-TIME' ? readDateTime(dtstart.value) : undefined;
  if (dt === undefined || (dt.utc && tzid !== undefined)) {
    return rejectLine(
      'series.syntax',
      dtstart.text,
      `DTSTART 必须是日期时间 YYYYMMDDTHHMMSS：${dtstart.text}`,
      `DTSTART must be a date-time YYYYMMDDTHHMMSS: ${dtstart.text}`,
    );
  }
  if (!dt.utc && tzid === undefined) {
    return rejectLine(
      'series.floating-time',
      dtstart.text,
      `DTSTART 需要 TZID 或 UTC 时间（Z）：${dtstart.text}`,
      `DTSTART needs a TZID or a UTC time (Z): ${dtstart.text}`,
    );
  }
  const zone = tzid ?? 'UTC';
  if (!isTimeZone(zone)) {
    return rejectLine(
      'series.zone-invalid',
      dtstart.text,
      `未知的时区：${zone}`,
      `unknown time zone: ${zone}`,
    );
  }
  const start = dt.wall;
  const rule = parseRRule(rrule.value, { start, zone });
  if (!rule.ok) return rule;
  const skipped: LocalDate[] = [];
  for (const line of exdates) {
    const dates = readExdates(line, start, zone);
    if (isBad(dates)) return dates;
    skipped.push(...dates);
  }
  return checkSeries({ rule: rule.value, start, zone, ...(skipped.length > 0 ? { skipped } : {}) });
}
