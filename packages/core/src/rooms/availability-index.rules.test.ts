// The availability index's rules at their edges, for short rooms (bisection only) and busy ones
// (more than 16 bookings: the interpolate-and-gallop search). Every property here runs on inputs
// that reach the case it names by construction, never by chance.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { overlaps, type Interval } from '../time/interval.js';
import {
  EMPTY_INDEX,
  buildIndex,
  copyIndex,
  entriesIn,
  entryAtInstant,
  firstConflict,
  freeSlots,
  insertEntry,
  isFree,
  nextEntryFrom,
  nextFreeMoment,
  removeEntry,
  withEnd,
  withEntry,
  withoutEntry,
  type AvailabilityIndex,
  type IndexEntry,
} from './availability-index.js';

/** Disjoint entries from (gap, length) pairs: a gap of 0 makes them back to back. */
const fromParts = (parts: readonly (readonly [number, number])[], origin = 0): IndexEntry[] => {
  let t = origin;
  return parts.map(([gap, len], i): IndexEntry => {
    const start = t + gap;
    t = start + len;
    return { id: `b${i}`, start, end: t };
  });
};

/**
 * A busy room: always more than 16 bookings (so every search takes the fast path), spread
 * unevenly: mostly short gaps with a few very long ones, so the first guess is often far off and
 * the search has to gallop, forwards or backwards.
 */
const busyRoomArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 5 }) },
        { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }) },
      ),
      fc.integer({ min: 1, max: 30 }),
    ),
    { minLength: 17, maxLength: 40 },
  )
  .map((parts) => fromParts(parts));

/** The instants where an answer changes: every start and end, one either side, and beyond both ends. */
const probes = (entries: readonly IndexEntry[]): number[] => {
  const out = new Set<number>();
  for (const e of entries)
    for (const t of [e.start - 1, e.start, e.start + 1, e.end - 1, e.end, e.end + 1]) out.add(t);
  const last = entries[entries.length - 1];
  out.add(-1_000_000);
  if (last) out.add(last.end + 1_000_000);
  return [...out].sort((a, b) => a - b);
};

const widened = (r: Interval, b: number): Interval => ({ start: r.start - b, end: r.end + b });
const scanConflict = (entries: readonly IndexEntry[], r: Interval, b: number, ignore?: string) =>
  entries.find((e) => e.id !== ignore && overlaps(e, widened(r, b)));

/** Every query of the index, at every probe, against a linear scan of the entries (one comparison). */
function agreesWithScan(index: AvailabilityIndex, entries: readonly IndexEntry[]): void {
  const answers = (
    at: (t: number) => unknown,
    scan: (t: number) => unknown,
  ): [unknown[], unknown[]] => {
    const ts = probes(entries);
    return [ts.map((t) => [t, at(t)]), ts.map((t) => [t, scan(t)])];
  };
  const windowAt = (t: number): Interval => ({ start: t, end: t + 7 });
  const checks: [string, (t: number) => unknown, (t: number) => unknown][] = [
    [
      'entry at',
      (t) => entryAtInstant(index, t),
      (t) => entries.find((e) => e.start <= t && t < e.end),
    ],
    ['next from', (t) => nextEntryFrom(index, t), (t) => entries.find((e) => e.start >= t)],
    [
      'entries in',
      (t) => entriesIn(index, windowAt(t)),
      (t) => entries.filter((e) => overlaps(e, windowAt(t))),
    ],
    [
      'conflict',
      (t) => firstConflict(index, windowAt(t)),
      (t) => scanConflict(entries, windowAt(t), 0),
    ],
    [
      'conflict with a buffer',
      (t) => firstConflict(index, windowAt(t), 3),
      (t) => scanConflict(entries, windowAt(t), 3),
    ],
  ];
  for (const [what, at, scan] of checks) {
    const [got, want] = answers(at, scan);
    expect(got, what).toEqual(want);
  }
}

