import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { RRule, type Options, type Weekday as RRuleWeekday } from 'rrule';
import { localDateTimeArb } from '../testing/arbitraries.js';
import { seriesArb } from '../testing/recurrence-arbitraries.js';
import { DAY, HOUR, MINUTE } from './instant.js';
import {
  compareLocalDates,
  daysInMonth,
  toEpochDay,
  weekdayOf,
  type LocalDate,
  type LocalDateTime,
} from './local-date.js';
import { checkRecurrenceRule, checkSeries } from './check-series.js';
import {
  iterateOccurrences,
  nextOccurrence,
  occurrenceIndex,
  occurrences,
  occurrencesBetween,
  type Occurrence,
  type RecurrenceRule,
  type Series,
} from './recurrence.js';
import { resolveWall, toInstant, toWall } from './zone.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (year: number, month: number, day: number, hour = 9, minute = 0): LocalDateTime => ({
  year,
  month,
  day,
  hour,
  minute,
});
const ymd = (o: Occurrence): string =>
  `${o.date.year}-${String(o.date.month).padStart(2, '0')}-${String(o.date.day).padStart(2, '0')}`;
const dates = (list: readonly Occurrence[]): string[] => list.map(ymd);
/** A wide window: every occurrence of these small series. */
const ALL = { start: Date.UTC(1990, 0, 1), end: Date.UTC(2100, 0, 1) };

