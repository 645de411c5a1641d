import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { instantArb, localDateArb } from '../testing/arbitraries.js';
import { addDays, formatLocalDate, toEpochDay, type LocalDate } from './local-date.js';
import { toInstant, toWall } from './zone.js';
import {
  addWorkingDays,
  createWorkingCalendar,
  isWorkingDay,
  nextWorkingMoment,
  workingDaysBetween,
  workingDeadline,
  type WorkingCalendar,
} from './working-calendar.js';

const must = (data: unknown): WorkingCalendar => {
  const r = createWorkingCalendar(data);
  if (!r.ok) throw new Error(r.rejection.message.en);
  return r.value;
};
const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });

// An example National Day week (illustrative data for the tests, not an official schedule).
const cal = must({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-27', '2026-10-10'],
});

describe('T-3: the working calendar', () => {
  it('T-3: weekends, holidays and make-up working days (调休) are data', () => {
    expect(isWorkingDay(cal, d(2026, 9, 30))).toBe(true); // Wednesday
    expect(isWorkingDay(cal, d(2026, 10, 1))).toBe(false); // holiday on a Thursday
    expect(isWorkingDay(cal, d(2026, 10, 3))).toBe(false); // Saturday
    expect(isWorkingDay(cal, d(2026, 9, 27))).toBe(true); // make-up Sunday
    expect(isWorkingDay(cal, d(2026, 10, 10))).toBe(true); // make-up Saturday
    expect(isWorkingDay(cal, d(2026, 10, 11))).toBe(false); // Sunday
  });

  it('T-3: "within N working days" counts on the calendar', () => {
    expect(addWorkingDays(cal, d(2026, 9, 30), 1)).toEqual(d(2026, 10, 8));
    expect(addWorkingDays(cal, d(2026, 10, 9), 1)).toEqual(d(2026, 10, 10));
    expect(addWorkingDays(cal, d(2026, 11, 27), 1)).toEqual(d(2026, 11, 30));
    expect(addWorkingDays(cal, d(2026, 11, 27), 0)).toEqual(d(2026, 11, 27));
    expect(workingDaysBetween(cal, d(2026, 9, 30), d(2026, 10, 10))).toBe(3);
    expect(workingDaysBetween(cal, d(2026, 10, 10), d(2026, 9, 30))).toBe(-3);
    expect(() => addWorkingDays(cal, d(2026, 1, 1), -1)).toThrow(RangeError);
  });

  it('T-3: the next working moment and a working-day deadline', () => {
    const friday20h = toInstant(
      { year: 2026, month: 11, day: 27, hour: 20, minute: 0 },
      'Asia/Shanghai',
    );
    expect(toWall(nextWorkingMoment(cal, friday20h), 'Asia/Shanghai')).toMatchObject({
      day: 30,
      hour: 9,
      minute: 0,
    });
    const monday10h = toInstant(
      { year: 2026, month: 11, day: 30, hour: 10, minute: 0 },
      'Asia/Shanghai',
    );
    expect(nextWorkingMoment(cal, monday10h)).toBe(monday10h);
    const monday7h = toInstant(
      { year: 2026, month: 11, day: 30, hour: 7, minute: 0 },
      'Asia/Shanghai',
    );
    expect(toWall(nextWorkingMoment(cal, monday7h), 'Asia/Shanghai')).toMatchObject({
      day: 30,
      hour: 9,
    });
    const friday17h = toInstant(
      { year: 2026, month: 11, day: 27, hour: 17, minute: 0 },
      'Asia/Shanghai',
    );
    expect(toWall(workingDeadline(cal, friday17h, 1), 'Asia/Shanghai')).toMatchObject({
      month: 11,
      day: 30,
      hour: 18,
    });
    const saturday = toInstant(
      { year: 2026, month: 11, day: 28, hour: 10, minute: 0 },
      'Asia/Shanghai',
    );
    expect(toWall(workingDeadline(cal, saturday, 0), 'Asia/Shanghai')).toMatchObject({
      day: 30,
      hour: 18,
    });
  });

  it('T-3: bad calendar data is refused whole, with the field and reason', () => {
    const cases: [unknown, string][] = [
      [null, 'calendar.invalid'],
      [{ zone: 'Mars/Olympus' }, 'calendar.zone'],
      [{ weekend: [0] }, 'calendar.weekend'],
      [{ weekend: [1, 2, 3, 4, 5, 6, 7] }, 'calendar.weekend'],
      [{ holidays: ['2026-02-30'] }, 'date.invalid'],
      [{ holidays: '2026-10-01' }, 'calendar.invalid'],
      [{ holidays: ['2026-10-01'], workdays: ['2026-10-01'] }, 'calendar.clash'],
      [{ hours: { start: '18:00', end: '09:00' } }, 'calendar.hours'],
      [{ hours: { start: '9am', end: '18:00' } }, 'time.invalid'],
    ];
    for (const [data, code] of cases) {
      const r = createWorkingCalendar(data);
      expect(r.ok ? 'accepted' : r.rejection.code).toBe(code);
      if (!r.ok) {
        expect(r.rejection.rule).toBe('T-3');
        expect(r.rejection.message['zh-CN'].length).toBeGreaterThan(0);
        expect(r.rejection.message.en.length).toBeGreaterThan(0);
      }
    }
  });
});

