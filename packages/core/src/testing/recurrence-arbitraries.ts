import fc from 'fast-check';
import { addDays, weekdayOf, type LocalDate, type Weekday } from '../time/local-date.js';
import {
  occurrences,
  type MovedOccurrence,
  type Nth,
  type RecurrenceRule,
  type RuleEnd,
  type Series,
} from '../time/recurrence.js';
import type { TimeZone } from '../time/zone.js';
import { localDateArb, localDateTimeArb, weekdayArb } from './arbitraries.js';

/**
 * Zones for recurrence properties: none with DST (Shanghai, UTC), northern and southern DST, a
 * 30-minute shift (Lord Howe) and a 45-minute offset (Chatham).
 */
export const recurrenceZoneArb: fc.Arbitrary<TimeZone> = fc.constantFrom(
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
);

type RuleShape =
  | { freq: 'weekly'; interval: number; byWeekday: Weekday[] }
  | { freq: 'monthly'; interval: number; byMonthDay: number }
  | { freq: 'monthly'; interval: number; byWeekday: Weekday; nth: Nth };

const ALL_WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The rule without its end: weekly, monthly by date (the 29th–31st often), monthly by weekday. */
function ruleShapeArb(maxInterval: number): fc.Arbitrary<RuleShape> {
  const interval = fc.integer({ min: 1, max: maxInterval });
  return fc.oneof(
    fc
      .record({ interval, byWeekday: fc.subarray(ALL_WEEKDAYS, { minLength: 1 }) })
      .map((r): RuleShape => ({ freq: 'weekly', ...r })),
    fc
      .record({
        interval,
        byMonthDay: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
      })
      .map((r): RuleShape => ({ freq: 'monthly', ...r })),
    fc
      .record({ interval, byWeekday: weekdayArb, nth: fc.constantFrom<Nth>(1, 2, 3, 4, -1) })
      .map((r): RuleShape => ({ freq: 'monthly', ...r })),
  );
}

/**
 * Valid recurrence rules (M-1): weekly, monthly by date and monthly by weekday, ending never,
 * after a count (1–60) or on a date.
 *
 * @param options - the largest interval (default 4) and the years of `until`
 */
export function recurrenceRuleArb(
  options: { maxInterval?: number; minYear?: number; maxYear?: number } = {},
): fc.Arbitrary<RecurrenceRule> {
  const end: fc.Arbitrary<RuleEnd> = fc.oneof(
    fc.constant({}),
    fc.integer({ min: 1, max: 60 }).map((count) => ({ count })),
    localDateArb(options.minYear ?? 2000, options.maxYear ?? 2060).map((until) => ({ until })),
  );
  return fc
    .tuple(ruleShapeArb(options.maxInterval ?? 4), end)
    .map(([shape, e]) => ({ ...shape, ...e }) as RecurrenceRule);
}

/**
 * Valid series (M-1) that `checkSeries` accepts: a rule, a start from 2000 to 2040 at a whole
 * minute, a zone, and optionally skipped and moved occurrences taken from the first 30.
 *
 * @param options - `finite`: always end (count 1–60 or until within ~4 years); `exceptions`: add
 *   skipped and moved occurrences (default true); `zone`: the zones (default
 *   {@link recurrenceZoneArb}); `maxInterval` (default 4)
 */
export function seriesArb(
  options: {
    finite?: boolean;
    exceptions?: boolean;
    zone?: fc.Arbitrary<TimeZone>;
    maxInterval?: number;
  } = {},
): fc.Arbitrary<Series> {
  const endArb: fc.Arbitrary<{ count?: number; days?: number }> = fc.oneof(
    ...(options.finite === true ? [] : [fc.constant({})]),
    fc.integer({ min: 1, max: 60 }).map((count) => ({ count })),
    fc.integer({ min: 0, max: 1500 }).map((days) => ({ days })),
  );
  const picks = fc.array(
    fc.record({
      pick: fc.nat(29),
      move: fc.boolean(),
      shift: fc.integer({ min: -3, max: 3 }),
      minute: fc.integer({ min: 0, max: 1439 }),
    }),
    { maxLength: options.exceptions === false ? 0 : 5 },
  );
  return fc
    .record({
      shape: ruleShapeArb(options.maxInterval ?? 4),
      end: endArb,
      start: localDateTimeArb(2000, 2040),
      zone: options.zone ?? recurrenceZoneArb,
      picks,
    })
    .map(({ shape, end, start, zone, picks }) => {
      const ruleEnd: RuleEnd =
        end.count !== undefined
          ? { count: end.count }
          : end.days !== undefined
            ? { until: addDays(start, end.days) }
            : {};
      let rule = { ...shape, ...ruleEnd } as RecurrenceRule;
      // A rule that gives no date (until before its first one, the 30th of February) becomes
      // weekly on the start's weekday, which holds the start date itself.
      if (occurrences({ rule, start, zone }, 1).length === 0) {
        rule = { freq: 'weekly', interval: 1, byWeekday: [weekdayOf(start)], ...ruleEnd };
      }
      const first = occurrences({ rule, start, zone }, 30);
      const skipped: LocalDate[] = [];
      const moved: MovedOccurrence[] = [];
      const used = new Set<number>();
      for (const p of picks) {
        const o = first[p.pick % first.length];
        if (o === undefined || used.has(o.index)) continue;
        used.add(o.index);
        if (!p.move) skipped.push(o.date);
        else {
          const day = addDays(o.date, p.shift);
          moved.push({
            from: o.date,
            to: { ...day, hour: Math.floor(p.minute / 60), minute: p.minute % 60 },
          });
        }
      }
      return {
        rule,
        start,
        zone,
        ...(skipped.length > 0 ? { skipped } : {}),
        ...(moved.length > 0 ? { moved } : {}),
      };
    });
}
