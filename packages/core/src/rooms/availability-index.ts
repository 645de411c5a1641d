import type { Duration, Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';

/** One booking's hold on a room: the interval it occupies. */
export interface IndexEntry {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * The occupied intervals of one room, sorted and disjoint, as parallel arrays: since active
 * bookings never overlap, both starts and ends are sorted, so every question is a binary search.
 *
 * A log can still hold two bookings that overlap (two doors that decided against the same state,
 * an old import): the later one is kept in `overlaps`, a short list beside the arrays, and every
 * question below answers for both, so nothing new is let in over either party.
 *
 * Values are immutable: `withEntry` and friends return a new index (an `O(n)` copy, cheap at a
 * room's scale); {@link buildIndex} makes one from many entries in `O(n log n)`.
 */
export interface AvailabilityIndex {
  readonly starts: readonly Instant[];
  readonly ends: readonly Instant[];
  readonly ids: readonly string[];
  /**
   * Entries that overlap the arrays' (bookings the log holds in contradiction), in the order they
   * came; absent or empty in an index that only the deciders' events made.
   */
  readonly overlaps?: readonly IndexEntry[];
}

/** The overlapping entries that share an instant with `[from, to)`, leaving `ignoreId` out. */
function overlapsIn(
  index: AvailabilityIndex,
  from: Instant,
  to: Instant,
  ignoreId?: string,
): IndexEntry[] {
  const extra = index.overlaps;
  if (extra === undefined) return [];
  return extra.filter((e) => e.id !== ignoreId && e.start < to && e.end > from);
}

/** Every entry, the arrays' and the overlapping ones, by start; `undefined` when none overlap. */
function allByStart(index: AvailabilityIndex): IndexEntry[] | undefined {
  const extra = index.overlaps;
  // Stryker disable next-line ConditionalExpression: an empty list walks the same entries by the general path; skipping it is only quicker
  if (extra === undefined || extra.length === 0) return undefined;
  const all = index.ids.map((_, i) => entryAt(index, i));
  return [...all, ...extra].sort((a, b) => a.start - b.start);
}

/** The earlier of two entries by start; at equal starts the first (a reducer's accumulator). */
const earliest = (a: IndexEntry | undefined, b: IndexEntry): IndexEntry =>
  a !== undefined && a.start <= b.start ? a : b;

/** The index of a room with nothing booked. */
export const EMPTY_INDEX: AvailabilityIndex = Object.freeze({ starts: [], ends: [], ids: [] });

/**
 * First position whose end is after `t`: the first entry that could hold `t` or come after it.
 *
 * Bookings are spread over time fairly evenly, so a long index is first read where `t` would sit
 * if they were spread exactly evenly (interpolation); from there the search gallops outwards until
 * the answer is bracketed, then bisects the bracket. That is a few reads close together instead of
 * log₂ n reads scattered over the array (cache misses, at 10⁵ entries), and however unevenly the
 * entries are spread, at most about twice the reads of a plain bisection.
 */
function firstEndingAfter(index: AvailabilityIndex, t: Instant): number {
  const { ends } = index;
  let lo = 0;
  let hi = ends.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the fast path and the bisection give the same answer, only the number of reads differs
  if (hi > 16) {
    const first = ends[0] as Instant;
    const last = ends[hi - 1] as Instant;
    // Stryker disable next-line ConditionalExpression: without the early return a t before the first end still ends at 0
    if (!(t >= first)) return 0; // NaN too, as the bisection would answer
    // Stryker disable next-line ConditionalExpression,EqualityOperator: without the early return a t at or after the last end still ends at hi
    if (t >= last) return hi;
    // Invariant from here: every end before `lo` is <= t, every end from `hi` on is > t.
    // Stryker disable next-line ArithmeticOperator,MethodExpression: any guess in 0…hi−1 is corrected by the gallop and the bisection; only the reads differ
    const guess = Math.min(hi - 1, Math.floor(((t - first) / (last - first)) * (hi - 1)));
    let step = 8;
    // Stryker disable BlockStatement: the fast path and the bisection give the same answer, only the number of reads differs (the loops' bodies: dropped, they loop forever)
    if ((ends[guess] as Instant) <= t) {
      // Stryker disable next-line ArithmeticOperator: a lower bound below the tightest one is still a bound
      lo = guess + 1;
      // Stryker disable next-line ArithmeticOperator,EqualityOperator,ConditionalExpression: another probe or none leaves a valid bracket (or loops, a timeout)
      for (let p = lo + step - 1; p < hi; p = lo + step - 1) {
        if ((ends[p] as Instant) > t) {
          hi = p;
          break;
        }
        // Stryker disable next-line ArithmeticOperator: a lower bound below the tightest one is still a bound
        lo = p + 1;
        step *= 2;
      }
    } else {
      hi = guess;
      // Stryker disable next-line ArithmeticOperator,EqualityOperator,ConditionalExpression: another probe or none leaves a valid bracket (or loops, a timeout)
      for (let p = hi - step; p >= lo; p = hi - step) {
        if ((ends[p] as Instant) <= t) {
          // Stryker disable next-line ArithmeticOperator: a lower bound below the tightest one is still a bound
          lo = p + 1;
          break;
        }
        hi = p;
        step *= 2;
      }
    }
    // Stryker restore BlockStatement
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as Instant) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const entryAt = (index: AvailabilityIndex, i: number): IndexEntry => ({
  id: index.ids[i] as string,
  start: index.starts[i] as Instant,
  end: index.ends[i] as Instant,
});

/**
 * Builds an index from entries in any order.
 *
 * @param entries - the occupied intervals; they must not overlap
 * @returns the index
 * @throws RangeError when two entries overlap or one is empty (the decider never lets that happen)
 * @example
 * buildIndex([{ id: 'b', start: 20, end: 30 }, { id: 'a', start: 0, end: 10 }]).ids // => ['a', 'b']
 */
export function buildIndex(entries: Iterable<IndexEntry>): AvailabilityIndex {
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const starts: Instant[] = [];
  const ends: Instant[] = [];
  const ids: string[] = [];
  for (const e of sorted) {
    if (!(e.start < e.end)) throw new RangeError(`empty interval for ${e.id}`);
    const last = ends[ends.length - 1];
    // Stryker disable next-line ConditionalExpression: for the first entry `e.start < undefined` is false anyway
    if (last !== undefined && e.start < last)
      throw new RangeError(`${e.id} overlaps ${ids[ids.length - 1]}`);
    starts.push(e.start);
    ends.push(e.end);
    ids.push(e.id);
  }
  return { starts, ends, ids };
}

/**
 * The first entry that a request, widened by the buffer on both sides, would collide with,
 * in `O(log n)`.
 *
 * @param index - the room's index
 * @param request - the interval asked for
 * @param buffer - the gap the policy keeps between bookings (default 0)
 * @param ignoreId - an entry to leave out: the booking being changed
 * @returns the earliest colliding entry, or `undefined` when the room is free
 * @example
 * firstConflict(buildIndex([{ id: 'a', start: 0, end: 10 }]), { start: 10, end: 20 }) // => undefined
 */
export function firstConflict(
  index: AvailabilityIndex,
  request: Interval,
  buffer: Duration = 0,
  ignoreId?: string,
): IndexEntry | undefined {
  const from = request.start - buffer;
  const to = request.end + buffer;
  const main = conflictInArrays(index, from, to, ignoreId);
  return overlapsIn(index, from, to, ignoreId).reduce(earliest, main);
}

/** The first entry of the sorted arrays (not the overlapping ones) that shares an instant with `[from, to)`. */
function conflictInArrays(
  index: AvailabilityIndex,
  from: Instant,
  to: Instant,
  ignoreId?: string,
): IndexEntry | undefined {
  for (let i = firstEndingAfter(index, from); i < index.ids.length; i++) {
    if ((index.starts[i] as Instant) >= to) return undefined;
    if (index.ids[i] !== ignoreId) return entryAt(index, i);
  }
  return undefined;
}

/**
 * Whether the room is free for a whole interval plus the buffer.
 *
 * @param index - the room's index
 * @param request - the interval asked for
 * @param buffer - the gap kept between bookings (default 0)
 * @param ignoreId - an entry to leave out
 * @returns true when nothing collides
 * @example
 * isFree(buildIndex([{ id: 'a', start: 0, end: 10 }]), { start: 5, end: 20 }) // => false
 */
export function isFree(
  index: AvailabilityIndex,
  request: Interval,
  buffer: Duration = 0,
  ignoreId?: string,
): boolean {
  return firstConflict(index, request, buffer, ignoreId) === undefined;
}

/**
 * The entries that share an instant with a window, in order, in `O(log n + k)`.
 *
 * @param index - the room's index
 * @param window - the window
 * @returns the entries overlapping it
 * @example
 * entriesIn(buildIndex([{ id: 'a', start: 0, end: 10 }]), { start: 9, end: 12 }).length // => 1
 */
export function entriesIn(index: AvailabilityIndex, window: Interval): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (let i = firstEndingAfter(index, window.start); i < index.ids.length; i++) {
    if ((index.starts[i] as Instant) >= window.end) break;
    out.push(entryAt(index, i));
  }
  const extra = overlapsIn(index, window.start, window.end);
  // Stryker disable next-line ConditionalExpression: sorting entries already in order changes nothing; skipping it is only quicker
  return extra.length === 0 ? out : [...out, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * The entry that holds the room at an instant.
 *
 * @param index - the room's index
 * @param t - the instant
 * @returns the entry with `start <= t < end`, or `undefined`
 * @example
 * entryAtInstant(buildIndex([{ id: 'a', start: 0, end: 10 }]), 10) // => undefined
 */
export function entryAtInstant(index: AvailabilityIndex, t: Instant): IndexEntry | undefined {
  const i = firstEndingAfter(index, t);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end there is no start, and no start is <= t
  if (i < index.ids.length && (index.starts[i] as Instant) <= t) return entryAt(index, i);
  return overlapsIn(index, t, t + 1)[0];
}

/**
 * The first entry that starts at or after an instant: what caps a walk-up.
 *
 * @param index - the room's index
 * @param t - the instant
 * @returns the next entry, or `undefined`
 * @example
 * nextEntryFrom(buildIndex([{ id: 'a', start: 30, end: 40 }]), 0)?.id // => 'a'
 */
export function nextEntryFrom(index: AvailabilityIndex, t: Instant): IndexEntry | undefined {
  let i = firstEndingAfter(index, t);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end there is no start, and no start is < t
  if (i < index.ids.length && (index.starts[i] as Instant) < t) i++;
  const main = i < index.ids.length ? entryAt(index, i) : undefined;
  const extra = index.overlaps;
  if (extra === undefined) return main;
  return extra.filter((e) => e.start >= t).reduce<IndexEntry | undefined>(earliest, main);
}

/**
 * The free slots of a window where a booking of at least `minLength` fits with the buffer kept on
 * both sides, in order, in `O(log n + k)`.
 *
 * @param index - the room's index
 * @param window - where to look (a day, say)
 * @param options - `buffer` kept around bookings, `minLength` of a useful slot (defaults 0 and 1 ms)
 * @returns the free intervals
 * @example
 * freeSlots(buildIndex([{ id: 'a', start: 10, end: 20 }]), { start: 0, end: 30 }) // => [{ start: 0, end: 10 }, { start: 20, end: 30 }]
 */
export function freeSlots(
  index: AvailabilityIndex,
  window: Interval,
  options: { readonly buffer?: Duration; readonly minLength?: Duration } = {},
): Interval[] {
  const buffer = options.buffer ?? 0;
  const minLength = Math.max(1, options.minLength ?? 1);
  const out: Interval[] = [];
  let cursor = window.start;
  const all = allByStart(index);
  if (all) {
    // Entries that overlap: walk them all by start, the cursor at the furthest end seen.
    for (const e of all) {
      const s = e.start - buffer;
      // Stryker disable next-line EqualityOperator: at s = window.end the slot up to it is pushed and the walk returns, as the break then the push after the loop do
      if (s >= window.end) break;
      if (s - cursor >= minLength) out.push({ start: cursor, end: s });
      cursor = Math.max(cursor, e.end + buffer);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the window no slot is pushed, within the loop or after it
      if (cursor >= window.end) return out;
    }
    if (window.end - cursor >= minLength) out.push({ start: cursor, end: window.end });
    return out;
  }
  for (let i = firstEndingAfter(index, window.start - buffer); i < index.ids.length; i++) {
    const s = (index.starts[i] as Instant) - buffer;
    // Stryker disable next-line EqualityOperator: at s = window.end the slot up to it is pushed and the walk returns, as the break then the push after the loop do
    if (s >= window.end) break;
    if (s - cursor >= minLength) out.push({ start: cursor, end: s });
    cursor = Math.max(cursor, (index.ends[i] as Instant) + buffer);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the next booking starts after the cursor, so it ends the loop anyway
    if (cursor >= window.end) return out;
  }
  if (window.end - cursor >= minLength) out.push({ start: cursor, end: window.end });
  return out;
}

/**
 * The earliest moment at or after `from` when a booking of `length` fits (with the buffer).
 *
 * @param index - the room's index
 * @param from - the earliest start wanted
 * @param length - how long it must be free
 * @param buffer - the gap kept around bookings (default 0)
 * @returns the first start that fits
 * @example
 * nextFreeMoment(buildIndex([{ id: 'a', start: 0, end: 10 }]), 5, 3) // => 10
 */
export function nextFreeMoment(
  index: AvailabilityIndex,
  from: Instant,
  length: Duration,
  buffer: Duration = 0,
): Instant {
  let t = from;
  const all = allByStart(index);
  if (all) {
    for (const e of all) {
      if (e.start - buffer >= t + length) return t;
      t = Math.max(t, e.end + buffer);
    }
    return t;
  }
  for (let i = firstEndingAfter(index, from - buffer); i < index.ids.length; i++) {
    if ((index.starts[i] as Instant) - buffer >= t + length) return t;
    t = Math.max(t, (index.ends[i] as Instant) + buffer);
  }
  return t;
}

/** An index under construction: the same arrays, writable. Used by folds; never exported from the package. */
export interface MutableIndex {
  starts: Instant[];
  ends: Instant[];
  ids: string[];
  overlaps?: IndexEntry[];
}

/**
 * A writable copy of an index.
 *
 * @param index - the index
 * @returns fresh arrays with the same entries
 * @example
 * copyIndex(EMPTY_INDEX) // => { starts: [], ends: [], ids: [] }
 */
export function copyIndex(index: AvailabilityIndex): MutableIndex {
  const copy: MutableIndex = {
    starts: [...index.starts],
    ends: [...index.ends],
    ids: [...index.ids],
  };
  if (index.overlaps !== undefined && index.overlaps.length > 0)
    copy.overlaps = [...index.overlaps];
  return copy;
}

/**
 * Inserts an entry in place.
 *
 * @param index - a writable index
 * @param entry - an entry that collides with nothing
 * @throws RangeError when it is empty or collides (the decider checks first)
 * @example
 * insertEntry(copyIndex(EMPTY_INDEX), { id: 'a', start: 0, end: 10 })
 */
export function insertEntry(index: MutableIndex, entry: IndexEntry): void {
  if (!(entry.start < entry.end)) throw new RangeError(`empty interval for ${entry.id}`);
  const clash = firstConflict(index, entry);
  if (clash) throw new RangeError(`${entry.id} overlaps ${clash.id}`);
  const i = firstEndingAfter(index, entry.start);
  index.starts.splice(i, 0, entry.start);
  index.ends.splice(i, 0, entry.end);
  index.ids.splice(i, 0, entry.id);
}

/**
 * Places an entry in place, whatever the index holds: what a fold does with a booking the log
 * holds. An entry that collides with nothing goes into the sorted arrays, as {@link insertEntry}
 * puts it; one that collides with an entry of the arrays is kept in `overlaps` (the log holds a
 * contradiction: two doors that decided against the same state), and that entry is returned. An
 * empty interval occupies nothing and is left out. Never throws.
 *
 * @param index - a writable index
 * @param entry - the interval a booking of the log occupies
 * @returns the entry of the arrays it overlaps, or `undefined` when it went in cleanly
 * @example
 * placeEntry(copyIndex(buildIndex([{ id: 'a', start: 0, end: 10 }])), { id: 'b', start: 5, end: 15 })?.id // => 'a'
 */
export function placeEntry(index: MutableIndex, entry: IndexEntry): IndexEntry | undefined {
  if (!(entry.start < entry.end)) return undefined;
  const clash = conflictInArrays(index, entry.start, entry.end);
  if (clash) {
    (index.overlaps ??= []).push(entry);
    return clash;
  }
  const i = firstEndingAfter(index, entry.start);
  index.starts.splice(i, 0, entry.start);
  index.ends.splice(i, 0, entry.end);
  index.ids.splice(i, 0, entry.id);
  return undefined;
}

/**
 * Removes an entry in place, if it is there.
 *
 * @param index - a writable index
 * @param id - the entry's id
 * @param start - where it starts (found by binary search)
 * @returns whether it was there
 * @example
 * removeEntry(copyIndex(EMPTY_INDEX), 'a', 0) // => false
 */
export function removeEntry(index: MutableIndex, id: string, start: Instant): boolean {
  const i = positionOf(index, id, start);
  if (i < 0) {
    const j = index.overlaps?.findIndex((e) => e.id === id && e.start === start) ?? -1;
    if (j < 0) return false;
    // Stryker disable next-line OptionalChaining: j >= 0, so the list is there
    index.overlaps?.splice(j, 1);
    // Stryker disable next-line OptionalChaining: j >= 0, so the list is there
    if (index.overlaps?.length === 0) delete index.overlaps;
    return true;
  }
  index.starts.splice(i, 1);
  index.ends.splice(i, 1);
  index.ids.splice(i, 1);
  return true;
}

/**
 * A new index with one more entry.
 *
 * @param index - the room's index
 * @param entry - an entry that collides with nothing
 * @returns the new index
 * @throws RangeError when it collides (the decider checks first)
 * @example
 * withEntry(EMPTY_INDEX, { id: 'a', start: 0, end: 10 }).ids // => ['a']
 */
export function withEntry(index: AvailabilityIndex, entry: IndexEntry): AvailabilityIndex {
  const next = copyIndex(index);
  insertEntry(next, entry);
  return next;
}

/**
 * A new index without an entry (a cancellation).
 *
 * @param index - the room's index
 * @param id - the entry's id
 * @param start - where it starts (found by binary search)
 * @returns the new index, or the same one when the entry is not there
 * @example
 * withoutEntry(buildIndex([{ id: 'a', start: 0, end: 10 }]), 'a', 0).ids // => []
 */
export function withoutEntry(
  index: AvailabilityIndex,
  id: string,
  start: Instant,
): AvailabilityIndex {
  if (positionOf(index, id, start) < 0 && !index.overlaps?.some((e) => e.id === id)) return index;
  const next = copyIndex(index);
  removeEntry(next, id, start);
  return next;
}

/**
 * A new index in which an entry ends at another time: ended early, released, or extended.
 *
 * @param index - the room's index
 * @param id - the entry's id
 * @param start - where it starts
 * @param end - its new end, after `start`; an extension must collide with nothing
 * @returns the new index
 * @throws RangeError when the new end is not after the start or the extension collides
 * @example
 * withEnd(buildIndex([{ id: 'a', start: 0, end: 10 }]), 'a', 0, 5).ends // => [5]
 */
export function withEnd(
  index: AvailabilityIndex,
  id: string,
  start: Instant,
  end: Instant,
): AvailabilityIndex {
  if (positionOf(index, id, start) < 0) return index;
  const next = copyIndex(index);
  removeEntry(next, id, start);
  insertEntry(next, { id, start, end });
  return next;
}

function positionOf(index: AvailabilityIndex, id: string, start: Instant): number {
  const i = firstEndingAfter(index, start);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end there is no id to match
  return i < index.ids.length && index.ids[i] === id && index.starts[i] === start ? i : -1;
}
