import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { overlaps, type Interval } from '../time/interval.js';
import {
  EMPTY_INDEX,
  buildIndex,
  entriesIn,
  entryAtInstant,
  firstConflict,
  freeSlots,
  isFree,
  nextEntryFrom,
  nextFreeMoment,
  withEnd,
  withEntry,
  withoutEntry,
  type IndexEntry,
} from './availability-index.js';

/** Disjoint entries built from gaps and lengths (values by .map, never .filter). */
const entriesArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 40 })), {
    maxLength: 30,
  })
  .map((parts) => {
    let t = 0;
    return parts.map(([gap, len], i): IndexEntry => {
      const start = t + gap;
      t = start + len;
      return { id: `b${i}`, start, end: t };
    });
  });
const requestArb = fc
  .tuple(fc.integer({ min: -20, max: 1200 }), fc.integer({ min: 1, max: 60 }))
  .map(([start, len]): Interval => ({ start, end: start + len }));
const bufferArb = fc.integer({ min: 0, max: 15 });

const widened = (r: Interval, b: number): Interval => ({ start: r.start - b, end: r.end + b });
const scanConflict = (entries: IndexEntry[], r: Interval, b: number) =>
  entries.find((e) => overlaps(e, widened(r, b)));

describe('R-2: the availability index', () => {
  it('R-2: back-to-back bookings fit; the buffer keeps them apart', () => {
    const index = buildIndex([{ id: 'a', start: 0, end: 10 }]);
    expect(isFree(index, { start: 10, end: 20 })).toBe(true);
    expect(isFree(index, { start: 10, end: 20 }, 5)).toBe(false);
    expect(firstConflict(index, { start: 12, end: 20 }, 5)?.id).toBe('a');
    expect(isFree(index, { start: 5, end: 20 }, 0, 'a')).toBe(true);
  });

  it('R-2: an overlapping or empty entry is a programming error', () => {
    expect(() =>
      buildIndex([
        { id: 'a', start: 0, end: 10 },
        { id: 'b', start: 9, end: 12 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      withEntry(buildIndex([{ id: 'a', start: 0, end: 10 }]), { id: 'b', start: 5, end: 6 }),
    ).toThrow(RangeError);
    expect(() => withEntry(EMPTY_INDEX, { id: 'b', start: 5, end: 5 })).toThrow(RangeError);
    expect(() =>
      withEnd(
        buildIndex([
          { id: 'a', start: 0, end: 10 },
          { id: 'b', start: 10, end: 12 },
        ]),
        'a',
        0,
        11,
      ),
    ).toThrow(RangeError);
  });

  test.prop([entriesArb, requestArb, bufferArb])(
    'R-2: the conflict check agrees with a linear scan',
    (entries, r, b) => {
      const index = buildIndex([...entries].reverse());
      expect(firstConflict(index, r, b)).toEqual(scanConflict(entries, r, b));
    },
  );

  test.prop([entriesArb, requestArb, bufferArb])(
    'R-2: free slots are exactly the free time that fits',
    (entries, window, b) => {
      const index = buildIndex(entries);
      const slots = freeSlots(index, window, { buffer: b });
      for (const s of slots) expect(scanConflict(entries, s, b)).toBeUndefined();
      // every instant of the window outside the slots is within the buffer of a booking
      for (let t = window.start; t < window.end; t++) {
        const inSlot = slots.some((s) => s.start <= t && t < s.end);
        const blocked = entries.some((e) => e.start - b <= t && t < e.end + b);
        expect(inSlot).toBe(!blocked);
      }
    },
  );

  test.prop([
    entriesArb,
    fc.integer({ min: -10, max: 1500 }),
    fc.integer({ min: 1, max: 60 }),
    bufferArb,
  ])('R-2: the next free moment is the first start that fits', (entries, from, len, b) => {
    const index = buildIndex(entries);
    const t = nextFreeMoment(index, from, len, b);
    expect(t).toBeGreaterThanOrEqual(from);
    expect(scanConflict(entries, { start: t, end: t + len }, b)).toBeUndefined();
    for (let u = from; u < t; u++)
      expect(scanConflict(entries, { start: u, end: u + len }, b)).toBeDefined();
  });

  test.prop([entriesArb, fc.integer({ min: -10, max: 1500 })])(
    'R-5: the entry at an instant and the next one agree with a scan',
    (entries, t) => {
      const index = buildIndex(entries);
      expect(entryAtInstant(index, t)).toEqual(entries.find((e) => e.start <= t && t < e.end));
      expect(nextEntryFrom(index, t)).toEqual(entries.find((e) => e.start >= t));
      expect(entriesIn(index, { start: t, end: t + 50 })).toEqual(
        entries.filter((e) => overlaps(e, { start: t, end: t + 50 })),
      );
    },
  );

  test.prop([entriesArb, fc.nat(), requestArb])(
    'R-2: inserting, trimming and removing keep the index in step with its entries',
    (entries, pick, r) => {
      let index = buildIndex(entries);
      let model = [...entries];
      if (!scanConflict(model, r, 0)) {
        index = withEntry(index, { id: 'new', ...r });
        model = [...model, { id: 'new', ...r }].sort((a, b) => a.start - b.start);
      }
      const victim = model[pick % Math.max(1, model.length)];
      if (victim) {
        const mid = victim.start + Math.max(1, Math.floor((victim.end - victim.start) / 2));
        if (mid < victim.end) {
          index = withEnd(index, victim.id, victim.start, mid);
          model = model.map((e) => (e.id === victim.id ? { ...e, end: mid } : e));
        }
        const other = model[(pick + 1) % model.length]!;
        index = withoutEntry(index, other.id, other.start);
        model = model.filter((e) => e.id !== other.id);
      }
      expect(index).toEqual(buildIndex(model));
      expect(withoutEntry(index, 'missing', 0)).toBe(index);
    },
  );
});
