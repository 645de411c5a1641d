// The working calendar (T-3) at its boundaries: the exact minute of opening and closing, working
// hours that are not on the hour, deadlines counted from a day off, and each refusal of bad data.
import { describe, expect, it } from 'vitest';
import { parseLocalDate, toEpochDay } from './local-date.js';
import { toInstant, toWall } from './zone.js';
import {
  addWorkingDays,
  createWorkingCalendar,
  defaultWorkingCalendar,
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
const d = (year: number, month: number, day: number) => ({ year, month, day });
const wall = (day: number, hour: number, minute = 0, second = 0, millisecond = 0) =>
  toInstant({ year: 2026, month: 12, day, hour, minute, second, millisecond }, 'Asia/Shanghai');
// December 2026: the 4th is a Friday, the 5th and 6th a weekend, the 7th a Monday.
const plain = must({});

describe('T-3: working hours to the minute', () => {
  it('T-3: the first minute of the working day is working time; the moment before is not', () => {
    expect(nextWorkingMoment(plain, wall(7, 9))).toBe(wall(7, 9));
    expect(nextWorkingMoment(plain, wall(7, 8, 59, 59, 999))).toBe(wall(7, 9));
  });

  it('T-3: the closing minute is no longer working time: it moves to the next working day', () => {
    expect(nextWorkingMoment(plain, wall(7, 17, 59, 59, 999))).toBe(wall(7, 17, 59, 59, 999));
    expect(nextWorkingMoment(plain, wall(7, 18))).toBe(wall(8, 9));
    // Friday at closing: Monday's opening
    expect(nextWorkingMoment(plain, wall(4, 18))).toBe(wall(7, 9));
  });

  it('T-3: working hours on the half hour open and close on the half hour', () => {
    const halfPast = must({ hours: { start: '08:30', end: '17:30' } });
    expect(halfPast.hours).toEqual({ start: 510, end: 1050 });
    expect(nextWorkingMoment(halfPast, wall(7, 8, 29))).toBe(wall(7, 8, 30));
    expect(nextWorkingMoment(halfPast, wall(7, 17, 29))).toBe(wall(7, 17, 29));
    expect(nextWorkingMoment(halfPast, wall(7, 17, 30))).toBe(wall(8, 8, 30));
    expect(workingDeadline(halfPast, wall(7, 10), 1)).toBe(wall(8, 17, 30));
  });

  it('T-3: any moment inside the opening minute is working time, to the second and the millisecond', () => {
    expect(nextWorkingMoment(plain, wall(7, 9, 0, 30))).toBe(wall(7, 9, 0, 30));
    expect(nextWorkingMoment(plain, wall(7, 9, 0, 0, 500))).toBe(wall(7, 9, 0, 0, 500));
    expect(nextWorkingMoment(plain, wall(7, 9, 0, 59, 999))).toBe(wall(7, 9, 0, 59, 999));
  });

  it('T-3: a day off moves the next working moment to the next working day’s opening', () => {
    expect(nextWorkingMoment(plain, wall(5, 10))).toBe(wall(7, 9));
    expect(nextWorkingMoment(plain, wall(6, 8))).toBe(wall(7, 9));
  });
});

describe('T-3: deadlines in working days', () => {
  it('T-3: a deadline of 0 working days is the end of today, or of the next working day from a day off', () => {
    expect(workingDeadline(plain, wall(7, 10), 0)).toBe(wall(7, 18));
    expect(workingDeadline(plain, wall(7, 19), 0)).toBe(wall(7, 18));
    expect(workingDeadline(plain, wall(5, 10), 0)).toBe(wall(7, 18));
  });

  it('T-3: deadlines counted from a weekend count the weekend as no day at all', () => {
    expect(workingDeadline(plain, wall(5, 10), 1)).toBe(wall(7, 18));
    expect(workingDeadline(plain, wall(6, 10), 2)).toBe(wall(8, 18));
    expect(workingDeadline(plain, wall(4, 10), 1)).toBe(wall(7, 18));
    expect(workingDeadline(plain, wall(4, 10), 6)).toBe(wall(14, 18));
  });

  it('T-3: adding no working days is the same date, even on a day off; adding a negative or fractional number is a programming error', () => {
    expect(addWorkingDays(plain, d(2026, 12, 5), 0)).toEqual(d(2026, 12, 5));
    expect(() => addWorkingDays(plain, d(2026, 12, 5), 1.5)).toThrow(
      'working days must be a whole number >= 0, got 1.5',
    );
    expect(() => addWorkingDays(plain, d(2026, 12, 5), -1)).toThrow(RangeError);
  });

  it('T-3: a long run of days off is skipped however long it is', () => {
    const winter = must({
      holidays: Array.from({ length: 40 }, (_, i) => {
        const day = new Date(Date.UTC(2027, 0, 4 + i));
        return day.toISOString().slice(0, 10);
      }),
    });
    // the 40 days from Monday 4 January 2027 are off: the next working day is Monday 15 February
    expect(addWorkingDays(winter, d(2027, 1, 1), 1)).toEqual(d(2027, 2, 15));
    expect(addWorkingDays(winter, d(2027, 1, 1), 2)).toEqual(d(2027, 2, 16));
  });

  it('T-3: working days between dates count the days after the first up to the last', () => {
    expect(workingDaysBetween(plain, d(2026, 12, 4), d(2026, 12, 7))).toBe(1);
    expect(workingDaysBetween(plain, d(2026, 12, 4), d(2026, 12, 4))).toBe(0);
    expect(workingDaysBetween(plain, d(2026, 12, 1), d(2026, 12, 15))).toBe(10);
    expect(workingDaysBetween(plain, d(2026, 12, 1), d(2026, 12, 16))).toBe(11);
    expect(workingDaysBetween(plain, d(2026, 12, 1), d(2026, 12, 13))).toBe(8);
  });
});

describe('T-3: the calendar’s data', () => {
  it('T-3: a holiday on a weekend and a make-up day on a weekday change nothing, and repeats count once', () => {
    const c = must({
      holidays: ['2026-12-05', '2026-12-08', '2026-12-08'],
      workdays: ['2026-12-09', '2026-12-06', '2026-12-06'],
    });
    expect(c.holidays).toHaveLength(1);
    expect(c.workdays).toHaveLength(1);
    expect(isWorkingDay(c, d(2026, 12, 8))).toBe(false);
    expect(isWorkingDay(c, d(2026, 12, 6))).toBe(true);
    expect(isWorkingDay(c, d(2026, 12, 9))).toBe(true);
    expect(workingDaysBetween(c, d(2026, 12, 4), d(2026, 12, 11))).toBe(5);
  });

  it('T-3: holidays and make-up days are kept in order of date whatever order they are given in', () => {
    const c = must({ holidays: ['2026-12-10', '2026-12-08', '2026-12-09'] });
    expect([...c.holidays]).toEqual([...c.holidays].sort((a, b) => a - b));
    expect(workingDaysBetween(c, d(2026, 12, 7), d(2026, 12, 11))).toBe(1);
  });

  it('T-3: any weekend of one to six days is a calendar; an empty one means every day is worked', () => {
    const none = must({ weekend: [] });
    expect(isWorkingDay(none, d(2026, 12, 6))).toBe(true);
    expect(must({ weekend: [1, 2, 3, 4, 5, 6] }).weekend.size).toBe(6);
    expect(must({ weekend: [7, 7] }).weekend.size).toBe(1);
    const friday = must({ weekend: [5] });
    expect(isWorkingDay(friday, d(2026, 12, 4))).toBe(false);
    expect(isWorkingDay(friday, d(2026, 12, 5))).toBe(true);
    expect(must({ weekend: [1] }).weekend.has(1)).toBe(true);
  });

  it('T-3: each bad piece of data is refused with its field, its rule and both languages', () => {
    const refused = (data: unknown) => {
      const r = createWorkingCalendar(data);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(data)}`);
      expect(r.rejection.rule).toBe('T-3');
      return r.rejection;
    };
    expect(refused([]).code).toBe('calendar.invalid');
    expect(refused('cal').code).toBe('calendar.invalid');
    expect(refused({ weekend: [8] }).code).toBe('calendar.weekend');
    expect(refused({ weekend: [1.5] }).code).toBe('calendar.weekend');
    expect(refused({ weekend: 6 }).code).toBe('calendar.weekend');
    expect(refused({ weekend: [1, 2, 3, 4, 5, 6, 7] }).data).toEqual({
      weekend: [1, 2, 3, 4, 5, 6, 7],
    });
    const bad = refused({ workdays: ['2026-12-32'] });
    expect(bad.data).toMatchObject({ field: 'workdays' });
    // the field first, then the reason the date itself was refused for, in each language
    const why = parseLocalDate('2026-12-32');
    if (why.ok) throw new Error('2026-12-32 parsed');
    expect(bad.code).toBe(why.rejection.code);
    expect(bad.message.en).toBe(`workdays: ${why.rejection.message.en}`);
    expect(bad.message['zh-CN']).toBe(`workdays：${why.rejection.message['zh-CN']}`);
    expect(refused({ workdays: 'x' }).data).toEqual({ field: 'workdays' });
    const list = refused({ holidays: 5 });
    expect(list.message.en).toBe('holidays must be a list of dates');
    const clash = refused({ holidays: ['2026-12-08'], workdays: ['2026-12-08'] });
    expect(clash.message.en).toBe('2026-12-8 cannot be both a holiday and a make-up working day');
    expect(clash.data).toEqual({ day: toEpochDay(d(2026, 12, 8)) });
    const empty = refused({ hours: { start: '09:00', end: '09:00' } });
    expect(empty.code).toBe('calendar.hours');
    expect(empty.data).toEqual({ hours: { start: '09:00', end: '09:00' } });
    expect(refused({ hours: { start: '09:00', end: '25:00' } }).data).toMatchObject({
      field: 'hours.end',
    });
    expect(refused({ hours: { start: 'x', end: '18:00' } }).data).toMatchObject({
      field: 'hours.start',
    });
    const zone = refused({ zone: 'Mars/Olympus' });
    expect(zone.message.en).toBe('unknown time zone: Mars/Olympus');
    expect(zone.data).toEqual({ zone: 'Mars/Olympus' });
  });

  it('T-1: the calendar keeps its zone; the default is Asia/Shanghai, 09:00 to 18:00, Saturday and Sunday off', () => {
    expect(plain).toMatchObject({ zone: 'Asia/Shanghai', hours: { start: 540, end: 1080 } });
    expect([...plain.weekend].sort()).toEqual([6, 7]);
    const ny = must({ zone: 'America/New_York' });
    expect(
      toWall(nextWorkingMoment(ny, Date.UTC(2026, 11, 7, 12)), 'America/New_York'),
    ).toMatchObject({ hour: 9, minute: 0, day: 7 });
  });

  it('T-3: with no calendar given, working days are counted on the default: Monday to Friday, 09:00 to 18:00, Asia/Shanghai, no holidays', () => {
    const cal = defaultWorkingCalendar();
    expect(cal).toMatchObject({
      zone: 'Asia/Shanghai',
      hours: { start: 540, end: 1080 },
      holidays: [],
      workdays: [],
    });
    expect([...cal.weekend].sort()).toEqual([6, 7]);
  });
});