/** Calendars with a random weekend and random holidays and make-up days over 2025–2028. */
const calendarArb = fc
  .record({
    weekend: fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 3 }),
    off: fc.uniqueArray(fc.integer({ min: 0, max: 1460 }), { maxLength: 60 }),
    on: fc.uniqueArray(fc.integer({ min: 0, max: 1460 }), { maxLength: 60 }),
  })
  .map(({ weekend, off, on }) => {
    const iso = (n: number) => formatLocalDate(addDays(d(2025, 1, 1), n));
    const workdays = on.filter((n) => !off.includes(n)).map(iso);
    return must({ weekend, holidays: off.map(iso), workdays });
  });

const dateArb = localDateArb(2024, 2028);
const linearCount = (c: WorkingCalendar, a: LocalDate, b: LocalDate): number => {
  let n = 0;
  for (let x = toEpochDay(a) + 1; x <= toEpochDay(b); x++)
    if (isWorkingDay(c, addDays(a, x - toEpochDay(a)))) n++;
  return n;
};

describe('T-3: working-day arithmetic laws', () => {
  test.prop([calendarArb, dateArb, fc.integer({ min: 0, max: 300 })])(
    'T-3: addWorkingDays lands on a working day n working days later',
    (c, a, n) => {
      const b = addWorkingDays(c, a, n);
      expect(workingDaysBetween(c, a, b)).toBe(n);
      if (n > 0) expect(isWorkingDay(c, b)).toBe(true);
      if (n > 0) expect(workingDaysBetween(c, a, addDays(b, -1))).toBe(n - 1);
    },
  );

  test.prop([
    calendarArb,
    dateArb,
    fc.integer({ min: 0, max: 200 }),
    fc.integer({ min: 0, max: 200 }),
  ])('T-3: addWorkingDays is monotone in n and in the start date', (c, a, n, m) => {
    const [lo, hi] = n <= m ? [n, m] : [m, n];
    expect(toEpochDay(addWorkingDays(c, a, lo))).toBeLessThanOrEqual(
      toEpochDay(addWorkingDays(c, a, hi)),
    );
    const later = addDays(a, m % 10);
    expect(toEpochDay(addWorkingDays(c, a, n))).toBeLessThanOrEqual(
      toEpochDay(addWorkingDays(c, later, n)),
    );
  });

  test.prop([calendarArb, dateArb, fc.integer({ min: -400, max: 400 })])(
    'T-3: workingDaysBetween agrees with counting day by day, and is antisymmetric',
    (c, a, k) => {
      const b = addDays(a, k);
      const [x, y] = k >= 0 ? [a, b] : [b, a];
      expect(workingDaysBetween(c, x, y)).toBe(linearCount(c, x, y));
      expect(workingDaysBetween(c, b, a) + workingDaysBetween(c, a, b)).toBe(0);
    },
  );

  test.prop([calendarArb, instantArb({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) })])(
    'T-3: the next working moment is at or after t, inside working hours of a working day',
    (c, t) => {
      const m = nextWorkingMoment(c, t);
      expect(m).toBeGreaterThanOrEqual(t);
      const w = toWall(m, c.zone);
      expect(isWorkingDay(c, w)).toBe(true);
      const minute = w.hour * 60 + w.minute;
      expect(minute >= c.hours.start && minute < c.hours.end).toBe(true);
      expect(nextWorkingMoment(c, m)).toBe(m);
    },
  );
});
