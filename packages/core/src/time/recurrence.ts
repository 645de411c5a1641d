import { DAY, isInstant, type Instant } from './instant.js';
import type { Interval } from './interval.js';
import {
  daysInMonth,
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type EpochDay,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
  type Weekday,
} from './local-date.js';
import { offsetAt, toInstant, type TimeZone } from './zone.js';

/** Which of a month's weekdays: the 1st to the 4th, or `-1` for the last (M-1). */
export type Nth = 1 | 2 | 3 | 4 | -1;

/**
 * How a rule ends: after `count` occurrences (≥ 1), on the date `until` (inclusive, wall-clock in
 * the series' zone), or never. Never both.
 */
export type RuleEnd =
  | { readonly count?: number; readonly until?: never }
  | { readonly until?: LocalDate; readonly count?: never };

/**
 * Every `interval` weeks on the given weekdays (`byWeekday`: non-empty, sorted, unique). Weeks
 * start on Monday (RFC 5545 `WKST=MO`).
 */
export type WeeklyRule = {
  readonly freq: 'weekly';
  readonly interval: number;
  readonly byWeekday: readonly Weekday[];
} & RuleEnd;

/** Every `interval` months on day `byMonthDay` (1–31); a month without that day has no occurrence. */
export type MonthlyByDayRule = {
  readonly freq: 'monthly';
  readonly interval: number;
  readonly byMonthDay: number;
} & RuleEnd;

/** Every `interval` months on the `nth` (1–4, or -1 for the last) `byWeekday` of the month. */
export type MonthlyByWeekdayRule = {
  readonly freq: 'monthly';
  readonly interval: number;
  readonly byWeekday: Weekday;
  readonly nth: Nth;
} & RuleEnd;

/** A recurrence rule of a regular meeting (M-1): weekly, monthly by date, monthly by weekday. */
export type RecurrenceRule = WeeklyRule | MonthlyByDayRule | MonthlyByWeekdayRule;

/** One occurrence moved elsewhere (an RFC 5545 `RECURRENCE-ID` override). */
export interface MovedOccurrence {
  /** The occurrence's original date: its identity. */
  readonly from: LocalDate;
  /** Its new wall date and time in the series' zone. */
  readonly to: LocalDateTime;
}

/**
 * A regular meeting's recurrence (M-1). `start` (DTSTART) is the first candidate date and the time
 * of day of every occurrence; it is not itself an occurrence unless the rule matches it. Skipped
 * dates (EXDATE) and moved occurrences still count toward the rule's `count`.
 *
 * The examples of this module use `mondays`, every Monday at 09:00 in Shanghai from 5 January 2026:
 * `{ rule: { freq: 'weekly', interval: 1, byWeekday: [1] }, start: { year: 2026, month: 1, day: 5,
 * hour: 9, minute: 0 }, zone: 'Asia/Shanghai' }`.
 */
export interface Series {
  readonly rule: RecurrenceRule;
  readonly start: LocalDateTime;
  readonly zone: TimeZone;
  readonly skipped?: readonly LocalDate[];
  readonly moved?: readonly MovedOccurrence[];
}

/** One occurrence of a series. */
export interface Occurrence {
  /** The date the rule gives it: its identity, kept when it is moved. */
  readonly date: LocalDate;
  /** When it starts (moved: the new time). */
  readonly start: Instant;
  /** Its 0-based position in the rule's sequence (skipped ones included). */
  readonly index: number;
  /** Whether it was moved from its rule time. */
  readonly moved: boolean;
}

/** The largest `interval` a rule may have. */
export const MAX_INTERVAL = 1000;
/** The largest `count` a rule may have. */
export const MAX_COUNT = 100_000;

const MAX_DAY: EpochDay = toEpochDay({ year: 9999, month: 12, day: 31 });

/** Called for each date of the rule in order; returning false stops the scan. */
type Visit = (day: EpochDay, date: LocalDate, index: number) => boolean;

