import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { eventId, eventIdFactory, eventIdTime, isEventId } from './event-id.js';

const instant = fc.integer({ min: 0, max: 2 ** 48 - 1 });
const random = fc
  .infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }))
  .map((s) => {
    const it = s[Symbol.iterator]();
    return () => it.next().value as number;
  });

describe('event ids: ULIDs, sortable by time', () => {
  it('is 26 characters of Crockford base 32, time first', () => {
    const id = eventId(Date.UTC(2026, 10, 30), () => 0);
    expect(id).toBe('01M8MW0N000000000000000000');
    expect(isEventId(id)).toBe(true);
    expect(eventId(0, () => 0.999999)).toBe('0000000000ZZZZZZZZZZZZZZZZ');
    expect(eventId(2 ** 48 - 1, () => 0).slice(0, 10)).toBe('7ZZZZZZZZZ');
  });

  it('refuses an instant a ULID cannot hold (a programming error)', () => {
    expect(() => eventId(-1, Math.random)).toThrow(RangeError);
    expect(() => eventId(2 ** 48, Math.random)).toThrow(RangeError);
    expect(() => eventId(1.5, Math.random)).toThrow(RangeError);
    expect(() => eventIdFactory(Math.random)(Number.NaN)).toThrow(RangeError);
  });

  it('tells a ULID from other strings', () => {
    expect(isEventId('01M8MW0N000000000000000000')).toBe(true);
    expect(isEventId('81M8MW0N000000000000000000')).toBe(false);
    expect(isEventId('01M8MW0N00000000000000000I')).toBe(false);
    expect(isEventId('01M8MW0N00')).toBe(false);
    expect(isEventId(42)).toBe(false);
    expect(eventIdTime('nope')).toBeUndefined();
  });

  test.prop([instant, random])('law: the time a ULID holds is the time it was made at', (t, r) => {
    expect(eventIdTime(eventId(t, r))).toBe(t);
  });

  test.prop([instant, instant, random])('law: ids sort as their instants do', (a, b, r) => {
    fc.pre(a !== b);
    expect(eventId(a, r) < eventId(b, r)).toBe(a < b);
  });

  test.prop([fc.array(instant, { minLength: 1, maxLength: 50 }), random])(
    'law: a factory never goes down, even when the clock steps back, and never repeats',
    (times, r) => {
      const next = eventIdFactory(r);
      const ids = times.map((t) => next(t));
      for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every(isEventId)).toBe(true);
    },
  );

  it('within one millisecond, counts up from the first random part', () => {
    const next = eventIdFactory(() => 0.999999);
    const a = next(1000);
    const b = next(1000);
    expect(a.slice(10)).toBe('ZZZZZZZZZZZZZZZZ');
    // past ZZZ… the time part moves on by one millisecond
    expect(eventIdTime(b)).toBe(1001);
    expect(b > a).toBe(true);
    const c = eventIdFactory(() => 0)(5);
    expect(c).toBe(eventId(5, () => 0));
  });
});