describe('M-1: weekly rules', () => {
  const series: Series = {
    rule: { freq: 'weekly', interval: 2, byWeekday: [1, 3] },
    start: at(2026, 1, 5),
    zone: SH,
  };

  it('M-1: every other week on Monday and Wednesday', () => {
    expect(dates(occurrences(series, 6))).toEqual([
      '2026-01-05',
      '2026-01-07',
      '2026-01-19',
      '2026-01-21',
      '2026-02-02',
      '2026-02-04',
    ]);
    expect(occurrences(series, 6).map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('M-1: in Asia/Shanghai the wall time is always exact', () => {
    for (const o of occurrences(series, 200)) {
      expect(toWall(o.start, SH)).toMatchObject({ ...o.date, hour: 9, minute: 0, second: 0 });
    }
    expect(occurrences(series, 1)[0]?.start).toBe(Date.UTC(2026, 0, 5, 1));
  });

  it('M-1: a window far out gets the arithmetic index of the rule sequence', () => {
    const ten = occurrencesBetween(series, {
      start: Date.UTC(2036, 0, 1),
      end: Date.UTC(2036, 0, 15),
    });
    const all = occurrences(series, 600);
    for (const o of ten) expect(all[o.index]).toEqual(o);
    expect(ten.length).toBeGreaterThan(0);
  });

  it('M-1: a start date the rule does not match is not an occurrence (DTSTART on a Tuesday)', () => {
    const s: Series = { ...series, start: at(2026, 1, 6) };
    expect(dates(occurrences(s, 3))).toEqual(['2026-01-07', '2026-01-19', '2026-01-21']);
    expect(occurrenceIndex(s, { year: 2026, month: 1, day: 6 })).toBe(-1);
    expect(occurrenceIndex(s, { year: 2026, month: 1, day: 5 })).toBe(-1);
  });

  it('M-1: at 02:30 in America/New_York on the spring-forward day it resolves to 03:30 EDT', () => {
    const sundays: Series = {
      rule: { freq: 'weekly', interval: 1, byWeekday: [7] },
      start: at(2026, 3, 1, 2, 30),
      zone: NY,
    };
    const [before, gap, after] = occurrences(sundays, 3);
    expect(ymd(gap as Occurrence)).toBe('2026-03-08');
    expect(resolveWall(at(2026, 3, 8, 2, 30), NY).kind).toBe('gap');
    expect(gap?.start).toBe(Date.UTC(2026, 2, 8, 7, 30)); // 03:30 EDT
    expect(toWall(gap?.start ?? 0, NY)).toMatchObject({ hour: 3, minute: 30 });
    expect(before?.start).toBe(Date.UTC(2026, 2, 1, 7, 30)); // 02:30 EST
    expect(after?.start).toBe(Date.UTC(2026, 2, 15, 6, 30)); // 02:30 EDT
  });

  it('M-1: a repeated wall time (fall back) takes the earlier instant', () => {
    const s: Series = {
      rule: { freq: 'weekly', interval: 1, byWeekday: [7] },
      start: at(2026, 11, 1, 1, 30),
      zone: NY,
    };
    expect(occurrences(s, 1)[0]?.start).toBe(Date.UTC(2026, 10, 1, 5, 30)); // 01:30 EDT
  });
});

describe('M-1: monthly rules', () => {
  it('M-1: monthly on the 31st skips the months without one', () => {
    const s: Series = {
      rule: { freq: 'monthly', interval: 1, byMonthDay: 31, count: 7 },
      start: at(2026, 1, 1),
      zone: SH,
    };
    expect(dates(occurrences(s, 100))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
  });

  it('M-1: monthly on the last Friday', () => {
    const s: Series = {
      rule: { freq: 'monthly', interval: 1, byWeekday: 5, nth: -1 },
      start: at(2026, 1, 1),
      zone: NY,
    };
    expect(dates(occurrences(s, 4))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
    ]);
  });

  it('M-1: monthly on the 3rd Tuesday, every other month', () => {
    const s: Series = {
      rule: { freq: 'monthly', interval: 2, byWeekday: 2, nth: 3 },
      start: at(2026, 1, 1),
      zone: SH,
    };
    expect(dates(occurrences(s, 3))).toEqual(['2026-01-20', '2026-03-17', '2026-05-19']);
  });

  it('M-1: the 29th of February every 12 months falls in leap years only, 2100 included not', () => {
    const s: Series = {
      rule: { freq: 'monthly', interval: 12, byMonthDay: 29 },
      start: at(2088, 2, 1),
      zone: SH,
    };
    expect(dates(occurrences(s, 4))).toEqual([
      '2088-02-29',
      '2092-02-29',
      '2096-02-29',
      '2104-02-29',
    ]);
    const far = occurrencesBetween(s, { start: Date.UTC(2104, 0, 1), end: Date.UTC(2105, 0, 1) });
    expect(far.map((o) => o.index)).toEqual([3]);
  });

  it('M-1: a start after this month’s date leaves the month out', () => {
    const s: Series = {
      rule: { freq: 'monthly', interval: 1, byMonthDay: 10, count: 2 },
      start: at(2026, 1, 11),
      zone: SH,
    };
    expect(dates(occurrences(s, 10))).toEqual(['2026-02-10', '2026-03-10']);
  });
});

describe('M-1: ends, skipped and moved occurrences', () => {
  const base: Series = {
    rule: { freq: 'weekly', interval: 1, byWeekday: [1], count: 4 },
    start: at(2026, 1, 5),
    zone: SH,
  };

  it('M-1: count ends the series', () => {
    expect(dates(occurrences(base, 100))).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ]);
    expect(occurrencesBetween(base, ALL)).toHaveLength(4);
  });

  it('M-1: until is inclusive', () => {
    const s: Series = {
      ...base,
      rule: {
        freq: 'weekly',
        interval: 1,
        byWeekday: [1],
        until: { year: 2026, month: 1, day: 19 },
      },
    };
    expect(dates(occurrences(s, 100))).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
  });

  it('M-1: a skipped occurrence is left out and still counts toward count', () => {
    const s: Series = { ...base, skipped: [{ year: 2026, month: 1, day: 12 }] };
    const list = occurrences(s, 100);
    expect(dates(list)).toEqual(['2026-01-05', '2026-01-19', '2026-01-26']);
    expect(list.map((o) => o.index)).toEqual([0, 2, 3]);
    expect(occurrencesBetween(s, ALL)).toEqual(list);
  });

  it('M-1: a moved occurrence appears at its new time, keeping its date and index', () => {
    const s: Series = {
      ...base,
      moved: [{ from: { year: 2026, month: 1, day: 12 }, to: at(2026, 1, 22, 15, 30) }],
    };
    const list = occurrences(s, 100);
    expect(list.map((o) => [ymd(o), o.index, o.moved])).toEqual([
      ['2026-01-05', 0, false],
      ['2026-01-19', 2, false],
      ['2026-01-12', 1, true],
      ['2026-01-26', 3, false],
    ]);
    expect(list[2]?.start).toBe(Date.UTC(2026, 0, 22, 7, 30));
    const monday12 = { start: Date.UTC(2026, 0, 12), end: Date.UTC(2026, 0, 13) };
    expect(occurrencesBetween(s, monday12)).toEqual([]);
    const thursday22 = { start: Date.UTC(2026, 0, 22), end: Date.UTC(2026, 0, 23) };
    expect(occurrencesBetween(s, thursday22)).toEqual([list[2]]);
    expect(nextOccurrence(s, Date.UTC(2026, 0, 19, 2))).toEqual(list[2]);
  });

  it('M-1: nextOccurrence is the first occurrence strictly after the instant', () => {
    const first = toInstant(at(2026, 1, 5), SH);
    expect(ymd(nextOccurrence(base, first - 1) as Occurrence)).toBe('2026-01-05');
    expect(ymd(nextOccurrence(base, first) as Occurrence)).toBe('2026-01-12');
    expect(nextOccurrence(base, Date.UTC(2026, 0, 27))).toBeUndefined();
    expect(ymd(nextOccurrence(base, Date.UTC(1999, 0, 1)) as Occurrence)).toBe('2026-01-05');
  });

  it('M-1: the iterator is lazy, so an endless series can be walked', () => {
    const s: Series = { ...base, rule: { freq: 'weekly', interval: 1, byWeekday: [1, 5] } };
    const it = iterateOccurrences(s);
    expect(ymd(it.next().value as Occurrence)).toBe('2026-01-05');
    expect(ymd(it.next().value as Occurrence)).toBe('2026-01-09');
    expect(occurrences(s, 0)).toEqual([]);
  });

  it('M-1: windows and instants at the ends of time work, up to the year 9999', () => {
    expect(occurrencesBetween(base, { start: -8.64e15, end: 8.64e15 })).toHaveLength(4);
    expect(nextOccurrence(base, 8.64e15)).toBeUndefined();
    const last: Series = {
      rule: { freq: 'weekly', interval: 1, byWeekday: [1, 2, 3, 4, 5, 6, 7] },
      start: at(9999, 12, 25, 23),
      zone: 'Pacific/Kiritimati',
    };
    expect(dates(occurrencesBetween(last, { start: 0, end: 8.64e15 })).at(-1)).toBe('9999-12-31');
    expect(dates(occurrences(last, Infinity))).toHaveLength(7);
  });

  it('M-1: a window of something other than instants is a programming error', () => {
    expect(() => occurrencesBetween(base, { start: NaN, end: 1 })).toThrow(RangeError);
    expect(() => nextOccurrence(base, 0.5)).toThrow(RangeError);
  });
});

describe('M-1: checking a series from outside', () => {
  const good = {
    rule: { freq: 'weekly', interval: 1, byWeekday: [3, 1, 3] },
    start: at(2026, 1, 5),
    zone: SH,
  };
  const codeOf = (value: unknown): string | undefined => {
    const r = checkSeries(value);
    if (r.ok) return undefined;
    expect(r.rejection.rule).toBe('M-1');
    expect(r.rejection.message['zh-CN']).not.toBe('');
    expect(r.rejection.message.en).not.toBe('');
    return r.rejection.code;
  };

  it('M-1: accepts a good series and sorts its weekdays', () => {
    const r = checkSeries(good);
    expect(r).toEqual({ ok: true, value: { ...good, rule: { ...good.rule, byWeekday: [1, 3] } } });
  });

  it.each([
    ['not an object', 42, 'series.not-object'],
    ['an unknown field', { ...good, title: 'x' }, 'series.unknown-field'],
    ['a bad weekday', { ...good, rule: { ...good.rule, byWeekday: [8] } }, 'rule.weekday-invalid'],
    ['no weekday', { ...good, rule: { ...good.rule, byWeekday: [] } }, 'rule.weekday-invalid'],
    ['interval 0', { ...good, rule: { ...good.rule, interval: 0 } }, 'rule.interval-invalid'],
    ['interval 1.5', { ...good, rule: { ...good.rule, interval: 1.5 } }, 'rule.interval-invalid'],
    ['freq daily', { ...good, rule: { ...good.rule, freq: 'daily' } }, 'rule.freq-invalid'],
    [
      'count and until',
      { ...good, rule: { ...good.rule, count: 3, until: { year: 2027, month: 1, day: 1 } } },
      'rule.count-and-until',
    ],
    ['count 0', { ...good, rule: { ...good.rule, count: 0 } }, 'rule.count-invalid'],
    [
      'until 30 February',
      { ...good, rule: { ...good.rule, until: { year: 2027, month: 2, day: 30 } } },
      'rule.until-invalid',
    ],
    [
      'nth 5',
      { ...good, rule: { freq: 'monthly', interval: 1, byWeekday: 5, nth: 5 } },
      'rule.nth-invalid',
    ],
    [
      'a monthly day 32',
      { ...good, rule: { freq: 'monthly', interval: 1, byMonthDay: 32 } },
      'rule.month-day-invalid',
    ],
    [
      'a monthly rule with both',
      { ...good, rule: { freq: 'monthly', interval: 1, byMonthDay: 3, byWeekday: 1, nth: 1 } },
      'rule.ambiguous',
    ],
    [
      'a monthly rule with neither',
      { ...good, rule: { freq: 'monthly', interval: 1 } },
      'rule.ambiguous',
    ],
    [
      'a rule field unknown',
      { ...good, rule: { ...good.rule, bySetPos: 1 } },
      'rule.unknown-field',
    ],
    ['a bad zone', { ...good, zone: 'Mars/Olympus' }, 'series.zone-invalid'],
    ['a bad start', { ...good, start: at(2026, 2, 30) }, 'series.start-invalid'],
    ['a start hour 24', { ...good, start: at(2026, 2, 3, 24) }, 'series.start-invalid'],
    [
      'a bad skipped date',
      { ...good, skipped: [{ year: 2026, month: 13, day: 1 }] },
      'series.skipped-invalid',
    ],
    [
      'a bad moved entry',
      { ...good, moved: [{ from: { year: 2026, month: 1, day: 12 } }] },
      'series.moved-invalid',
    ],
    [
      'a skipped date that is no occurrence',
      { ...good, skipped: [{ year: 2026, month: 1, day: 6 }] },
      'series.not-an-occurrence',
    ],
    [
      'a date skipped and moved',
      {
        ...good,
        skipped: [{ year: 2026, month: 1, day: 12 }],
        moved: [{ from: { year: 2026, month: 1, day: 12 }, to: at(2026, 1, 13) }],
      },
      'series.duplicate-exception',
    ],
    [
      'a rule that never occurs (30 February)',
      { ...good, start: at(2026, 2, 1), rule: { freq: 'monthly', interval: 12, byMonthDay: 30 } },
      'series.empty',
    ],
    [
      'until before the first occurrence',
      { ...good, rule: { ...good.rule, until: { year: 2026, month: 1, day: 4 } } },
      'series.empty',
    ],
  ])('M-1: refuses %s', (_what, value, code) => {
    expect(codeOf(value)).toBe(code);
  });

  it('M-1: checkRecurrenceRule refuses a non-object', () => {
    expect(checkRecurrenceRule(null).ok).toBe(false);
  });

  test.prop([seriesArb()])('M-1: every generated series passes checkSeries unchanged', (s) => {
    expect(checkSeries(s)).toEqual({ ok: true, value: s });
  });

  test.prop([fc.anything()])('M-1: checkSeries never throws on arbitrary JSON', (v) => {
    expect(typeof checkSeries(v).ok).toBe('boolean');
  });
});

/** Whether a date is one the rule gives, from its definition (not from the expansion). */
function matches(rule: RecurrenceRule, start: LocalDate, date: LocalDate): boolean {
  if (rule.freq === 'weekly') {
    const monday = (d: LocalDate) => toEpochDay(d) - weekdayOf(d) + 1;
    const weeks = (monday(date) - monday(start)) / 7;
    return rule.byWeekday.includes(weekdayOf(date)) && weeks % rule.interval === 0;
  }
  const months = date.year * 12 + date.month - (start.year * 12 + start.month);
  if (months % rule.interval !== 0) return false;
  if ('byMonthDay' in rule) return date.day === rule.byMonthDay;
  const nthOk =
    rule.nth === -1
      ? date.day + 7 > daysInMonth(date.year, date.month)
      : Math.ceil(date.day / 7) === rule.nth;
  return weekdayOf(date) === rule.byWeekday && nthOk;
}

/** Every occurrence of a finite series, by the iterator. */
const everything = (s: Series): Occurrence[] => occurrences(s, Infinity);

/** A window anywhere around a finite series: from 60 days before its start to 5 years after. */
const windowArb = fc.record({
  from: fc.integer({ min: -60 * 24, max: 5 * 366 * 24 }),
  hours: fc.integer({ min: 1, max: 24 * 400 }),
});

describe('M-1: properties of the expansion', () => {
  test.prop([seriesArb()])('M-1: every occurrence is a date of its rule, at its time', (s) => {
    for (const o of occurrences(s, 80)) {
      expect(matches(s.rule, s.start, o.date)).toBe(true);
      if (o.moved) continue;
      const wall = toWall(o.start, s.zone);
      if (wall.hour === s.start.hour && wall.minute === s.start.minute) {
        expect(matches(s.rule, s.start, wall)).toBe(true);
        expect(compareLocalDates(wall, o.date)).toBe(0);
      } else {
        // Only a wall time the zone skips lands elsewhere, later by the gap.
        expect(
          resolveWall({ ...o.date, hour: s.start.hour, minute: s.start.minute }, s.zone).kind,
        ).toBe('gap');
        // (a gap may start at midnight itself, as in America/Sao_Paulo until 2019)
        const skipped = { ...o.date, hour: s.start.hour, minute: s.start.minute };
        expect(o.start).toBeGreaterThan(toInstant(skipped, s.zone, 'earlier'));
      }
    }
  });

  test.prop([seriesArb({ exceptions: false })])(
    'M-1: occurrences strictly increase and their index is their position',
    (s) => {
      const list = occurrences(s, 80);
      list.forEach((o, i) => {
        expect(o.index).toBe(i);
        if (i > 0) expect(o.start).toBeGreaterThan((list[i - 1] as Occurrence).start);
      });
    },
  );

  test.prop([seriesArb()])('M-1: nothing comes before the start date', (s) => {
    const first = toInstant(s.start, s.zone);
    for (const o of occurrences(s, 50)) {
      expect(compareLocalDates(o.date, s.start)).toBeGreaterThanOrEqual(0);
      if (!o.moved) expect(o.start).toBeGreaterThanOrEqual(first);
    }
  });

  test.prop([seriesArb({ finite: true })])(
    'M-1: count is respected, skipped ones included',
    (s) => {
      const all = everything(s);
      const indices = all.map((o) => o.index).sort((a, b) => a - b);
      expect(new Set(indices).size).toBe(indices.length);
      if (s.rule.count !== undefined) {
        expect(all.length + (s.skipped?.length ?? 0)).toBe(s.rule.count);
        expect(Math.max(...indices, -1)).toBeLessThan(s.rule.count);
      }
      if (s.rule.until !== undefined) {
        for (const o of all) expect(compareLocalDates(o.date, s.rule.until)).toBeLessThanOrEqual(0);
      }
    },
  );

  test.prop([seriesArb({ finite: true }), windowArb])(
    'M-1: a window query equals filtering the full expansion',
    (s, w) => {
      const origin = toInstant(s.start, s.zone);
      const window = { start: origin + w.from * HOUR, end: origin + (w.from + w.hours) * HOUR };
      const expected = everything(s).filter((o) => o.start >= window.start && o.start < window.end);
      expect(occurrencesBetween(s, window)).toEqual(expected);
    },
  );

  test.prop([
    seriesArb({ finite: true }),
    fc.integer({ min: -30 * 24 * 60, max: 3 * 366 * 24 * 60 }),
  ])('M-1: nextOccurrence is the first occurrence after the instant', (s, minutes) => {
    const after = toInstant(s.start, s.zone) + minutes * MINUTE;
    expect(nextOccurrence(s, after)).toEqual(everything(s).find((o) => o.start > after));
  });

  test.prop([seriesArb({ exceptions: false })])(
    'M-1: occurrenceIndex finds each occurrence',
    (s) => {
      for (const o of occurrences(s, 30)) expect(occurrenceIndex(s, o.date)).toBe(o.index);
    },
  );
});

test.prop([
  fc.record({
    byMonthDay: fc.integer({ min: 28, max: 31 }),
    interval: fc.constantFrom(1, 2, 3, 5, 7, 11, 12, 24, 36, 48, 100, 400, 600, 996),
    start: localDateTimeArb(1600, 2400),
    count: fc.integer({ min: 1, max: 40 }),
  }),
])('M-1: the index of the 29th–31st far out is computed exactly, leap centuries included', (r) => {
  const s: Series = {
    rule: { freq: 'monthly', interval: r.interval, byMonthDay: r.byMonthDay, count: r.count },
    start: r.start,
    zone: 'UTC',
  };
  occurrences(s, Infinity).forEach((o, i) => {
    expect(o.index).toBe(i);
    expect(occurrenceIndex(s, o.date)).toBe(i);
    expect(matches(s.rule, s.start, o.date)).toBe(true);
  });
});

const RRULE_DAYS: RRuleWeekday[] = [
  RRule.MO,
  RRule.TU,
  RRule.WE,
  RRule.TH,
  RRule.FR,
  RRule.SA,
  RRule.SU,
];

/** The same rule for rrule 2.8, in "floating" UTC fields: no tzid, weeks from Monday. */
function rruleOf(s: Series): RRule {
  const { rule, start } = s;
  const options: Partial<Options> = {
    freq: rule.freq === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: rule.interval,
    dtstart: new Date(Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute)),
    wkst: RRule.MO,
  };
  if (rule.freq === 'weekly')
    options.byweekday = rule.byWeekday.map((d) => RRULE_DAYS[d - 1] as RRuleWeekday);
  else if ('byMonthDay' in rule) options.bymonthday = rule.byMonthDay;
  else options.byweekday = [(RRULE_DAYS[rule.byWeekday - 1] as RRuleWeekday).nth(rule.nth)];
  if (rule.count !== undefined) options.count = rule.count;
  if (rule.until !== undefined) {
    const u = rule.until;
    options.until = new Date(Date.UTC(u.year, u.month - 1, u.day, 23, 59, 59));
  }
  return new RRule(options);
}

