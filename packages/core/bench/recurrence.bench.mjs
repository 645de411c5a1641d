// M-1 recurrence, in America/New_York (a zone with DST): expanding a weekly rule and a monthly
// last-Friday rule over 1, 5 and 10 years, against rrule 2.8 doing the same expansion with the same
// tzid (target ≥ 20×); and a one-week window 10 years out against one next year (≤ 1.5× its cost).
//
// Both sides build their rule once, outside the timed function; rrule's cache is off (noCache), so
// every call expands again, as ours does.
import rrule from 'rrule';
import { occurrencesBetween, toInstant } from '@huiyi/core';

const { RRule } = rrule;
const ZONE = 'America/New_York';
const START = { year: 2026, month: 1, day: 5, hour: 9, minute: 30 };

const rules = [
  {
    name: 'weekly on Monday and Wednesday',
    ours: { freq: 'weekly', interval: 1, byWeekday: [1, 3] },
    theirs: { freq: RRule.WEEKLY, byweekday: [RRule.MO, RRule.WE] },
  },
  {
    name: 'monthly on the last Friday',
    ours: { freq: 'monthly', interval: 1, byWeekday: 5, nth: -1 },
    theirs: { freq: RRule.MONTHLY, byweekday: [RRule.FR.nth(-1)] },
  },
];

/** rrule's dates with a tzid carry the wall fields as UTC fields ("floating"). */
const floating = (w) => new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour ?? 0, w.minute ?? 0));

export default function cases() {
  const out = [];
  for (const r of rules) {
    const series = { rule: r.ours, start: START, zone: ZONE };
    const rule = new RRule(
      { ...r.theirs, dtstart: floating(START), tzid: ZONE, wkst: RRule.MO },
      true, // noCache: every call really expands
    );
    for (const years of [1, 5, 10]) {
      const endWall = { ...START, year: START.year + years };
      const window = { start: toInstant(START, ZONE), end: toInstant(endWall, ZONE) };
      const after = floating(START);
      const before = new Date(floating(endWall).getTime() - 1);
      const ours = () => occurrencesBetween(series, window);
      const anchorFn = () => rule.between(after, before, true);
      // The two expansions must be the same size, or the comparison means nothing.
      if (ours().length !== anchorFn().length) {
        throw new Error(
          `${r.name} over ${years} years: ${ours().length} vs rrule ${anchorFn().length}`,
        );
      }
      out.push({
        name: `recurrence: ${r.name} over ${years} year${years > 1 ? 's' : ''}, ${ZONE}`,
        anchor: 'rrule 2.8 (tzid)',
        target: 20,
        ours,
        anchorFn,
        note: `${ours().length} occurrences`,
      });
    }
  }

  const series = { rule: rules[0].ours, start: START, zone: ZONE };
  const week = (year) => {
    const from = toInstant({ year, month: 3, day: 2, hour: 0, minute: 0 }, ZONE);
    return { start: from, end: from + 7 * 86_400_000 };
  };
  const nextYear = week(2027);
  const tenYearsOut = week(2036);
  out.push({
    name: 'recurrence: one-week window 10 years out vs next year',
    anchor: 'our one-week window next year',
    target: 1 / 1.5,
    ours: () => occurrencesBetween(series, tenYearsOut),
    anchorFn: () => occurrencesBetween(series, nextYear),
  });
  return out;
}
