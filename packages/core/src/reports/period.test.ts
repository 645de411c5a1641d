import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PERIODS } from '../policy/parameters.js';
import { instantArb } from '../testing/arbitraries.js';
import { zoneArb } from '../testing/policy-arbitraries.js';
import { toInstant } from '../time/zone.js';
import { reportPeriod } from './period.js';

const sh = (y: number, mo: number, d: number) =>
  toInstant({ year: y, month: mo, day: d, hour: 0, minute: 0 }, 'Asia/Shanghai');

describe('F-8: the roll-up period on the wall calendar', () => {
  it('F-8: a month, an ISO week, a quarter and a year, midnight to midnight', () => {
    const t = sh(2026, 12, 15) + 3_600_000;
    expect(reportPeriod(t, 'month', 'Asia/Shanghai')).toEqual({
      label: '2026-12',
      from: sh(2026, 12, 1),
      to: sh(2027, 1, 1),
      zone: 'Asia/Shanghai',
    });
    expect(reportPeriod(t, 'week', 'Asia/Shanghai')).toMatchObject({
      label: '2026-W51',
      from: sh(2026, 12, 14),
      to: sh(2026, 12, 21),
    });
    expect(reportPeriod(sh(2027, 1, 1), 'week', 'Asia/Shanghai').label).toBe('2026-W53');
    expect(reportPeriod(t, 'quarter', 'Asia/Shanghai')).toMatchObject({
      label: '2026-Q4',
      from: sh(2026, 10, 1),
      to: sh(2027, 1, 1),
    });
    expect(reportPeriod(sh(2026, 2, 3), 'quarter', 'Asia/Shanghai').label).toBe('2026-Q1');
    expect(reportPeriod(t, 'year', 'Asia/Shanghai')).toMatchObject({
      label: '2026',
      from: sh(2026, 1, 1),
      to: sh(2027, 1, 1),
    });
  });

  test.prop([instantArb(), fc.constantFrom(...PERIODS), zoneArb])(
    'T-2: the period holds the instant, and the next one starts where it ends',
    (t, kind, zone) => {
      const p = reportPeriod(t, kind, zone);
      expect(p.from <= t && t < p.to).toBe(true);
      expect(reportPeriod(p.to, kind, zone).from).toBe(p.to);
      expect(reportPeriod(p.from, kind, zone)).toEqual(p);
      expect(reportPeriod(p.to - 1, kind, zone)).toEqual(p);
    },
  );
});
