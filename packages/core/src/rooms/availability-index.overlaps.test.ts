// The availability index of a room whose log holds bookings that overlap (two doors that decided
// against the same state, an old import). The fold places each booking with `placeEntry`: one that
// collides with the room's plan (the sorted arrays) is kept beside it, in `overlaps`. Every question
// must then answer for both parties, so nothing new is let in over either of them.
//
// The generators build such logs by construction: every log holds at least one booking that starts
// inside another one and one that starts together with another one, in quiet rooms (a plain
// bisection) and in busy ones (more than 16 planned bookings: the interpolate-and-gallop search).
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { overlaps, type Interval } from '../time/interval.js';
import {
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
  placeEntry,
  removeEntry,
  withEnd,
  withEntry,
  withoutEntry,
  type AvailabilityIndex,
  type IndexEntry,
  type MutableIndex,
} from './availability-index.js';

/** Disjoint entries from (gap, length) pairs. */
const fromParts = (parts: readonly (readonly [number, number])[]): IndexEntry[] => {
  let t = 0;
  return parts.map(([gap, len], i): IndexEntry => {
    const start = t + gap;
    t = start + len;
    return { id: `b${i}`, start, end: t };
  });
};

const partArb = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 2, max: 20 }));

/**
 * A log with contradictions: disjoint planned bookings, then bookings that collide with them for
 * sure (the first starts together with a planned one, the second inside one), then a few anywhere.
 */
const contradictedLogArb = (minPlanned: number, maxPlanned: number) =>
  fc
    .record({
      planned: fc.array(partArb, { minLength: minPlanned, maxLength: maxPlanned }),
      colliding: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 25 })), {
        minLength: 2,
        maxLength: 6,
      }),
      anywhere: fc.array(
        fc.tuple(fc.integer({ min: -10, max: 700 }), fc.integer({ min: 1, max: 25 })),
        { maxLength: 5 },
      ),
    })
    .map(({ planned, colliding, anywhere }) => {
      const plan = fromParts(planned);
      const clashes = colliding.map(([pick, offset, len], i): IndexEntry => {
        const host = plan[pick % plan.length] as IndexEntry;
        // the first starts together with its host, every other one inside it
        const start = i === 0 ? host.start : host.start + (offset % (host.end - host.start));
        return { id: `x${i}`, start, end: start + len };
      });
      const loose = anywhere.map(([start, len], i): IndexEntry => ({
        id: `y${i}`,
        start,
        end: start + len,
      }));
      return { plan, log: [...plan, ...clashes, ...loose] };
    });

/** Places a log's entries in order, as the booking fold does. */
function placeAll(log: readonly IndexEntry[]): MutableIndex {
  const index = copyIndex(buildIndex([]));
  for (const e of log) placeEntry(index, e);
  return index;
}

/**
 * Every entry of an index in the order its answers name them: by start; at equal starts the
 * planned entry first, then the overlapping ones in the order the log gave them.
 */
const ordered = (index: AvailabilityIndex): IndexEntry[] =>
  [
    ...index.ids.map((id, i) => ({
      id,
      start: index.starts[i] as number,
      end: index.ends[i] as number,
    })),
    ...(index.overlaps ?? []),
  ].sort((a, b) => a.start - b.start);

/** The instants where an answer changes: every start and end and one either side. */
const probes = (entries: readonly IndexEntry[]): number[] => {
  const out = new Set<number>([-1000, 100_000]);
  for (const e of entries)
    for (const t of [e.start - 1, e.start, e.start + 1, e.end - 1, e.end, e.end + 1]) out.add(t);
  return [...out].sort((a, b) => a - b);
};

const widened = (r: Interval, b: number): Interval => ({ start: r.start - b, end: r.end + b });
const BUFFERS = [0, 3];

