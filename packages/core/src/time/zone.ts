// The subpath keeps bundles free of TZDate, which the package root pulls in (it declares no sideEffects).
import { tzOffset } from '@date-fns/tz/tzOffset';
import { DAY, HOUR, MINUTE, type Instant } from './instant.js';
import {
  fromEpochDay,
  isLocalDate,
  isLocalTime,
  toEpochDay,
  type LocalDate,
  type LocalDateTime,
} from './local-date.js';

/** An IANA time zone name, such as `Asia/Shanghai`. */
export type TimeZone = string;

/** The site's zone when nothing else is said (T-1). */
export const DEFAULT_ZONE: TimeZone = 'Asia/Shanghai';

/**
 * How a wall time that a zone skips or repeats becomes one instant:
 * - `compatible` (the default, as RFC 5545 §3.3.5 and Temporal): a skipped time is read with the
 *   offset before the gap, so it moves forward by the gap (02:30 → 03:30 on a spring-forward night);
 *   a repeated time takes the earlier of its two instants.
 * - `earlier` / `later`: the earlier or later instant in both cases.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

/** What a wall time is in a zone: one instant, none (a gap), or two (an overlap). */
export type WallResolution =
  | { readonly kind: 'exact'; readonly instant: Instant }
  | { readonly kind: 'gap'; readonly earlier: Instant; readonly later: Instant }
  | { readonly kind: 'overlap'; readonly earlier: Instant; readonly later: Instant };

/** A UTC day whose offset is constant, or that holds one transition at `at`. */
type DayOffsets =
  number | { readonly before: number; readonly at: Instant; readonly after: number };

const caches = new Map<TimeZone, Map<number, DayOffsets>>();
const CACHE_LIMIT = 100_000;

function rawOffset(zone: TimeZone, t: Instant): number {
  const minutes = tzOffset(zone, new Date(t));
  if (Number.isNaN(minutes)) throw new RangeError(`unknown time zone: ${zone}`);
  return Math.round(minutes * MINUTE);
}

function scanDay(zone: TimeZone, day: number): DayOffsets {
  const lo0 = day * DAY;
  const before = rawOffset(zone, lo0);
  const after = rawOffset(zone, lo0 + DAY);
  if (before === after) return before;
  // The first second of the day with the new offset; zones change at most once a day.
  let lo = 0;
  let hi = DAY / 1000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (rawOffset(zone, lo0 + mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return { before, at: lo0 + hi * 1000, after };
}

/**
 * The zone's offset from UTC at an instant, from a per-day cache over `@date-fns/tz`, so repeated
 * conversions cost a map lookup.
 *
 * @param zone - an IANA zone
 * @param t - the instant
 * @returns the offset in milliseconds (`+8 h` for Asia/Shanghai)
 * @throws RangeError for an unknown zone
 * @example
 * offsetAt('Asia/Shanghai', 0) // => 28800000
 */
export function offsetAt(zone: TimeZone, t: Instant): number {
  let cache = caches.get(zone);
  if (cache === undefined) {
    cache = new Map();
    caches.set(zone, cache);
  }
  const day = Math.floor(t / DAY);
  let entry = cache.get(day);
  if (entry === undefined) {
    entry = scanDay(zone, day);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(day, entry);
  }
  return typeof entry === 'number' ? entry : t < entry.at ? entry.before : entry.after;
}

/**
 * Zones found valid, so a check costs a set lookup: making a formatter to ask costs tens of
 * microseconds, and every decision reads the site's zone. Bounded, as zones come from input.
 */
const knownZones = new Set<string>();
const KNOWN_ZONES_LIMIT = 1000;

/**
 * Whether a name is a time zone this runtime knows.
 *
 * @param zone - the name
 * @returns true for `Asia/Shanghai`, false for `Mars/Olympus`
 * @example
 * isTimeZone('Europe/Berlin') // => true
 */
export function isTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== 'string' || zone === '') return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < KNOWN_ZONES_LIMIT) knownZones.add(zone);
  return true;
}

const wallMs = (w: LocalDateTime): number =>
  toEpochDay(w) * DAY +
  w.hour * HOUR +
  w.minute * MINUTE +
  (w.second ?? 0) * 1000 +
  (w.millisecond ?? 0);

