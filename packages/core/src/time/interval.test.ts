import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { intervalArb } from '../testing/arbitraries.js';
import {
  checkInterval,
  contains,
  covers,
  duration,
  gaps,
  intersection,
  interval,
  overlaps,
  span,
  subtract,
  union,
  widen,
  type Interval,
} from './interval.js';

const near = { min: 0, max: 10_000 * 60_000, maxLength: 600 * 60_000 };
const arb = intervalArb(near);
const instant = fc.integer({ min: 0, max: 10_000 }).map((m) => m * 60_000);
const total = (xs: readonly Interval[]): number => xs.reduce((s, x) => s + duration(x), 0);

describe('T-2: half-open intervals', () => {
  it('T-2: a meeting ending at 10:00 and one starting at 10:00 do not overlap', () => {
    expect(overlaps(interval(0, 10), interval(10, 20))).toBe(false);
    expect(contains(interval(0, 10), 10)).toBe(false);
    expect(contains(interval(0, 10), 0)).toBe(true);
  });

  it('T-2: start >= end is rejected with a reason in both languages', () => {
    const r = checkInterval(10, 10);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection).toMatchObject({ rule: 'T-2', code: 'interval.empty' });
    expect(r.rejection.message['zh-CN']).toContain('晚于');
    expect(r.rejection.message.en).toContain('after');
    expect(() => interval(5, 1)).toThrow(RangeError);
  });

  it('T-2: non-instants are rejected, never thrown', () => {
    for (const [a, b] of [
      [NaN, 1],
      [0, Infinity],
      [0.5, 1],
      ['0', 1],
      [null, undefined],
    ] as const) {
      const r = checkInterval(a, b);
      expect(r.ok ? undefined : r.rejection.code).toBe('interval.not-instant');
    }
  });

  it('T-2: subtract, gaps and union on a worked example', () => {
    expect(subtract(interval(0, 10), interval(3, 5))).toEqual([interval(0, 3), interval(5, 10)]);
    expect(subtract(interval(0, 10), interval(0, 10))).toEqual([]);
    expect(union([interval(5, 8), interval(0, 5), interval(9, 10)])).toEqual([
      interval(0, 8),
      interval(9, 10),
    ]);
    expect(gaps(interval(0, 10), [interval(2, 4), interval(3, 6)])).toEqual([
      interval(0, 2),
      interval(6, 10),
    ]);
    expect(widen(interval(100, 200), 10)).toEqual(interval(90, 210));
    expect(span(interval(0, 5), interval(8, 9))).toEqual(interval(0, 9));
  });
});

describe('T-2: interval algebra laws', () => {
  test.prop([arb, arb])('overlap is symmetric and agrees with intersection', (a, b) => {
    expect(overlaps(a, b)).toBe(overlaps(b, a));
    expect(overlaps(a, b)).toBe(intersection(a, b) !== undefined);
    expect(intersection(a, b)).toEqual(intersection(b, a));
  });

  test.prop([arb, arb, instant])(
    'an instant is in the intersection iff it is in both',
    (a, b, t) => {
      const i = intersection(a, b);
      expect(i !== undefined && contains(i, t)).toBe(contains(a, t) && contains(b, t));
    },
  );

  test.prop([arb, arb])('subtract and intersection split an interval exactly', (a, b) => {
    const rest = subtract(a, b);
    const i = intersection(a, b);
    expect(total(rest) + (i ? duration(i) : 0)).toBe(duration(a));
    for (const r of rest) {
      expect(covers(a, r)).toBe(true);
      expect(overlaps(r, b)).toBe(false);
    }
  });

  test.prop([fc.array(arb, { maxLength: 12 }), instant])(
    'union is sorted, disjoint, not touching, and covers the same instants',
    (list, t) => {
      const u = union(list);
      for (let i = 1; i < u.length; i++) expect(u[i - 1]!.end).toBeLessThan(u[i]!.start);
      expect(u.some((x) => contains(x, t))).toBe(list.some((x) => contains(x, t)));
    },
  );

  test.prop([arb, fc.array(arb, { maxLength: 12 }), instant])(
    'gaps and busy partition the window',
    (within, busy, t) => {
      const free = gaps(within, busy);
      for (const f of free) expect(covers(within, f)).toBe(true);
      const inFree = free.some((f) => contains(f, t));
      const inBusy = busy.some((b) => contains(b, t));
      expect(inFree).toBe(contains(within, t) && !inBusy);
    },
  );

  test.prop([arb, arb])('span covers both and is the smallest such', (a, b) => {
    const s = span(a, b);
    expect(covers(s, a) && covers(s, b)).toBe(true);
    expect(duration(s)).toBeLessThanOrEqual(Math.max(a.end, b.end) - Math.min(a.start, b.start));
  });
});