/** Every query against a scan of every entry the log holds, at every probe, buffer 0 and 3. */
function answersForEveryEntry(index: AvailabilityIndex, log: readonly IndexEntry[]): void {
  const all = ordered(index);
  const held = log.filter((e) => e.start < e.end);
  // nothing is lost or counted twice; the plan stays sorted and disjoint
  expect(all.map((e) => e.id).sort()).toEqual(held.map((e) => e.id).sort());
  for (let i = 1; i < index.ids.length; i++)
    expect(index.starts[i] as number).toBeGreaterThanOrEqual(index.ends[i - 1] as number);
  const ts = probes(held);
  const ignoreIds = [undefined, held[0]?.id, held[held.length - 1]?.id];
  // the answers at every probe, collected and compared once (an expect per probe is slow)
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const t of ts) {
    const holder = entryAtInstant(index, t);
    got.push(['entry at', t, holder !== undefined && holder.start <= t && t < holder.end]);
    want.push(['entry at', t, held.some((e) => e.start <= t && t < e.end)]);
    got.push(['next from', t, nextEntryFrom(index, t)]);
    want.push(['next from', t, all.find((e) => e.start >= t)]);
    const window = { start: t, end: t + 7 };
    got.push(['entries in', t, entriesIn(index, window)]);
    want.push(['entries in', t, all.filter((e) => overlaps(e, window))]);
    for (const b of BUFFERS)
      for (const ignore of ignoreIds) {
        const first = all.find((e) => e.id !== ignore && overlaps(e, widened(window, b)));
        got.push(['conflict', t, b, ignore, firstConflict(index, window, b, ignore)]);
        want.push(['conflict', t, b, ignore, first]);
        got.push(['free', t, b, ignore, isFree(index, window, b, ignore)]);
        want.push(['free', t, b, ignore, first === undefined]);
      }
  }
  expect(got).toEqual(want);
  // free time: every instant of a window is in a slot exactly when no entry (with the buffer) holds it
  const first = Math.min(0, ...held.map((e) => e.start)) - 5;
  const last = Math.max(...held.map((e) => e.end)) + 5;
  for (const b of BUFFERS) {
    const blocked = (t: number) => held.some((e) => e.start - b <= t && t < e.end + b);
    for (const window of [
      { start: first, end: last },
      { start: held[0]!.start, end: held[0]!.end + 1 },
      { start: first, end: held[held.length - 1]!.start + 1 },
    ]) {
      const slots = freeSlots(index, window, { buffer: b });
      for (let i = 1; i < slots.length; i++)
        expect(slots[i]!.start).toBeGreaterThan(slots[i - 1]!.end);
      const inSlots: number[] = [];
      const free: number[] = [];
      for (let t = window.start; t < window.end; t++) {
        if (slots.some((s) => s.start <= t && t < s.end)) inSlots.push(t);
        if (!blocked(t)) free.push(t);
      }
      expect(inSlots, `free instants, buffer ${b}`).toEqual(free);
    }
    // from before everything, and from just before each of the last few bookings (the colliding ones)
    for (const from of [first, ...held.slice(-6).map((e) => e.start - 1)]) {
      for (const len of [1, 6]) {
        const fits = (u: number) =>
          !held.some((e) => overlaps(e, widened({ start: u, end: u + len }, b)));
        let want = from;
        while (!fits(want)) want++;
        expect(nextFreeMoment(index, from, len, b), `next free from ${from}, ${len} long`).toBe(
          want,
        );
      }
    }
  }
}