const mod = (a: number, m: number): number => ((a % m) + m) % m;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** The inverse of `a` modulo `m` (they are coprime). */
function inverse(a: number, m: number): number {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** How many `t` in [0, n) have `t ≡ t0 (mod period)`, for `0 ≤ t0 < period`. */
const countIn = (t0: number, period: number, n: number): number =>
  t0 < n ? Math.floor((n - 1 - t0) / period) + 1 : 0;

/** The months `m0 + j·i` that fall in month-of-year `r` (0 = January): first `j` and period. */
function monthOfYearRun(m0: number, i: number, r: number): { j0: number; period: number } | null {
  const period = 12 / gcd(i, 12);
  for (let j = 0; j < period; j++) if (mod(m0 + j * i, 12) === r) return { j0: j, period };
  return null;
}

/** How many `t` in [0, n) make `a + t·s` a multiple of `m`: a linear congruence, no loop. */
function multiples(a: number, s: number, n: number, m: number): number {
  const h = gcd(s, m);
  const rhs = mod(-a, m);
  if (rhs % h !== 0) return 0;
  const period = m / h;
  return countIn(mod((rhs / h) * inverse(s / h, period), period), period, n);
}

/** How many of the candidate months `m0 + j·i`, `j` in [0, k), have no day `d`. */
function monthsWithout(m0: number, i: number, d: number, k: number): number {
  if (d <= 28) return 0;
  const count = (r: number): number => {
    const run = monthOfYearRun(m0, i, r);
    return run === null ? 0 : countIn(run.j0, run.period, k);
  };
  const februaries = count(1);
  if (d === 30) return februaries;
  if (d === 31) return februaries + count(3) + count(5) + count(8) + count(10);
  // d = 29: the Februaries of common years. Candidate Februaries fall in years y0 + t·s.
  const run = monthOfYearRun(m0, i, 1);
  if (run === null) return 0;
  const y0 = Math.floor((m0 + run.j0 * i) / 12);
  const s = (run.period * i) / 12;
  const leap = multiples(y0, s, februaries, 4) - multiples(y0, s, februaries, 100);
  return februaries - leap - multiples(y0, s, februaries, 400);
}

/** The day of the month a monthly rule gives in a month, or 0 when that month has none. */
function dayOfMonth(
  rule: MonthlyByDayRule | MonthlyByWeekdayRule,
  year: number,
  month: number,
): number {
  const dim = daysInMonth(year, month);
  if ('byMonthDay' in rule) return rule.byMonthDay <= dim ? rule.byMonthDay : 0;
  const first = 1 + mod(rule.byWeekday - weekdayOfEpochDay(toEpochDay({ year, month, day: 1 })), 7);
  return rule.nth > 0 ? first + 7 * (rule.nth - 1) : first + 7 * Math.floor((dim - first) / 7);
}

function scanWeekly(
  rule: WeeklyRule,
  startDay: EpochDay,
  lo: EpochDay,
  hi: EpochDay,
  count: number,
  visit: Visit,
): void {
  const days = rule.byWeekday;
  const n = days.length;
  const step = 7 * rule.interval;
  const firstWeekday = weekdayOfEpochDay(startDay);
  const week0 = startDay - firstWeekday + 1;
  let before = 0; // weekdays of the first week that come before the start date: not occurrences
  for (const d of days) if (d < firstWeekday) before++;
  let w = Math.floor((lo - week0) / step);
  for (let base = week0 + w * step; base <= hi; base += step, w++) {
    for (let p = 0; p < n; p++) {
      const day = base + (days[p] as number) - 1;
      if (day < lo) continue;
      if (day > hi) return;
      const index = w * n + p - before;
      if (index >= count) return;
      if (!visit(day, fromEpochDay(day), index)) return;
    }
  }
}

function scanMonthly(
  rule: MonthlyByDayRule | MonthlyByWeekdayRule,
  start: LocalDate,
  startDay: EpochDay,
  lo: EpochDay,
  hi: EpochDay,
  count: number,
  visit: Visit,
): void {
  const i = rule.interval;
  const m0 = start.year * 12 + start.month - 1;
  const from = fromEpochDay(lo);
  let k = Math.max(0, Math.floor((from.year * 12 + from.month - 1 - m0) / i));
  // The index of month k's occurrence, by arithmetic: months before it, less those without the
  // day, less month 0 when its date comes before the start.
  let index = 0;
  if (k > 0) {
    const first = dayOfMonth(rule, start.year, start.month);
    const beforeStart = first !== 0 && first < start.day ? 1 : 0;
    const without = 'byMonthDay' in rule ? monthsWithout(m0, i, rule.byMonthDay, k) : 0;
    index = k - without - beforeStart;
  }
  for (; ; k++) {
    const m = m0 + k * i;
    const year = Math.floor(m / 12);
    const month = m - year * 12 + 1;
    if (year > 9999) return;
    const dom = dayOfMonth(rule, year, month);
    if (dom === 0) {
      if (toEpochDay({ year, month, day: 1 }) > hi) return;
      continue;
    }
    const day = toEpochDay({ year, month, day: dom });
    if (day > hi) return;
    if (day < startDay) continue;
    if (day >= lo) {
      if (index >= count) return;
      if (!visit(day, { year, month, day: dom }, index)) return;
    }
    index++;
  }
}

/** Visits the rule's dates in [from, to], in order, with their index; skipped/moved not applied. */
function scan(series: Series, from: EpochDay, to: EpochDay, visit: Visit): void {
  const { rule, start } = series;
  const startDay = toEpochDay(start);
  const lo = Math.max(from, startDay);
  const hi = Math.min(to, rule.until === undefined ? MAX_DAY : toEpochDay(rule.until), MAX_DAY);
  if (!(lo <= hi)) return;
  const count = rule.count ?? Infinity;
  if (rule.freq === 'weekly') scanWeekly(rule, startDay, lo, hi, count, visit);
  else scanMonthly(rule, start, startDay, lo, hi, count, visit);
}

/**
 * The wall date-time of an occurrence: its date at the series' time of day.
 *
 * @param date - the occurrence's date
 * @param time - the series' time of day (its start)
 * @returns the wall date and time, with seconds and milliseconds
 * @example
 * wallOf({ year: 2026, month: 1, day: 12 }, { hour: 9, minute: 0 })
 * // => { year: 2026, month: 1, day: 12, hour: 9, minute: 0, second: 0, millisecond: 0 }
 */
export function wallOf(date: LocalDate, time: LocalTime): LocalDateTime {
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second ?? 0,
    millisecond: time.millisecond ?? 0,
  };
}

