import type { Period } from '../policy/parameters.js';
import type { Instant } from '../time/instant.js';
import {
  addDays,
  formatLocalDate,
  toEpochDay,
  weekdayOf,
  type LocalDate,
} from '../time/local-date.js';
import { localDateOf, startOfLocalDay, type TimeZone } from '../time/zone.js';

/**
 * A stretch of time a report covers: the half-open span `[from, to)` (T-2), its name, and the zone
 * its wall-clock times are shown in.
 */
export interface ReportPeriod {
  /** `2026-12`, `2026-W49`, `2026-Q4`, `2026`, or any name the caller gives. */
  readonly label: string;
  readonly from: Instant;
  readonly to: Instant;
  readonly zone: TimeZone;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Monday of the ISO week holding a date. */
const mondayOf = (d: LocalDate): LocalDate => addDays(d, 1 - weekdayOf(d));

/** The ISO week-year and week number of a date. */
function isoWeek(d: LocalDate): { year: number; week: number } {
  const thursday = addDays(mondayOf(d), 3);
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(jan1)) / 7) + 1;
  return { year: thursday.year, week };
}

/**
 * The period of a kind that holds an instant (F-8, E-2), on the site's wall calendar (T-1): an ISO
 * week (Monday to Monday), a month, a quarter or a year, from local midnight to local midnight.
 *
 * @param t - any instant in the period
 * @param period - `week`, `month`, `quarter` or `year`
 * @param zone - the site's zone
 * @returns the period, with its label
 * @example
 * reportPeriod(Date.UTC(2026, 11, 15), 'month', 'Asia/Shanghai')
 * // => { label: '2026-12', from: 2026-12-01T00:00+08:00, to: 2027-01-01T00:00+08:00, zone: 'Asia/Shanghai' }
 */
export function reportPeriod(t: Instant, period: Period, zone: TimeZone): ReportPeriod {
  const d = localDateOf(t, zone);
  let first: LocalDate;
  let next: LocalDate;
  let label: string;
  switch (period) {
    case 'week': {
      first = mondayOf(d);
      next = addDays(first, 7);
      const w = isoWeek(d);
      label = `${w.year}-W${pad(w.week)}`;
      break;
    }
    case 'month':
      first = { year: d.year, month: d.month, day: 1 };
      next =
        d.month === 12 ? { year: d.year + 1, month: 1, day: 1 } : { ...first, month: d.month + 1 };
      label = formatLocalDate(first).slice(0, 7);
      break;
    case 'quarter': {
      const q = Math.floor((d.month - 1) / 3);
      first = { year: d.year, month: q * 3 + 1, day: 1 };
      next = q === 3 ? { year: d.year + 1, month: 1, day: 1 } : { ...first, month: q * 3 + 4 };
      label = `${d.year}-Q${q + 1}`;
      break;
    }
    case 'year':
      first = { year: d.year, month: 1, day: 1 };
      next = { year: d.year + 1, month: 1, day: 1 };
      label = String(d.year);
      break;
    default: {
      const never: never = period;
      throw new TypeError(`unknown period ${String(never)}`);
    }
  }
  return { label, from: startOfLocalDay(first, zone), to: startOfLocalDay(next, zone), zone };
}
