import { fail, ok, reject, type Rejection, type Result } from '../rejection/index.js';
import { isInstant, type Duration, type Instant } from './instant.js';

/**
 * A half-open interval `[start, end)` of instants, with `start < end` (T-2). A meeting that ends at
 * 10:00 and one that starts at 10:00 do not overlap.
 */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Makes an interval; a bad one is a programming error and throws. For input from people or other
 * systems use {@link checkInterval}, which returns a rejection instead.
 *
 * @param start - the first instant in it
 * @param end - the first instant after it
 * @returns the interval
 * @throws RangeError when either end is not an instant or `start >= end`
 * @example
 * interval(0, 60_000) // => { start: 0, end: 60000 }
 */
export function interval(start: Instant, end: Instant): Interval {
  const checked = checkInterval(start, end);
  if (!checked.ok) throw new RangeError(checked.rejection.message.en);
  return checked.value;
}

/**
 * Checks two values from outside as an interval (T-2).
 *
 * @param start - the proposed start
 * @param end - the proposed end
 * @returns the interval, or a `T-2` rejection saying what is wrong
 * @example
 * checkInterval(10, 5).ok // => false (rule T-2, code 'interval.empty')
 */
export function checkInterval(start: unknown, end: unknown): Result<Interval> {
  if (!isInstant(start) || !isInstant(end)) {
    return fail(
      reject(
        'T-2',
        'interval.not-instant',
        {
          'zh-CN': '开始和结束时间必须是有效的时刻',
          en: 'start and end must be valid instants (integer epoch milliseconds)',
        },
        { start, end },
      ),
    );
  }
  if (start >= end) return fail(emptyIntervalRejection(start, end));
  return ok({ start, end });
}

/**
 * The rejection of an interval whose end is not after its start (T-2): the one every context gives.
 *
 * @param start - the proposed start
 * @param end - the proposed end
 * @returns the `T-2` rejection, code `interval.empty`
 * @example
 * emptyIntervalRejection(10, 5).code // => 'interval.empty'
 */
export function emptyIntervalRejection(start: Instant, end: Instant): Rejection {
  return reject(
    'T-2',
    'interval.empty',
    { 'zh-CN': '结束时间必须晚于开始时间', en: 'the end must be after the start' },
    { start, end },
  );
}

/**
 * The length of an interval.
 *
 * @param a - the interval
 * @returns `end - start` in milliseconds
 * @example
 * duration({ start: 0, end: 1800000 }) // => 1800000
 */
export function duration(a: Interval): Duration {
  return a.end - a.start;
}

/**
 * Whether an instant lies in an interval: `start <= t < end`.
 *
 * @param a - the interval
 * @param t - the instant
 * @returns true when `t` is in `a`
 * @example
 * contains({ start: 0, end: 10 }, 10) // => false
 */
export function contains(a: Interval, t: Instant): boolean {
  return a.start <= t && t < a.end;
}

/**
 * Whether `outer` holds all of `inner`.
 *
 * @param outer - the larger interval
 * @param inner - the one that should fit in it
 * @returns true when every instant of `inner` is in `outer`
 * @example
 * covers({ start: 0, end: 10 }, { start: 2, end: 10 }) // => true
 */
export function covers(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Whether two intervals share an instant. Touching intervals do not overlap (T-2).
 *
 * @param a - one interval
 * @param b - the other
 * @returns true when they share at least one instant
 * @example
 * overlaps({ start: 0, end: 10 }, { start: 10, end: 20 }) // => false
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The instants two intervals share.
 *
 * @param a - one interval
 * @param b - the other
 * @returns their common part, or `undefined` when they do not overlap
 * @example
 * intersection({ start: 0, end: 10 }, { start: 5, end: 20 }) // => { start: 5, end: 10 }
 */
export function intersection(a: Interval, b: Interval): Interval | undefined {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : undefined;
}

/**
 * The smallest interval that holds both.
 *
 * @param a - one interval
 * @param b - the other
 * @returns from the earlier start to the later end
 * @example
 * span({ start: 0, end: 5 }, { start: 8, end: 9 }) // => { start: 0, end: 9 }
 */
export function span(a: Interval, b: Interval): Interval {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * What is left of `a` once `b` is taken out: zero, one or two intervals, in order.
 *
 * @param a - the interval to cut
 * @param b - the part to remove
 * @returns the pieces of `a` outside `b`
 * @example
 * subtract({ start: 0, end: 10 }, { start: 3, end: 5 }) // => [{ start: 0, end: 3 }, { start: 5, end: 10 }]
 */
export function subtract(a: Interval, b: Interval): Interval[] {
  if (!overlaps(a, b)) return [a];
  const pieces: Interval[] = [];
  if (a.start < b.start) pieces.push({ start: a.start, end: b.start });
  if (b.end < a.end) pieces.push({ start: b.end, end: a.end });
  return pieces;
}

/**
 * Widens an interval on both sides, as a buffer between bookings does.
 *
 * @param a - the interval
 * @param before - how much earlier it starts (≥ 0)
 * @param after - how much later it ends (≥ 0)
 * @returns the widened interval
 * @example
 * widen({ start: 100, end: 200 }, 10, 10) // => { start: 90, end: 210 }
 */
export function widen(a: Interval, before: Duration, after: Duration = before): Interval {
  return { start: a.start - before, end: a.end + after };
}

/**
 * Orders intervals by start, then by end.
 *
 * @param a - one interval
 * @param b - the other
 * @returns negative, zero or positive, for `Array.prototype.sort`
 * @example
 * [{ start: 5, end: 6 }, { start: 1, end: 2 }].sort(compareIntervals)[0] // => { start: 1, end: 2 }
 */
export function compareIntervals(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * The union of intervals as the fewest disjoint intervals, in order. Touching intervals join.
 *
 * @param list - intervals in any order
 * @returns sorted, disjoint, non-touching intervals covering exactly the same instants
 * @example
 * union([{ start: 5, end: 8 }, { start: 0, end: 5 }]) // => [{ start: 0, end: 8 }]
 */
export function union(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort(compareIntervals);
  const out: { start: Instant; end: Instant }[] = [];
  for (const a of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && a.start <= last.end) last.end = Math.max(last.end, a.end);
    else out.push({ start: a.start, end: a.end });
  }
  return out;
}

/**
 * The parts of `within` that none of `busy` covers: the free slots of a day, say.
 *
 * @param within - the window to search
 * @param busy - taken intervals, in any order
 * @returns the free intervals inside `within`, in order
 * @example
 * gaps({ start: 0, end: 10 }, [{ start: 2, end: 4 }]) // => [{ start: 0, end: 2 }, { start: 4, end: 10 }]
 */
export function gaps(within: Interval, busy: readonly Interval[]): Interval[] {
  const free: Interval[] = [];
  let cursor = within.start;
  for (const b of union(busy)) {
    if (b.end <= cursor) continue;
    if (b.start >= within.end) break;
    if (b.start > cursor) free.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
    if (cursor >= within.end) break;
  }
  if (cursor < within.end) free.push({ start: cursor, end: within.end });
  return free;
}