const MIN_DAY: EpochDay = toEpochDay({ year: 1, month: 1, day: 1 });

/** The local day of an instant; instants beyond years 1–9999 are clamped to just outside them. */
function localDay(t: Instant, zone: TimeZone): EpochDay {
  const c = Math.min(Math.max(t, (MIN_DAY - 2) * DAY), (MAX_DAY + 2) * DAY);
  return Math.floor((c + offsetAt(zone, c)) / DAY);
}

/**
 * The position of a date in the rule's sequence.
 *
 * @param series - the series
 * @param date - a date
 * @returns its 0-based index when the rule gives that date (within count and until), else -1
 * @example
 * occurrenceIndex(mondays, { year: 2026, month: 1, day: 19 }) // => 2
 */
export function occurrenceIndex(series: Series, date: LocalDate): number {
  const day = toEpochDay(date);
  let found = -1;
  scan(series, day, day, (_d, _date, index) => {
    found = index;
    return false;
  });
  return found;
}

interface Exceptions {
  readonly skipped: ReadonlySet<EpochDay>;
  readonly moved: ReadonlyMap<EpochDay, MovedOccurrence>;
}

function exceptionsOf(series: Series): Exceptions | null {
  const { skipped = [], moved = [] } = series;
  if (skipped.length === 0 && moved.length === 0) return null;
  const skippedDays = new Set(skipped.map(toEpochDay));
  const movedDays = new Map<EpochDay, MovedOccurrence>();
  for (const m of moved) {
    const day = toEpochDay(m.from);
    if (!skippedDays.has(day)) movedDays.set(day, m); // a skipped date stays skipped
  }
  return { skipped: skippedDays, moved: movedDays };
}

/** The moved occurrences that the rule really has (a stray `from` moves nothing). */
function movedOccurrences(series: Series, ex: Exceptions): Occurrence[] {
  const out: Occurrence[] = [];
  for (const m of ex.moved.values()) {
    const index = occurrenceIndex(series, m.from);
    if (index >= 0) {
      out.push({ date: m.from, start: toInstant(m.to, series.zone), index, moved: true });
    }
  }
  return out;
}

const byStart = (a: Occurrence, b: Occurrence): number => a.start - b.start || a.index - b.index;

function assertWindow(window: Interval): void {
  if (!isInstant(window.start) || !isInstant(window.end)) {
    throw new RangeError(`not a window of instants: ${JSON.stringify(window)}`);
  }
}

/**
 * The occurrences of a series that start in a window (M-1), sorted by start: moved ones at their
 * new time, skipped ones left out. The cost is proportional to the occurrences in the window, not
 * to the series before it: the first week or month and its index are computed, not counted.
 *
 * @param series - a checked series (see {@link checkSeries})
 * @param window - the half-open window `[start, end)` of instants (T-2)
 * @returns the occurrences whose start lies in the window
 * @throws RangeError for a window that is not made of instants
 * @example
 * // Every other week on Monday and Wednesday at 09:00 in Shanghai, from Monday 5 January 2026:
 * occurrencesBetween(
 *   { rule: { freq: 'weekly', interval: 2, byWeekday: [1, 3] }, start: { year: 2026, month: 1, day: 5, hour: 9, minute: 0 }, zone: 'Asia/Shanghai' },
 *   { start: Date.UTC(2026, 0, 12), end: Date.UTC(2026, 0, 26) },
 * ).map((o) => o.date.day) // => [19, 21]
 */
