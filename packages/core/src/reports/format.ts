import type { Language } from '../policy/parameters.js';
import { HOUR, MINUTE, type Duration, type Instant } from '../time/instant.js';
import { formatLocalDate, formatLocalTime } from '../time/local-date.js';
import { toWall, type TimeZone } from '../time/zone.js';
import { label } from './labels.js';

/**
 * An instant as the site's wall clock shows it (T-1): `YYYY-MM-DD HH:MM`.
 *
 * @param t - the instant, or nothing
 * @param zone - the site's zone
 * @returns the text, or an empty string for nothing
 * @example
 * formatWall(Date.UTC(2026, 11, 2, 1), 'Asia/Shanghai') // => '2026-12-02 09:00'
 */
export function formatWall(t: Instant | undefined, zone: TimeZone): string {
  if (t === undefined) return '';
  const w = toWall(t, zone);
  return `${formatLocalDate(w)} ${formatLocalTime(w)}`;
}

/**
 * A share as a percentage with one decimal, or a dash when there is nothing to rate.
 *
 * @param r - the share, 0–1, or null
 * @returns `'92.5%'`, or `'—'`
 * @example
 * formatRate(0.925) // => '92.5%'
 */
export function formatRate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 1000) / 10}%`;
}

/**
 * A duration in whole minutes.
 *
 * @param d - the duration
 * @returns the minutes, rounded
 * @example
 * inMinutes(300_000) // => 5
 */
export const inMinutes = (d: Duration): number => Math.round(d / MINUTE);

/**
 * A duration in hours, one decimal.
 *
 * @param d - the duration
 * @returns the hours, rounded to a tenth
 * @example
 * inHours(5_400_000) // => 1.5
 */
export const inHours = (d: Duration): number => Math.round((d / HOUR) * 10) / 10;

/**
 * Yes, no, or a dash for a question that does not apply.
 *
 * @param b - the answer
 * @param lang - the language
 * @returns the word
 * @example
 * yesNo(true, 'zh-CN') // => '是'
 */
export function yesNo(b: boolean | null | undefined, lang: Language): string {
  return b === true ? label('yes', lang) : b === false ? label('no', lang) : '—';
}