describe('R-2: a busy room (more than 16 bookings) is searched as exactly as a quiet one', () => {
  test.prop([busyRoomArb])(
    'R-2: in a room with more than 16 bookings, every query at every boundary agrees with a scan',
    (entries) => {
      expect(entries.length).toBeGreaterThan(16);
      agreesWithScan(buildIndex([...entries].reverse()), entries);
    },
  );

  it('R-2: three hundred bookings bunched at one end are found wherever a query lands', () => {
    // 290 back-to-back half-hours, then ten far apart: the even-spread guess lands far off.
    const bunched = fromParts([
      ...Array.from({ length: 290 }, () => [0, 30] as const),
      ...Array.from({ length: 10 }, () => [100_000, 30] as const),
    ]);
    agreesWithScan(buildIndex(bunched), bunched);
    // and the mirror image: ten far apart, then 290 bunched at the end
    const late = fromParts([
      ...Array.from({ length: 10 }, () => [100_000, 30] as const),
      ...Array.from({ length: 290 }, () => [0, 30] as const),
    ]);
    agreesWithScan(buildIndex(late), late);
  });

  test.prop([busyRoomArb, fc.nat(), fc.integer({ min: 0, max: 10 })])(
    'R-2: in a busy room, free slots and the next free moment keep the buffer on both sides',
    (entries, pick, b) => {
      const index = buildIndex(entries);
      const around = entries[pick % entries.length] as IndexEntry;
      const window = { start: around.start - 40, end: around.end + 40 };
      const slots = freeSlots(index, window, { buffer: b });
      for (let t = window.start; t < window.end; t++) {
        const inSlot = slots.some((s) => s.start <= t && t < s.end);
        const blocked = entries.some((e) => e.start - b <= t && t < e.end + b);
        expect(inSlot, `instant ${t}`).toBe(!blocked);
      }
      for (const from of [around.start - 1, around.start, around.end - 1, around.end]) {
        const next = nextFreeMoment(index, from, 5, b);
        expect(scanConflict(entries, { start: next, end: next + 5 }, b)).toBeUndefined();
        for (let u = from; u < next; u++)
          expect(scanConflict(entries, { start: u, end: u + 5 }, b)).toBeDefined();
      }
    },
  );

  test.prop([busyRoomArb, fc.nat()])(
    'R-2: in a busy room, a booking is ended, moved and removed exactly where it sits',
    (entries, pick) => {
      const victim = entries[pick % entries.length] as IndexEntry;
      let index = buildIndex(entries);
      if (victim.end - victim.start > 1) {
        index = withEnd(index, victim.id, victim.start, victim.end - 1);
        expect(entryAtInstant(index, victim.end - 1)).toBeUndefined();
        expect(entryAtInstant(index, victim.end - 2)?.id).toBe(victim.id);
      }
      // a wrong start or a wrong id finds nothing and changes nothing
      expect(withoutEntry(index, victim.id, victim.start + 1)).toBe(index);
      expect(withoutEntry(index, `${victim.id}x`, victim.start)).toBe(index);
      expect(withEnd(index, victim.id, victim.start - 1, victim.end + 100)).toBe(index);
      const removed = withoutEntry(index, victim.id, victim.start);
      expect(removed.ids).toEqual(entries.filter((e) => e !== victim).map((e) => e.id));
      expect(entryAtInstant(removed, victim.start)).toBeUndefined();
      // and the index it came from is untouched
      expect(index.ids).toContain(victim.id);
    },
  );
});