export function occurrencesBetween(series: Series, window: Interval): Occurrence[] {
  assertWindow(window);
  const { zone, start: time } = series;
  const ex = exceptionsOf(series);
  const out: Occurrence[] = [];
  const from = localDay(window.start, zone) - 1;
  const to = localDay(window.end, zone) + 1;
  scan(series, from, to, (day, date, index) => {
    if (ex !== null && (ex.skipped.has(day) || ex.moved.has(day))) return true;
    const start = toInstant(wallOf(date, time), zone);
    if (start >= window.start && start < window.end) out.push({ date, start, index, moved: false });
    return true;
  });
  if (ex !== null && ex.moved.size > 0) {
    const before = out.length;
    for (const o of movedOccurrences(series, ex)) {
      if (o.start >= window.start && o.start < window.end) out.push(o);
    }
    if (out.length > before) out.sort(byStart);
  }
  return out;
}

/**
 * The first occurrence that starts strictly after an instant (M-1), moved ones included.
 *
 * @param series - a checked series
 * @param after - the instant (usually a command's `now`, T-4)
 * @returns the next occurrence, or `undefined` when the series has ended
 * @throws RangeError when `after` is not an instant
 * @example
 * nextOccurrence(mondays, Date.UTC(2026, 0, 5, 1)).date // => { year: 2026, month: 1, day: 12 } (5 Jan 09:00 is 01:00 UTC, not after)
 */
export function nextOccurrence(series: Series, after: Instant): Occurrence | undefined {
  if (!isInstant(after)) throw new RangeError(`not an instant: ${after}`);
  const { zone, start: time } = series;
  const ex = exceptionsOf(series);
  let best: Occurrence | undefined;
  scan(series, localDay(after, zone) - 1, MAX_DAY, (day, date, index) => {
    if (ex !== null && (ex.skipped.has(day) || ex.moved.has(day))) return true;
    const start = toInstant(wallOf(date, time), zone);
    if (start <= after) return true;
    best = { date, start, index, moved: false };
    return false;
  });
  if (ex !== null) {
    for (const o of movedOccurrences(series, ex)) {
      if (o.start > after && (best === undefined || byStart(o, best) < 0)) best = o;
    }
  }
  return best;
}

/**
 * Iterates a series' occurrences from its start, in order of start (M-1): moved ones at their new
 * time, skipped ones left out. Lazy: an endless series gives an endless iterator (up to year 9999).
 *
 * @param series - a checked series
 * @returns an iterator of occurrences
 * @example
 * iterateOccurrences(mondays).next().value.date // => { year: 2026, month: 1, day: 5 }
 */
export function* iterateOccurrences(series: Series): Generator<Occurrence, void, undefined> {
  const { rule, zone, start: time } = series;
  const ex = exceptionsOf(series);
  const moved = ex === null ? [] : movedOccurrences(series, ex).sort(byStart);
  let m = 0;
  const chunk = Math.max(366, rule.freq === 'weekly' ? 56 * rule.interval : 186 * rule.interval);
  const end = Math.min(MAX_DAY, rule.until === undefined ? MAX_DAY : toEpochDay(rule.until));
  const count = rule.count ?? Infinity;
  let nextIndex = 0;
  for (let from = toEpochDay(series.start); from <= end && nextIndex < count; from += chunk) {
    const batch: Occurrence[] = [];
    scan(series, from, from + chunk - 1, (day, date, index) => {
      nextIndex = index + 1;
      if (ex !== null && (ex.skipped.has(day) || ex.moved.has(day))) return true;
      batch.push({ date, start: toInstant(wallOf(date, time), zone), index, moved: false });
      return true;
    });
    for (const o of batch) {
      for (let next = moved[m]; next !== undefined && byStart(next, o) < 0; next = moved[++m]) {
        yield next;
      }
      yield o;
    }
  }
  for (; m < moved.length; m++) yield moved[m] as Occurrence;
}

/**
 * The first occurrences of a series, in order of start (M-1).
 *
 * @param series - a checked series
 * @param limit - how many at most (`Infinity` for all of a finite series)
 * @returns up to `limit` occurrences
 * @example
 * occurrences(mondays, 3).map((o) => o.date.day) // => [5, 12, 19]
 */
export function occurrences(series: Series, limit: number): Occurrence[] {
  const out: Occurrence[] = [];
  if (!(limit > 0)) return out;
  for (const o of iterateOccurrences(series)) {
    out.push(o);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Whether the rule gives any date from the series' start on: "the 30th of February every 12
 * months" gives none.
 *
 * @param series - the series
 * @returns true when it has at least one occurrence
 * @example
 * hasOccurrences(mondays) // => true
 */
export function hasOccurrences(series: Series): boolean {
  let any = false;
  scan(series, toEpochDay(series.start), MAX_DAY, () => {
    any = true;
    return false;
  });
  return any;
}
