import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { recurrenceRuleArb, seriesArb } from '../testing/recurrence-arbitraries.js';
import type { LocalDateTime } from './local-date.js';
import { occurrences, type RecurrenceRule, type Series } from './recurrence.js';
import { formatRRule, formatSeries, parseRRule, parseSeries } from './rrule.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (year: number, month: number, day: number, hour = 9, minute = 0): LocalDateTime => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('M-1: writing RRULE text', () => {
  it.each<[RecurrenceRule, string]>([
    [
      { freq: 'weekly', interval: 2, byWeekday: [1, 3], count: 10 },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10',
    ],
    [{ freq: 'monthly', interval: 1, byWeekday: 5, nth: -1 }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    [{ freq: 'monthly', interval: 1, byWeekday: 2, nth: 3 }, 'FREQ=MONTHLY;BYDAY=3TU'],
    [
      { freq: 'monthly', interval: 1, byMonthDay: 15, until: { year: 2027, month: 12, day: 31 } },
      'FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20271231',
    ],
  ])('M-1: %j is written %s', (rule, text) => {
    expect(formatRRule(rule)).toBe(text);
    expect(parseRRule(text)).toEqual({ ok: true, value: rule });
  });
});

describe('M-1: reading RRULE text', () => {
  it('M-1: takes the RRULE: prefix, any case and any order, and WKST=MO', () => {
    expect(parseRRule('rrule:byday=we,mo,mo;wkst=mo;interval=2;freq=weekly')).toEqual({
      ok: true,
      value: { freq: 'weekly', interval: 2, byWeekday: [1, 3] },
    });
    expect(parseRRule(' RRULE:FREQ=MONTHLY;BYDAY=+2TH ')).toEqual({
      ok: true,
      value: { freq: 'monthly', interval: 1, byWeekday: 4, nth: 2 },
    });
  });

  const refusals: [string, string, string][] = [
    ['FREQ=DAILY', 'rrule.unsupported', 'FREQ'],
    ['FREQ=YEARLY;BYMONTH=3', 'rrule.unsupported', 'BYMONTH'],
    ['FREQ=FORTNIGHTLY', 'rrule.invalid-value', 'FREQ'],
    ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', 'rrule.unsupported', 'BYSETPOS'],
    ['FREQ=MONTHLY;BYMONTH=1;BYMONTHDAY=1', 'rrule.unsupported', 'BYMONTH'],
    ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=9', 'rrule.unsupported', 'BYHOUR'],
    ['FREQ=WEEKLY;BYDAY=MO;WKST=SU', 'rrule.unsupported', 'WKST'],
    ['FREQ=WEEKLY;BYDAY=MO;WKST=XX', 'rrule.invalid-value', 'WKST'],
    ['FREQ=MONTHLY;BYDAY=5FR', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=MONTHLY;BYDAY=-2FR', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=MONTHLY;BYDAY=0FR', 'rrule.invalid-value', 'BYDAY'],
    ['FREQ=MONTHLY;BYDAY=FR', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=MONTHLY;BYDAY=1MO,3MO', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=MONTHLY;BYDAY=1MO;BYDAY=3MO', 'rrule.duplicate-part', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=MON', 'rrule.invalid-value', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=MO;BYMONTHDAY=3', 'rrule.unsupported', 'BYMONTHDAY'],
    ['FREQ=WEEKLY;FREQ=WEEKLY;BYDAY=MO', 'rrule.duplicate-part', 'FREQ'],
    ['FREQ=WEEKLY;BYDAY=MO;COUNT=3;UNTIL=20271231', 'rrule.count-and-until', 'COUNT'],
    ['BYDAY=MO;INTERVAL=2', 'rrule.missing-freq', 'FREQ'],
    ['hello', 'rrule.syntax', 'hello'],
    ['FREQ=WEEKLY;;BYDAY=MO', 'rrule.syntax', ''],
    ['', 'rrule.syntax', 'RRULE'],
    ['FREQ=WEEKLY;BYDAY=MO;X-NAME=1', 'rrule.unknown-part', 'X-NAME'],
    ['FREQ=WEEKLY;BYDAY=MO;INTERVAL=-1', 'rrule.invalid-value', 'INTERVAL'],
    ['FREQ=WEEKLY;BYDAY=MO;INTERVAL=0', 'rrule.invalid-value', 'INTERVAL'],
    ['FREQ=WEEKLY;BYDAY=MO;COUNT=-3', 'rrule.invalid-value', 'COUNT'],
    ['FREQ=WEEKLY;BYDAY=MO;COUNT=1.5', 'rrule.invalid-value', 'COUNT'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'rrule.unsupported', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'rrule.invalid-value', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'rrule.invalid-value', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'rrule.unsupported', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=1MO', 'rrule.unsupported', 'BYDAY'],
    ['FREQ=MONTHLY', 'rrule.missing-part', 'BYMONTHDAY'],
    ['FREQ=WEEKLY', 'rrule.missing-part', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=MO;UNTIL=20270230', 'rrule.invalid-value', 'UNTIL'],
    ['FREQ=WEEKLY;BYDAY=MO;UNTIL=20271231T155959', 'rrule.unsupported', 'UNTIL'],
    ['FREQ=WEEKLY;BYDAY=MO;UNTIL=20271231T155959Z', 'rrule.until-needs-start', 'UNTIL'],
  ];
  it.each(refusals)('M-1: refuses %s (%s, naming %s)', (text, code, part) => {
    const r = parseRRule(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection).toMatchObject({ rule: 'M-1', code, data: { part } });
    expect(r.rejection.message.en).toContain(part);
    expect(r.rejection.message['zh-CN']).not.toBe('');
  });

  it('M-1: refuses a non-string', () => {
    expect(parseRRule(42).ok).toBe(false);
  });

  it('M-1: a UTC UNTIL is read with the series start and zone, never misread', () => {
    const context = { start: at(2027, 1, 1, 9), zone: SH }; // 09:00 in Shanghai is 01:00 UTC
    const last = (until: string) => {
      const r = parseRRule(`FREQ=WEEKLY;BYDAY=FR;UNTIL=${until}`, context);
      return r.ok ? r.value.until : r.rejection.code;
    };
    expect(last('20271231T010000Z')).toEqual({ year: 2027, month: 12, day: 31 });
    expect(last('20271231T005959Z')).toEqual({ year: 2027, month: 12, day: 30 });
    expect(last('20271230T235959Z')).toEqual({ year: 2027, month: 12, day: 30 }); // 07:59 on the 31st
    expect(last('20271231T155959Z')).toEqual({ year: 2027, month: 12, day: 31 }); // 23:59:59 local
  });

  it('M-1: a UTC UNTIL in a DST zone follows the offset of that day', () => {
    const context = { start: at(2026, 1, 1, 9), zone: NY };
    const last = (until: string) => {
      const r = parseRRule(`FREQ=WEEKLY;BYDAY=MO;UNTIL=${until}`, context);
      return r.ok ? r.value.until : r.rejection.code;
    };
    expect(last('20260720T130000Z')).toEqual({ year: 2026, month: 7, day: 20 }); // 09:00 EDT
    expect(last('20260720T125959Z')).toEqual({ year: 2026, month: 7, day: 19 });
    expect(last('20260119T140000Z')).toEqual({ year: 2026, month: 1, day: 19 }); // 09:00 EST
    expect(last('20260119T135959Z')).toEqual({ year: 2026, month: 1, day: 18 });
  });

  it('M-1: with a context, a missing BYDAY or BYMONTHDAY comes from the start (RFC 5545)', () => {
    const context = { start: at(2026, 1, 7), zone: SH }; // a Wednesday
    expect(parseRRule('FREQ=WEEKLY', context)).toEqual({
      ok: true,
      value: { freq: 'weekly', interval: 1, byWeekday: [3] },
    });
    expect(parseRRule('FREQ=MONTHLY', context)).toEqual({
      ok: true,
      value: { freq: 'monthly', interval: 1, byMonthDay: 7 },
    });
  });

  test.prop([recurrenceRuleArb({ maxInterval: 30 })])(
    'M-1: parseRRule(formatRRule(rule)) is the rule',
    (rule) => {
      expect(parseRRule(formatRRule(rule))).toEqual({ ok: true, value: rule });
      expect(parseRRule(`RRULE:${formatRRule(rule).toLowerCase()}`)).toEqual({
        ok: true,
        value: rule,
      });
    },
  );

  test.prop([fc.string()])('M-1: parseRRule never throws on any text', (text) => {
    expect(typeof parseRRule(text).ok).toBe('boolean');
    expect(typeof parseRRule(text, { start: at(2026, 1, 1), zone: NY }).ok).toBe('boolean');
  });

  const token = fc.oneof(
    fc.constantFrom(
      'FREQ=WEEKLY',
      'FREQ=MONTHLY',
      'FREQ=DAILY',
      'INTERVAL=2',
      'INTERVAL=0',
      'BYDAY=MO,WE',
      'BYDAY=-1FR',
      'BYDAY=5SU',
      'BYMONTHDAY=31',
      'BYMONTHDAY=-1',
      'COUNT=3',
      'UNTIL=20271231',
      'UNTIL=99991231T235959Z',
      'UNTIL=00010101T000000Z',
      'WKST=MO',
      'BYSETPOS=1',
    ),
    fc
      .tuple(fc.constantFrom('FREQ', 'BYDAY', 'UNTIL', 'COUNT', 'X'), fc.string())
      .map(([k, v]) => `${k}=${v}`),
  );
  test.prop([fc.array(token, { maxLength: 6 })])(
    'M-1: text made of RRULE parts is read or refused, never thrown, and what is read round-trips',
    (parts) => {
      const text = parts.join(';');
      for (const context of [undefined, { start: at(2026, 1, 1), zone: 'Pacific/Kiritimati' }]) {
        const r = parseRRule(text, context);
        if (r.ok) expect(parseRRule(formatRRule(r.value))).toEqual(r);
      }
    },
  );
});

describe('M-1: series as iCalendar lines', () => {
  const weekly: Series = {
    rule: { freq: 'weekly', interval: 1, byWeekday: [1], until: { year: 2026, month: 3, day: 30 } },
    start: at(2026, 1, 5),
    zone: SH,
    skipped: [{ year: 2026, month: 2, day: 16 }],
  };

  it('M-1: writes DTSTART with TZID, UNTIL as the last occurrence in UTC, and EXDATE', () => {
    expect(formatSeries(weekly)).toBe(
      [
        'DTSTART;TZID=Asia/Shanghai:20260105T090000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T010000Z',
        'EXDATE;TZID=Asia/Shanghai:20260216T090000',
      ].join('\n'),
    );
    expect(parseSeries(formatSeries(weekly))).toEqual({ ok: true, value: weekly });
  });

  it('M-1: reads CRLF, folded lines, a UTC DTSTART, UTC and DATE EXDATEs', () => {
    const text =
      'DTSTART:20260105T010000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;\r\n COUNT=5\r\nEXDATE:20260112T010000Z\r\nEXDATE;VALUE=DATE:20260119\r\n';
    const r = parseSeries(text);
    expect(r).toEqual({
      ok: true,
      value: {
        rule: { freq: 'weekly', interval: 1, byWeekday: [1], count: 5 },
        start: at(2026, 1, 5, 1),
        zone: 'UTC',
        skipped: [
          { year: 2026, month: 1, day: 12 },
          { year: 2026, month: 1, day: 19 },
        ],
      },
    });
  });

  it('M-1: an EXDATE in another zone is matched by its instant', () => {
    const text = [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO',
      'EXDATE;TZID="Europe/Berlin":20260112T020000',
    ].join('\n');
    const r = parseSeries(text);
    expect(r.ok && r.value.skipped).toEqual([{ year: 2026, month: 1, day: 12 }]);
  });

  it.each([
    ['RRULE:FREQ=WEEKLY;BYDAY=MO', 'series.missing-line'],
    ['DTSTART;TZID=Asia/Shanghai:20260105T090000', 'series.missing-line'],
    ['DTSTART:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO', 'series.floating-time'],
    ['DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO', 'series.syntax'],
    [
      'DTSTART;TZID=Mars/Olympus:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO',
      'series.zone-invalid',
    ],
    ['DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=DAILY', 'rrule.unsupported'],
    [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nRDATE:20260107T010000Z',
      'series.unsupported',
    ],
    [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000\nDTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO',
      'series.duplicate-line',
    ],
    [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE;TZID=Asia/Shanghai:20260112T100000',
      'series.exdate-time',
    ],
    [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE;TZID=Asia/Shanghai:20260113T090000',
      'series.not-an-occurrence',
    ],
    [
      'DTSTART;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20260112T090000',
      'series.floating-time',
    ],
    ['DTSTART;X-FOO=1;TZID=Asia/Shanghai:20260105T090000\nRRULE:FREQ=WEEKLY', 'series.unsupported'],
  ])('M-1: refuses %j (%s)', (text, code) => {
    const r = parseSeries(text);
    expect(r.ok ? undefined : r.rejection.code).toBe(code);
  });

  it('M-1: an until on a day the zone skips entirely is written as a DATE, so it is not misread', () => {
    // Samoa skipped Friday 30 December 2011: 10:00 that day is the same instant as 10:00 on the 31st.
    const s: Series = {
      rule: {
        freq: 'weekly',
        interval: 1,
        byWeekday: [5, 6],
        until: { year: 2011, month: 12, day: 30 },
      },
      start: at(2011, 12, 1, 10),
      zone: 'Pacific/Apia',
    };
    expect(formatSeries(s)).toMatch(/;UNTIL=20111230$/m);
    expect(parseSeries(formatSeries(s))).toEqual({ ok: true, value: s });
  });

  it('M-1: a start with milliseconds cannot be written as DTSTART', () => {
    expect(() => formatSeries({ ...weekly, start: { ...at(2026, 1, 5), millisecond: 5 } })).toThrow(
      RangeError,
    );
  });

  test.prop([seriesArb({ exceptions: true })])(
    'M-1: parseSeries(formatSeries(series)) is the series without its moved occurrences',
    (s) => {
      const rest = { ...s };
      delete rest.moved;
      expect(parseSeries(formatSeries(s))).toEqual({ ok: true, value: rest });
    },
  );

  test.prop([
    seriesArb({ exceptions: false }).map((s) => ({ ...s, start: { ...s.start, second: 30 } })),
  ])('M-1: a UTC UNTIL written for a series ends it on the same occurrence', (s) => {
    const back = parseSeries(formatSeries(s));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(occurrences(back.value, 100)).toEqual(occurrences(s, 100));
  });

  test.prop([fc.string(), fc.array(fc.string(), { maxLength: 4 })])(
    'M-1: parseSeries never throws on any text',
    (a, lines) => {
      expect(typeof parseSeries(a).ok).toBe('boolean');
      const text = ['DTSTART;TZID=America/New_York:20260308T023000', ...lines].join('\n');
      expect(typeof parseSeries(text).ok).toBe('boolean');
    },
  );
});