describe('M-1: the same dates as rrule 2.8', () => {
  const utcDate = (d: Date): string => d.toISOString().slice(0, 16);
  const ours = (s: Series, limit: number): string[] =>
    occurrences(s, limit).map((o) => {
      const w = toWall(o.start, s.zone);
      return `${ymd(o)}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
    });

  test.prop([seriesArb({ exceptions: false, zone: fc.constant(SH) })])(
    'M-1: the wall date-times match rrule for weekly, monthly by date and by weekday (count, until or none)',
    (s) => {
      const limit = 60;
      const theirs = rruleOf(s)
        .all((_d, i) => i < limit)
        .map(utcDate);
      expect(ours(s, limit)).toEqual(theirs);
    },
  );

  test.prop([
    seriesArb({ exceptions: false, zone: fc.constant(SH), maxInterval: 13 }),
    fc.integer({ min: 0, max: 3650 }),
  ])('M-1: a window years later matches rrule’s between', (s, days) => {
    const origin = toInstant(s.start, s.zone);
    const window = { start: origin + days * DAY, end: origin + (days + 120) * DAY };
    const shift = 8 * HOUR; // Asia/Shanghai wall fields as UTC
    const theirs = rruleOf(s)
      .between(new Date(window.start + shift), new Date(window.end + shift), true)
      .filter((d) => d.getTime() < window.end + shift)
      .map(utcDate);
    expect(
      occurrencesBetween(s, window).map((o) =>
        new Date(o.start + shift).toISOString().slice(0, 16),
      ),
    ).toEqual(theirs);
  });
});