describe('R-2: the index at its edges', () => {
  const one = buildIndex([{ id: 'a', start: 100, end: 200 }]);

  it('R-2 (T-2): an interval holds its start and not its end', () => {
    expect(entryAtInstant(one, 99)).toBeUndefined();
    expect(entryAtInstant(one, 100)?.id).toBe('a');
    expect(entryAtInstant(one, 199)?.id).toBe('a');
    expect(entryAtInstant(one, 200)).toBeUndefined();
    expect(nextEntryFrom(one, 100)?.id).toBe('a');
    expect(nextEntryFrom(one, 101)).toBeUndefined();
    expect(entriesIn(one, { start: 200, end: 300 })).toEqual([]);
    expect(entriesIn(one, { start: 0, end: 100 })).toEqual([]);
    expect(entriesIn(one, { start: 0, end: 101 })).toEqual([{ id: 'a', start: 100, end: 200 }]);
  });

  it('R-2: the buffer keeps the gap on both sides, exactly as wide as it is', () => {
    expect(isFree(one, { start: 50, end: 95 }, 5)).toBe(true);
    expect(isFree(one, { start: 50, end: 96 }, 5)).toBe(false);
    expect(isFree(one, { start: 205, end: 250 }, 5)).toBe(true);
    expect(isFree(one, { start: 204, end: 250 }, 5)).toBe(false);
    // the default buffer is none
    expect(isFree(one, { start: 200, end: 250 })).toBe(true);
    expect(isFree(one, { start: 50, end: 100 })).toBe(true);
  });

  it('R-2: the booking being changed does not collide with itself, but still with the others', () => {
    const two = buildIndex([
      { id: 'a', start: 100, end: 200 },
      { id: 'b', start: 200, end: 300 },
    ]);
    expect(firstConflict(two, { start: 150, end: 250 }, 0, 'a')?.id).toBe('b');
    expect(firstConflict(two, { start: 150, end: 250 }, 0, 'b')?.id).toBe('a');
    expect(firstConflict(two, { start: 150, end: 199 }, 0, 'a')).toBeUndefined();
  });

  it('R-2: free slots shorter than the minimum length are left out; the minimum is at least 1 ms', () => {
    const index = buildIndex([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 25, end: 40 },
    ]);
    expect(freeSlots(index, { start: 0, end: 50 }, { minLength: 10 })).toEqual([
      { start: 0, end: 10 },
      { start: 40, end: 50 },
    ]);
    expect(freeSlots(index, { start: 0, end: 50 }, { minLength: 11 })).toEqual([]);
    expect(freeSlots(index, { start: 0, end: 50 }, { minLength: 5 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 25 },
      { start: 40, end: 50 },
    ]);
    // a minimum of 0 or less still means "at least one instant": no empty slots
    expect(freeSlots(index, { start: 10, end: 40 }, { minLength: 0 })).toEqual([
      { start: 20, end: 25 },
    ]);
    expect(freeSlots(EMPTY_INDEX, { start: 0, end: 0 }, { minLength: -5 })).toEqual([]);
    // a booking running past the window's end closes it
    expect(freeSlots(index, { start: 0, end: 30 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 25 },
    ]);
  });

  it('R-2: the next free moment skips every booking in the way, with the buffer', () => {
    const index = buildIndex([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 25, end: 40 },
    ]);
    expect(nextFreeMoment(index, 0, 10)).toBe(0);
    expect(nextFreeMoment(index, 0, 11)).toBe(40);
    expect(nextFreeMoment(index, 12, 5)).toBe(20);
    expect(nextFreeMoment(index, 12, 5, 1)).toBe(41);
    expect(nextFreeMoment(EMPTY_INDEX, 7, 100)).toBe(7);
  });

  it('R-2: an index is built in order of start from entries in any order', () => {
    const index = buildIndex([
      { id: 'c', start: 40, end: 50 },
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 10, end: 40 },
    ]);
    expect(index).toEqual({ starts: [0, 10, 40], ends: [10, 40, 50], ids: ['a', 'b', 'c'] });
    expect(() => buildIndex([{ id: 'x', start: 5, end: 4 }])).toThrow('empty interval for x');
    expect(() =>
      buildIndex([
        { id: 'a', start: 0, end: 10 },
        { id: 'b', start: 9, end: 20 },
      ]),
    ).toThrow('b overlaps a');
  });

  it('R-2: entries are inserted where they belong and removed only when start and id both match', () => {
    const index = copyIndex(buildIndex([{ id: 'b', start: 10, end: 20 }]));
    insertEntry(index, { id: 'c', start: 30, end: 40 });
    insertEntry(index, { id: 'a', start: 0, end: 10 });
    insertEntry(index, { id: 'm', start: 20, end: 30 });
    expect(index.ids).toEqual(['a', 'b', 'm', 'c']);
    expect(() => insertEntry(index, { id: 'z', start: 35, end: 45 })).toThrow('z overlaps c');
    expect(() => insertEntry(index, { id: 'z', start: 50, end: 50 })).toThrow('empty interval');
    expect(removeEntry(index, 'b', 11)).toBe(false);
    expect(removeEntry(index, 'c', 10)).toBe(false);
    expect(removeEntry(index, 'b', 10)).toBe(true);
    expect(index).toEqual({ starts: [0, 20, 30], ends: [10, 30, 40], ids: ['a', 'm', 'c'] });
    // a copy is a copy: the original is not touched by changes to it
    const base = buildIndex([{ id: 'a', start: 0, end: 10 }]);
    const next = withEntry(base, { id: 'b', start: 10, end: 20 });
    expect(base.ids).toEqual(['a']);
    expect(next.ids).toEqual(['a', 'b']);
    expect(withoutEntry(next, 'a', 0).ids).toEqual(['b']);
    expect(next.ids).toEqual(['a', 'b']);
  });

  it('R-5: an extension moves the end and frees or takes exactly the difference', () => {
    const index = buildIndex([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 30, end: 40 },
    ]);
    const longer = withEnd(index, 'a', 0, 30);
    expect(longer).toEqual({ starts: [0, 30], ends: [30, 40], ids: ['a', 'b'] });
    expect(index.ends).toEqual([10, 40]);
    expect(() => withEnd(index, 'a', 0, 31)).toThrow('a overlaps b');
    expect(() => withEnd(index, 'a', 0, 0)).toThrow('empty interval');
  });

  it('R-2: a query at an instant that is not a number finds nothing rather than a wrong booking', () => {
    const busy = fromParts(Array.from({ length: 20 }, () => [1, 1] as const));
    const index = buildIndex(busy);
    expect(entryAtInstant(index, Number.NaN)).toBeUndefined();
    expect(entryAtInstant(one, Number.NaN)).toBeUndefined();
  });
});

describe('R-2: the index at the window’s far edge', () => {
  it('R-2: a booking that starts after the window leaves the window’s free time as it is', () => {
    const index = buildIndex([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 50, end: 60 },
    ]);
    expect(freeSlots(index, { start: 0, end: 30 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
    expect(freeSlots(index, { start: 0, end: 50 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 50 },
    ]);
  });

  it('R-2 (T-2): an entry that starts where it ends is empty, and refused', () => {
    expect(() => buildIndex([{ id: 'x', start: 5, end: 5 }])).toThrow('empty interval for x');
  });
});
