import { fail, ok, reject, type Result } from '../rejection/index.js';
import {
  isLocalDate,
  isLocalTime,
  toEpochDay,
  type EpochDay,
  type LocalDate,
  type LocalDateTime,
  type Weekday,
} from './local-date.js';
import { isTimeZone } from './zone.js';
import {
  MAX_COUNT,
  MAX_INTERVAL,
  hasOccurrences,
  occurrenceIndex,
  type MovedOccurrence,
  type Nth,
  type RecurrenceRule,
  type RuleEnd,
  type Series,
} from './recurrence.js';

// Checks of recurrence rules and series given as arbitrary JSON (M-1): rejections, never throws.

type Bad = Result<never>;

const bad = (code: string, zh: string, en: string, data: Record<string, unknown> = {}): Bad =>
  fail(reject('M-1', code, { 'zh-CN': zh, en }, data));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isWeekday = (v: unknown): v is Weekday =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7;

const isIntIn = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

const RULE_FIELDS = new Set([
  'freq',
  'interval',
  'byWeekday',
  'byMonthDay',
  'nth',
  'count',
  'until',
]);
const SERIES_FIELDS = new Set(['rule', 'start', 'zone', 'skipped', 'moved']);
const NTHS: readonly unknown[] = [1, 2, 3, 4, -1];

function unknownField(
  value: Record<string, unknown>,
  allowed: Set<string>,
  code: string,
  what: string,
  zh: string,
): Bad | null {
  for (const field of Object.keys(value)) {
    if (!allowed.has(field)) {
      return bad(
        code,
        `${zh}含有不认识的字段 ${field}（可用：${[...allowed].join('、')}）`,
        `${what} has an unknown field ${field} (allowed: ${[...allowed].join(', ')})`,
        { field },
      );
    }
  }
  return null;
}

/**
 * Checks arbitrary JSON as a recurrence rule (M-1), normalizing a weekly rule's weekdays (sorted,
 * unique).
 *
 * @param value - anything
 * @returns the rule, or an `M-1` rejection naming the field (`rule.nth-invalid`, …)
 * @example
 * checkRecurrenceRule({ freq: 'monthly', interval: 1, byWeekday: 5, nth: 5 }).ok // => false (rule.nth-invalid)
 */
export function checkRecurrenceRule(value: unknown): Result<RecurrenceRule> {
  if (!isRecord(value)) {
    return bad(
      'rule.not-object',
      `重复规则必须是对象：${show(value)}`,
      `a recurrence rule must be an object, got ${show(value)}`,
    );
  }
  const unknown = unknownField(
    value,
    RULE_FIELDS,
    'rule.unknown-field',
    'the recurrence rule',
    '重复规则',
  );
  if (unknown) return unknown;
  const { freq, interval, byWeekday, byMonthDay, nth, count, until } = value;
  if (freq !== 'weekly' && freq !== 'monthly') {
    return bad(
      'rule.freq-invalid',
      `重复频率必须是 weekly（每周）或 monthly（每月），而不是 ${show(freq)}`,
      `freq must be 'weekly' or 'monthly', not ${show(freq)}`,
      { freq },
    );
  }
  if (!isIntIn(interval, 1, MAX_INTERVAL)) {
    return bad(
      'rule.interval-invalid',
      `间隔必须是 1 到 ${MAX_INTERVAL} 的整数，而不是 ${show(interval)}`,
      `interval must be a whole number from 1 to ${MAX_INTERVAL}, not ${show(interval)}`,
      { interval },
    );
  }
  if (count !== undefined && until !== undefined) {
    return bad(
      'rule.count-and-until',
      '次数（count）和截止日期（until）只能给一个',
      'give count or until, not both',
      { count, until },
    );
  }
  if (count !== undefined && !isIntIn(count, 1, MAX_COUNT)) {
    return bad(
      'rule.count-invalid',
      `次数必须是 1 到 ${MAX_COUNT} 的整数，而不是 ${show(count)}`,
      `count must be a whole number from 1 to ${MAX_COUNT}, not ${show(count)}`,
      { count },
    );
  }
  if (until !== undefined && !isLocalDate(until)) {
    return bad(
      'rule.until-invalid',
      `截止日期无效：${show(until)}`,
      `until is not a real date: ${show(until)}`,
      { until },
    );
  }
  const end: RuleEnd =
    count !== undefined ? { count } : until !== undefined ? { until: copyDate(until) } : {};
  if (freq === 'weekly') {
    if (byMonthDay !== undefined || nth !== undefined) {
      return bad(
        'rule.ambiguous',
        '每周规则不能带 byMonthDay 或 nth',
        'a weekly rule takes neither byMonthDay nor nth',
        { byMonthDay, nth },
      );
    }
    if (!Array.isArray(byWeekday) || byWeekday.length === 0 || !byWeekday.every(isWeekday)) {
      return bad(
        'rule.weekday-invalid',
        `每周规则需要至少一个星期几（1=周一 … 7=周日）：${show(byWeekday)}`,
        `a weekly rule needs one or more weekdays (1 = Monday … 7 = Sunday): ${show(byWeekday)}`,
        { byWeekday },
      );
    }
    const days = [...new Set(byWeekday)].sort((a, b) => a - b);
    return ok({ freq, interval, byWeekday: days, ...end });
  }
  if (byMonthDay !== undefined) {
    if (byWeekday !== undefined || nth !== undefined) {
      return bad(
        'rule.ambiguous',
        '每月规则要么按日期（byMonthDay），要么按第几个星期几（byWeekday + nth），不能两者都有',
        'a monthly rule is by date (byMonthDay) or by weekday (byWeekday + nth), not both',
        { byMonthDay, byWeekday, nth },
      );
    }
    if (!isIntIn(byMonthDay, 1, 31)) {
      return bad(
        'rule.month-day-invalid',
        `每月的日期必须是 1 到 31 的整数，而不是 ${show(byMonthDay)}`,
        `byMonthDay must be a whole number from 1 to 31, not ${show(byMonthDay)}`,
        { byMonthDay },
      );
    }
    return ok({ freq, interval, byMonthDay, ...end });
  }
  if (byWeekday === undefined || nth === undefined) {
    return bad(
      'rule.ambiguous',
      '每月规则需要 byMonthDay，或 byWeekday 加 nth',
      'a monthly rule needs byMonthDay, or byWeekday with nth',
      { byWeekday, nth },
    );
  }
  if (!isWeekday(byWeekday)) {
    return bad(
      'rule.weekday-invalid',
      `星期几必须是 1（周一）到 7（周日）：${show(byWeekday)}`,
      `byWeekday must be 1 (Monday) to 7 (Sunday): ${show(byWeekday)}`,
      { byWeekday },
    );
  }
  if (!NTHS.includes(nth)) {
    return bad(
      'rule.nth-invalid',
      `nth 必须是 1、2、3、4 或 -1（最后一个），而不是 ${show(nth)}`,
      `nth must be 1, 2, 3, 4 or -1 (the last), not ${show(nth)}`,
      { nth },
    );
  }
  return ok({ freq, interval, byWeekday, nth: nth as Nth, ...end });
}

