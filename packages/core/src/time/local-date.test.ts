import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { localDateArb } from '../testing/arbitraries.js';
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  formatLocalDate,
  fromEpochDay,
  isLocalDate,
  parseLocalDate,
  parseLocalTime,
  toEpochDay,
  weekdayOf,
} from './local-date.js';

describe('T-1: wall dates', () => {
  it('T-1: day numbers and weekdays agree with known dates', () => {
    expect(toEpochDay({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toEpochDay({ year: 2000, month: 3, day: 1 })).toBe(11017);
    expect(weekdayOf({ year: 2026, month: 11, day: 27 })).toBe(5);
    expect(weekdayOf({ year: 2026, month: 10, day: 1 })).toBe(4);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('T-1: parses real dates and refuses impossible ones, in both languages', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({
      ok: true,
      value: { year: 2028, month: 2, day: 29 },
    });
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-1-1',
      '',
      20260101,
      null,
      '2026-10-01T00:00',
    ]) {
      const r = parseLocalDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.rejection).toMatchObject({ rule: 'T-1', code: 'date.invalid' });
    }
    expect(parseLocalTime('08:30')).toEqual({ ok: true, value: { hour: 8, minute: 30 } });
    expect(parseLocalTime('24:00').ok).toBe(false);
  });

  test.prop([localDateArb(1, 9999)])('day numbers round-trip and agree with Date.UTC', (d) => {
    expect(fromEpochDay(toEpochDay(d))).toEqual(d);
    const utc = new Date(0);
    utc.setUTCFullYear(d.year, d.month - 1, d.day);
    expect(toEpochDay(d)).toBe(Math.floor(utc.getTime() / 86_400_000));
    expect(weekdayOf(d)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
  });

  test.prop([localDateArb(1900, 2100), fc.integer({ min: -5000, max: 5000 })])(
    'adding days moves the day number and keeps order',
    (d, n) => {
      const e = addDays(d, n);
      expect(isLocalDate(e)).toBe(true);
      expect(toEpochDay(e) - toEpochDay(d)).toBe(n);
      expect(Math.sign(compareLocalDates(e, d))).toBe(Math.sign(n));
      expect(parseLocalDate(formatLocalDate(e))).toEqual({ ok: true, value: e });
    },
  );
});
