import { DAY, MINUTE, offsetAt, type Instant, type TimeZone } from '@huiyi/core';

const WEEK = 7 * DAY;
const cache = new Map<string, string>();

const two = (n: number): string => String(n).padStart(2, '0');

function offsetText(ms: number): string {
  const m = Math.round(Math.abs(ms) / MINUTE);
  return `${ms < 0 ? '-' : '+'}${two(Math.floor(m / 60))}${two(m % 60)}`;
}

/** `YYYYMMDDTHHMMSS` of an instant shifted by an offset: a wall time in that offset. */
function wallText(t: Instant, offset: number): string {
  const d = new Date(t + offset);
  return (
    `${String(d.getUTCFullYear()).padStart(4, '0')}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}` +
    `T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`
  );
}

/** The first instant in `(lo, hi]` whose offset differs from `lo`'s, to the minute. */
function transition(zone: TimeZone, lo: Instant, hi: Instant): Instant {
  const before = offsetAt(zone, lo);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * A `VTIMEZONE` for an IANA zone over whole years (C-1): one observance with the offset at the start
 * of the first year, then one per change of offset up to the end of the last, each with its exact `DTSTART`,
 * `TZOFFSETFROM` and `TZOFFSETTO`, as the runtime's time-zone data has them. A zone without changes
 * (Asia/Shanghai since 1991) gets a single `STANDARD` observance. Memoized per zone and years.
 *
 * @param zone - the zone
 * @param fromYear - the first year the calendar's times fall in
 * @param toYear - the last
 * @returns the component's text, lines joined by CRLF
 * @example
 * vtimezone('Asia/Shanghai', 2026, 2027) // => 'BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE'
 */
export function vtimezone(zone: TimeZone, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const start = Date.UTC(fromYear, 0, 1) - DAY;
  const stop = Date.UTC(toYear + 1, 0, 1) + DAY;
  const first = offsetAt(zone, start);
  const later = offsetAt(zone, start + 182 * DAY);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: string, at: Instant | undefined, from: number, to: number): void => {
    lines.push(
      `BEGIN:${kind}`,
      // The first observance starts, by convention, at 1970-01-01 00:00 local time.
      `DTSTART:${at === undefined ? '19700101T000000' : wallText(at, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  observance(first > later ? 'DAYLIGHT' : 'STANDARD', undefined, first, first);
  let at = start;
  let offset = first;
  while (at < stop) {
    const next = Math.min(at + WEEK, stop);
    const o = offsetAt(zone, next);
    if (o !== offset) {
      const t = transition(zone, at, next);
      const to = offsetAt(zone, t);
      observance(to > offset ? 'DAYLIGHT' : 'STANDARD', t, offset, to);
      offset = to;
      at = t;
    } else at = next;
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  if (cache.size > 256) cache.clear();
  cache.set(key, text);
  return text;
}
