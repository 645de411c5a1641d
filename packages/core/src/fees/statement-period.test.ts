import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../time/zone.js';
import { at } from './fixtures.test-helpers.js';
import { statementPeriodOf } from './statement-period.js';

const day = (year: number, month: number, d: number, zone = 'Asia/Shanghai') =>
  startOfLocalDay({ year, month, day: d }, zone);

describe('R-12: statement periods on the site’s calendar', () => {
  it('R-12: a month by default, from its first local midnight to the next', () => {
    expect(statementPeriodOf(at(9), 'month', 'Asia/Shanghai')).toEqual({
      kind: 'month',
      label: '2026-11',
      start: day(2026, 11, 1),
      end: day(2026, 12, 1),
    });
    // 1 December 00:30 in Shanghai is still 30 November in UTC: the wall calendar decides.
    expect(statementPeriodOf(day(2026, 12, 1) + 30 * 60_000, 'month', 'Asia/Shanghai').label).toBe(
      '2026-12',
    );
    expect(statementPeriodOf(day(2026, 12, 31), 'month', 'Asia/Shanghai').end).toBe(
      day(2027, 1, 1),
    );
  });

  it('R-12: ISO weeks (Monday first, numbered by their Thursday), quarters and years', () => {
    expect(statementPeriodOf(at(9), 'week', 'Asia/Shanghai')).toEqual({
      kind: 'week',
      label: '2026-W49',
      start: day(2026, 11, 30),
      end: day(2026, 12, 7),
    });
    expect(statementPeriodOf(day(2027, 1, 1), 'week', 'Asia/Shanghai').label).toBe('2026-W53');
    expect(statementPeriodOf(day(2026, 1, 1), 'week', 'Asia/Shanghai').label).toBe('2026-W01');
    expect(statementPeriodOf(day(2026, 12, 31), 'week', 'Asia/Shanghai').end).toBe(day(2027, 1, 4));
    expect(statementPeriodOf(at(9), 'quarter', 'Asia/Shanghai')).toEqual({
      kind: 'quarter',
      label: '2026-Q4',
      start: day(2026, 10, 1),
      end: day(2027, 1, 1),
    });
    expect(statementPeriodOf(day(2026, 5, 20), 'quarter', 'Asia/Shanghai')).toMatchObject({
      label: '2026-Q2',
      end: day(2026, 7, 1),
    });
    expect(statementPeriodOf(at(9), 'year', 'Asia/Shanghai')).toEqual({
      kind: 'year',
      label: '2026',
      start: day(2026, 1, 1),
      end: day(2027, 1, 1),
    });
  });

  it('R-12: in another zone, its own midnights', () => {
    const p = statementPeriodOf(Date.UTC(2026, 2, 15), 'month', 'America/New_York');
    expect(p).toMatchObject({ label: '2026-03', start: Date.UTC(2026, 2, 1, 5) });
    expect(p.end).toBe(Date.UTC(2026, 3, 1, 4));
  });
});