/**
 * The wall-clock date and time of an instant in a zone (T-1).
 *
 * @param t - the instant
 * @param zone - an IANA zone (required: the site's, policy `time.zone`)
 * @returns the wall date and time, with seconds and milliseconds
 * @example
 * toWall(0, 'Asia/Shanghai') // => { year: 1970, month: 1, day: 1, hour: 8, minute: 0, second: 0, millisecond: 0 }
 */
export function toWall(t: Instant, zone: TimeZone): Required<LocalDateTime> {
  const local = t + offsetAt(zone, t);
  const day = Math.floor(local / DAY);
  let rest = local - day * DAY;
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / 1000);
  return { ...fromEpochDay(day), hour, minute, second, millisecond: rest - second * 1000 };
}

/**
 * The wall date of an instant in a zone: which day it is there.
 *
 * @param t - the instant
 * @param zone - an IANA zone (required: the site's, policy `time.zone`)
 * @returns the local date
 * @example
 * localDateOf(Date.UTC(2026, 10, 26, 17), 'Asia/Shanghai') // => { year: 2026, month: 11, day: 27 }
 */
export function localDateOf(t: Instant, zone: TimeZone): LocalDate {
  return fromEpochDay(Math.floor((t + offsetAt(zone, t)) / DAY));
}

/**
 * Every instant a wall time denotes in a zone: usually one; none in a spring-forward gap, two in a
 * fall-back overlap. For a gap, `earlier` and `later` are the instants that the offsets after and
 * before the gap give.
 *
 * @param wall - the wall date and time
 * @param zone - an IANA zone
 * @returns the resolution
 * @throws RangeError when the wall time is not a real date and time
 * @example
 * resolveWall({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York').kind // => 'gap'
 */
export function resolveWall(wall: LocalDateTime, zone: TimeZone): WallResolution {
  if (!isLocalDate(wall) || !isLocalTime(wall)) {
    throw new RangeError(`not a wall date and time: ${JSON.stringify(wall)}`);
  }
  const w = wallMs(wall);
  const offBefore = offsetAt(zone, w - DAY);
  const offAfter = offsetAt(zone, w + DAY);
  const c1 = w - offBefore;
  if (offBefore === offAfter) {
    const actual = offsetAt(zone, c1);
    return { kind: 'exact', instant: actual === offBefore ? c1 : w - actual };
  }
  const c2 = w - offAfter;
  const v1 = offsetAt(zone, c1) === offBefore;
  const v2 = offsetAt(zone, c2) === offAfter;
  if (v1 && v2) return { kind: 'overlap', earlier: Math.min(c1, c2), later: Math.max(c1, c2) };
  if (v1) return { kind: 'exact', instant: c1 };
  if (v2) return { kind: 'exact', instant: c2 };
  return { kind: 'gap', earlier: Math.min(c1, c2), later: Math.max(c1, c2) };
}

/**
 * The instant of a wall time in a zone (T-1). A time the zone skips or repeats resolves by
 * `disambiguation` (see {@link Disambiguation}); Asia/Shanghai has neither since 1991.
 *
 * @param wall - the wall date and time
 * @param zone - an IANA zone (required: the site's, policy `time.zone`)
 * @param disambiguation - how to resolve a gap or an overlap (default `compatible`)
 * @returns the instant
 * @throws RangeError when the wall time is not a real date and time
 * @example
 * toInstant({ year: 2026, month: 11, day: 27, hour: 9, minute: 0 }, 'Asia/Shanghai') // => 1795741200000
 * toInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York') // => 03:30 EDT
 */
export function toInstant(
  wall: LocalDateTime,
  zone: TimeZone,
  disambiguation: Disambiguation = 'compatible',
): Instant {
  const r = resolveWall(wall, zone);
  if (r.kind === 'exact') return r.instant;
  if (disambiguation === 'earlier') return r.earlier;
  if (disambiguation === 'later') return r.later;
  return r.kind === 'gap' ? r.later : r.earlier;
}

/**
 * The first instant of a wall date in a zone (midnight, or the first existing moment after it).
 *
 * @param date - the date
 * @param zone - an IANA zone (required: the site's, policy `time.zone`)
 * @returns the instant the day starts
 * @example
 * startOfLocalDay({ year: 2026, month: 11, day: 27 }, 'Asia/Shanghai') // => Date.UTC(2026, 10, 26, 16)
 */
export function startOfLocalDay(date: LocalDate, zone: TimeZone): Instant {
  return toInstant({ year: date.year, month: date.month, day: date.day, hour: 0, minute: 0 }, zone);
}