const copyDate = (d: LocalDate): LocalDate => ({ year: d.year, month: d.month, day: d.day });

function copyDateTime(d: LocalDateTime): LocalDateTime {
  const base = { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute };
  return {
    ...base,
    ...(d.second === undefined ? {} : { second: d.second }),
    ...(d.millisecond === undefined ? {} : { millisecond: d.millisecond }),
  };
}

const isLocalDateTime = (v: unknown): v is LocalDateTime => isLocalDate(v) && isLocalTime(v);

/**
 * Checks arbitrary JSON as a series (M-1): the rule, a real start date and time, a known zone, and
 * skipped and moved dates that are occurrences of the rule, each at most once. A rule that never
 * gives a date (the 30th of every February) is refused.
 *
 * @param value - anything
 * @returns the series (copied, weekdays normalized), or an `M-1` rejection with a stable code
 * @example
 * checkSeries({ rule: { freq: 'weekly', interval: 0, byWeekday: [1] }, start, zone: 'Asia/Shanghai' }).ok
 * // => false (rule.interval-invalid)
 */
export function checkSeries(value: unknown): Result<Series> {
  if (!isRecord(value)) {
    return bad(
      'series.not-object',
      `重复会议必须是对象：${show(value)}`,
      `a series must be an object, got ${show(value)}`,
    );
  }
  const unknown = unknownField(
    value,
    SERIES_FIELDS,
    'series.unknown-field',
    'the series',
    '重复会议',
  );
  if (unknown) return unknown;
  const rule = checkRecurrenceRule(value.rule);
  if (!rule.ok) return rule;
  const { start, zone, skipped, moved } = value;
  if (!isLocalDateTime(start)) {
    return bad(
      'series.start-invalid',
      `开始日期时间无效：${show(start)}`,
      `start is not a real date and time: ${show(start)}`,
      { start },
    );
  }
  if (!isTimeZone(zone)) {
    return bad(
      'series.zone-invalid',
      `未知的时区：${show(zone)}`,
      `unknown time zone: ${show(zone)}`,
      { zone },
    );
  }
  if (skipped !== undefined && (!Array.isArray(skipped) || !skipped.every(isLocalDate))) {
    return bad(
      'series.skipped-invalid',
      `跳过的日期必须是日期列表：${show(skipped)}`,
      `skipped must be a list of dates: ${show(skipped)}`,
      { skipped },
    );
  }
  const isMoved = (m: unknown): m is MovedOccurrence =>
    isRecord(m) && isLocalDate(m.from) && isLocalDateTime(m.to);
  if (moved !== undefined && (!Array.isArray(moved) || !moved.every(isMoved))) {
    return bad(
      'series.moved-invalid',
      `调整的场次必须是 { from: 原日期, to: 新日期时间 } 的列表：${show(moved)}`,
      `moved must be a list of { from: date, to: date and time }: ${show(moved)}`,
      { moved },
    );
  }
  const series: Series = {
    rule: rule.value,
    start: copyDateTime(start),
    zone,
    ...(skipped === undefined ? {} : { skipped: skipped.map(copyDate) }),
    ...(moved === undefined
      ? {}
      : { moved: moved.map((m) => ({ from: copyDate(m.from), to: copyDateTime(m.to) })) }),
  };
  const seen = new Set<EpochDay>();
  for (const date of [...(series.skipped ?? []), ...(series.moved ?? []).map((m) => m.from)]) {
    const day = toEpochDay(date);
    const text = `${date.year}-${date.month}-${date.day}`;
    if (seen.has(day)) {
      return bad(
        'series.duplicate-exception',
        `${text} 被跳过或调整了不止一次`,
        `${text} is skipped or moved more than once`,
        { date },
      );
    }
    seen.add(day);
    if (occurrenceIndex(series, date) < 0) {
      return bad(
        'series.not-an-occurrence',
        `${text} 不是这个重复会议的一场，不能跳过或调整`,
        `${text} is not an occurrence of the series, so it cannot be skipped or moved`,
        { date },
      );
    }
  }
  if (!hasOccurrences(series)) {
    return bad(
      'series.empty',
      '这个重复规则从开始日期起没有任何一场',
      'the rule gives no occurrence from the start date on',
      { rule: series.rule, start: series.start },
    );
  }
  return ok(series);
}