describe('R-2: an index whose log holds overlapping bookings answers for every one of them', () => {
  test.prop([contradictedLogArb(1, 6)])(
    'R-2: in a quiet room with contradictions, every query agrees with a scan of every booking',
    ({ plan, log }) => {
      const index = placeAll(log);
      expect(index.overlaps?.length).toBeGreaterThanOrEqual(2);
      expect(index.ids.length).toBeGreaterThanOrEqual(plan.length);
      answersForEveryEntry(index, log);
    },
  );

  test.prop([contradictedLogArb(17, 30)])(
    'R-2: in a busy room (more than 16 planned) with contradictions, every query agrees with a scan',
    ({ log }) => {
      const index = placeAll(log);
      expect(index.ids.length).toBeGreaterThan(16);
      expect(index.overlaps?.length).toBeGreaterThanOrEqual(2);
      answersForEveryEntry(index, log);
    },
  );

  it('R-2: a booking that collides with the plan is kept beside it and names the one it overlaps', () => {
    const index = placeAll([{ id: 'a', start: 10, end: 20 }]);
    expect(placeEntry(index, { id: 'b', start: 15, end: 30 })).toEqual({
      id: 'a',
      start: 10,
      end: 20,
    });
    expect(placeEntry(index, { id: 'c', start: 30, end: 40 })).toBeUndefined();
    // an empty interval occupies nothing: neither placed nor kept
    expect(placeEntry(index, { id: 'e', start: 12, end: 12 })).toBeUndefined();
    expect(placeEntry(index, { id: 'f', start: 14, end: 13 })).toBeUndefined();
    expect(index).toStrictEqual({
      starts: [10, 30],
      ends: [20, 40],
      ids: ['a', 'c'],
      overlaps: [{ id: 'b', start: 15, end: 30 }],
    });
  });

  it('R-2: a booking held only by the overlapping ones is found at its first instant', () => {
    // 'b' starts before the planned 'a' and is the only one holding 5…9
    const index = placeAll([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 5, end: 15 },
    ]);
    expect(entryAtInstant(index, 4)).toBeUndefined();
    expect(entryAtInstant(index, 5)?.id).toBe('b');
    expect(entryAtInstant(index, 9)?.id).toBe('b');
    expect(entryAtInstant(index, 10)?.id).toBe('a');
    expect(nextEntryFrom(index, 0)?.id).toBe('b');
    expect(nextEntryFrom(index, 6)?.id).toBe('a');
    expect(firstConflict(index, { start: 0, end: 6 })?.id).toBe('b');
    expect(firstConflict(index, { start: 0, end: 5 })).toBeUndefined();
    expect(firstConflict(index, { start: 0, end: 5 }, 1)?.id).toBe('b');
    expect(firstConflict(index, { start: 0, end: 12 }, 0, 'b')?.id).toBe('a');
    expect(firstConflict(index, { start: 0, end: 8 }, 0, 'b')).toBeUndefined();
    expect(entriesIn(index, { start: 0, end: 30 }).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('R-2: of bookings that start together, the planned one is named first, then the others as they came', () => {
    const index = placeAll([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 10, end: 12 },
      { id: 'c', start: 10, end: 30 },
    ]);
    expect(firstConflict(index, { start: 0, end: 11 })?.id).toBe('a');
    expect(firstConflict(index, { start: 0, end: 11 }, 0, 'a')?.id).toBe('b');
    expect(firstConflict(index, { start: 0, end: 11 }, 0, 'b')?.id).toBe('a');
    expect(nextEntryFrom(index, 10)?.id).toBe('a');
    expect(entriesIn(index, { start: 0, end: 50 }).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('R-2: the free time around overlapping bookings runs to the furthest end, a slot as long as asked kept', () => {
    // planned 0…10 and 20…30; 'x' overlaps 'a' and runs to 14, 'y' overlaps 'b' from 17
    const index = placeAll([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 20, end: 30 },
      { id: 'x', start: 5, end: 14 },
      { id: 'y', start: 17, end: 25 },
    ]);
    expect(index.overlaps?.map((e) => e.id)).toEqual(['x', 'y']);
    expect(freeSlots(index, { start: 0, end: 40 })).toEqual([
      { start: 14, end: 17 },
      { start: 30, end: 40 },
    ]);
    // a slot exactly as long as the minimum is kept; one shorter is not
    expect(freeSlots(index, { start: 0, end: 40 }, { minLength: 3 })).toEqual([
      { start: 14, end: 17 },
      { start: 30, end: 40 },
    ]);
    expect(freeSlots(index, { start: 0, end: 40 }, { minLength: 4 })).toEqual([
      { start: 30, end: 40 },
    ]);
    expect(freeSlots(index, { start: 0, end: 34 }, { minLength: 4 })).toEqual([
      { start: 30, end: 34 },
    ]);
    expect(freeSlots(index, { start: 0, end: 33 }, { minLength: 4 })).toEqual([]);
    // with a buffer of 1 the gap 14…17 shrinks to 15…16
    expect(freeSlots(index, { start: 0, end: 40 }, { buffer: 1 })).toEqual([
      { start: 15, end: 16 },
      { start: 31, end: 40 },
    ]);
    // a window that ends inside the overlapping bookings has no free time at all
    expect(freeSlots(index, { start: 0, end: 14 })).toEqual([]);
    expect(freeSlots(index, { start: 3, end: 12 })).toEqual([]);
    // the window's start is where free time starts, not before
    expect(freeSlots(index, { start: 15, end: 18 })).toEqual([{ start: 15, end: 17 }]);
    // the next free moment skips both parties, with the buffer
    expect(nextFreeMoment(index, 0, 3)).toBe(14);
    expect(nextFreeMoment(index, 0, 4)).toBe(30);
    expect(nextFreeMoment(index, 0, 1, 1)).toBe(15);
    expect(nextFreeMoment(index, 0, 2, 1)).toBe(31);
    expect(nextFreeMoment(index, 15, 2)).toBe(15);
  });

  it('R-2: free time around overlapping bookings ends at the window’s end, never past it', () => {
    const index = placeAll([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 20, end: 30 },
      { id: 'x', start: 5, end: 14 },
    ]);
    // 'b' starts after the window: the free time runs to the window's end, not to 'b'
    expect(freeSlots(index, { start: 0, end: 16 })).toEqual([{ start: 14, end: 16 }]);
    // with a buffer of 1, 'x' holds the room to 15 and 'b' from 19: free 15…17 in a window to 17
    expect(freeSlots(index, { start: 0, end: 17 }, { buffer: 1 })).toEqual([
      { start: 15, end: 17 },
    ]);
  });

  it('R-2: an overlapping booking starting before the planned ones is walked in order of start', () => {
    // 'z' came last but starts first: the walk must take it before 'a'
    const index = placeAll([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 30, end: 40 },
      { id: 'z', start: 2, end: 12 },
    ]);
    expect(freeSlots(index, { start: 0, end: 50 })).toEqual([
      { start: 0, end: 2 },
      { start: 20, end: 30 },
      { start: 40, end: 50 },
    ]);
    expect(nextFreeMoment(index, 0, 2)).toBe(0);
    expect(nextFreeMoment(index, 0, 3)).toBe(20);
  });

  it('R-2: a new booking is refused over an overlapping one as over a planned one', () => {
    const index = placeAll([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 15, end: 30 },
    ]);
    expect(() => insertEntry(copyIndex(index), { id: 'n', start: 25, end: 35 })).toThrow(
      'n overlaps b',
    );
    expect(() => withEntry(index, { id: 'n', start: 20, end: 26 })).toThrow('n overlaps b');
    const next = withEntry(index, { id: 'n', start: 30, end: 35 });
    // the copy keeps the overlapping booking, in its own list
    expect(next).toStrictEqual({
      starts: [10, 30],
      ends: [20, 35],
      ids: ['a', 'n'],
      overlaps: [{ id: 'b', start: 15, end: 30 }],
    });
    expect(next.overlaps).not.toBe(index.overlaps);
    expect(index.overlaps).toEqual([{ id: 'b', start: 15, end: 30 }]);
  });

  it('R-2: an overlapping booking is removed by id and start, the list dropped once empty', () => {
    const index = placeAll([
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 15, end: 30 },
      { id: 'c', start: 12, end: 14 },
    ]);
    expect(index.overlaps?.map((e) => e.id)).toEqual(['b', 'c']);
    // the first of the list is found too; a wrong start or id finds nothing
    const draft = copyIndex(index);
    expect(removeEntry(draft, 'b', 16)).toBe(false);
    expect(removeEntry(draft, 'q', 15)).toBe(false);
    expect(removeEntry(draft, 'c', 15)).toBe(false);
    expect(removeEntry(draft, 'b', 15)).toBe(true);
    expect(draft.overlaps).toEqual([{ id: 'c', start: 12, end: 14 }]);
    expect(removeEntry(draft, 'c', 12)).toBe(true);
    expect(draft).toStrictEqual({ starts: [10], ends: [20], ids: ['a'] });
    // as a value: withoutEntry removes one of several, and leaves the index it came from alone
    const withoutC = withoutEntry(index, 'c', 12);
    expect(withoutC.overlaps).toEqual([{ id: 'b', start: 15, end: 30 }]);
    expect(isFree(withoutC, { start: 20, end: 25 })).toBe(false);
    const neither = withoutEntry(withoutC, 'b', 15);
    expect(neither).toStrictEqual({ starts: [10], ends: [20], ids: ['a'] });
    expect(isFree(neither, { start: 20, end: 25 })).toBe(true);
    expect(index.overlaps?.map((e) => e.id)).toEqual(['b', 'c']);
    // an id nowhere in the index gives back the same index
    expect(withoutEntry(index, 'q', 15)).toBe(index);
    // a planned booking is still removed from beside the overlapping ones
    expect(withoutEntry(index, 'a', 10)).toStrictEqual({
      starts: [],
      ends: [],
      ids: [],
      overlaps: [
        { id: 'b', start: 15, end: 30 },
        { id: 'c', start: 12, end: 14 },
      ],
    });
  });

  it('R-2: an index with an empty overlaps list is read as one without', () => {
    const plain = buildIndex([{ id: 'a', start: 10, end: 20 }]);
    const index: AvailabilityIndex = { ...plain, overlaps: [] };
    expect(copyIndex(index)).toStrictEqual({ starts: [10], ends: [20], ids: ['a'] });
    expect(firstConflict(index, { start: 0, end: 11 })?.id).toBe('a');
    expect(nextEntryFrom(index, 0)?.id).toBe('a');
    expect(entryAtInstant(index, 25)).toBeUndefined();
    expect(entriesIn(index, { start: 0, end: 30 }).map((e) => e.id)).toEqual(['a']);
    expect(freeSlots(index, { start: 0, end: 30 })).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
    expect(nextFreeMoment(index, 0, 11)).toBe(20);
    expect(withEnd(index, 'a', 10, 15).ends).toEqual([15]);
  });
});
