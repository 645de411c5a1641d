import type { Period } from '../policy/parameters.js';
import type { Instant } from '../time/instant.js';
import { addDays, toEpochDay, weekdayOf, type LocalDate } from '../time/local-date.js';
import { localDateOf, startOfLocalDay, type TimeZone } from '../time/zone.js';

/** One period of the public statement, on the site's wall calendar (T-1). */
export interface StatementPeriod {
  readonly kind: Period;
  /** `2026-W48`, `2026-11`, `2026-Q4` or `2026`. */
  readonly label: string;
  /** The first instant of its first day. */
  readonly start: Instant;
  /** The first instant after it (half-open, T-2). */
  readonly end: Instant;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The first day of the period holding a date, and the first day of the next. */
function bounds(d: LocalDate, kind: Period): { first: LocalDate; next: LocalDate; label: string } {
  switch (kind) {
    case 'week': {
      const first = addDays(d, 1 - weekdayOf(d));
      const thursday = addDays(first, 3);
      const week =
        Math.floor(
          (toEpochDay(thursday) - toEpochDay({ year: thursday.year, month: 1, day: 1 })) / 7,
        ) + 1;
      return { first, next: addDays(first, 7), label: `${thursday.year}-W${pad(week)}` };
    }
    case 'month': {
      const next = d.month === 12 ? { year: d.year + 1, month: 1 } : { ...d, month: d.month + 1 };
      return {
        first: { year: d.year, month: d.month, day: 1 },
        next: { year: next.year, month: next.month, day: 1 },
        label: `${d.year}-${pad(d.month)}`,
      };
    }
    case 'quarter': {
      const q = Math.floor((d.month - 1) / 3);
      return {
        first: { year: d.year, month: q * 3 + 1, day: 1 },
        next:
          q === 3
            ? { year: d.year + 1, month: 1, day: 1 }
            : { year: d.year, month: q * 3 + 4, day: 1 },
        label: `${d.year}-Q${q + 1}`,
      };
    }
    case 'year':
      return {
        first: { year: d.year, month: 1, day: 1 },
        next: { year: d.year + 1, month: 1, day: 1 },
        label: String(d.year),
      };
    default: {
      const never: never = kind;
      throw new TypeError(`unknown period ${String(never)}`);
    }
  }
}

/**
 * The statement period holding an instant: an ISO week (Monday first), a month, a quarter
 * or a year of the site's wall calendar.
 *
 * @param t - any instant in it
 * @param kind - the period: the policy's `rooms.statementPeriod`
 * @param zone - the site's zone (policy `time.zone`)
 * @returns its label and its half-open span
 * @example
 * statementPeriodOf(Date.UTC(2026, 10, 30, 16), 'month', 'Asia/Shanghai') // => { kind: 'month', label: '2026-12', start: Date.UTC(2026, 10, 30, 16), end: Date.UTC(2026, 11, 31, 16) }
 */
export function statementPeriodOf(t: Instant, kind: Period, zone: TimeZone): StatementPeriod {
  const { first, next, label } = bounds(localDateOf(t, zone), kind);
  return { kind, label, start: startOfLocalDay(first, zone), end: startOfLocalDay(next, zone) };
}
