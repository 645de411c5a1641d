/**
 * `tzOffset` of `@date-fns/tz`, which the core's time functions call, answered by `Temporal` when
 * the browser has it. The first `Intl.DateTimeFormat` of a page loads the browser's date
 * formatting data (about 20 ms in a new tab, on the path to today's screen); `Temporal` reads the
 * zone's offset alone (about 1 ms). Without `Temporal`, or for a zone it does not take, the same
 * `Intl` reading as `@date-fns/tz`. vite.config.ts puts this module in place of `@date-fns/tz/tzOffset`.
 */

interface TemporalLike {
  readonly Instant: {
    fromEpochMilliseconds(ms: number): {
      toZonedDateTimeISO(zone: string): { readonly offsetNanoseconds: number };
    };
  };
}

const temporal = (globalThis as { Temporal?: TemporalLike }).Temporal;
const formats: Record<string, (date: Date) => string> = {};
const OFFSET = /([+-]\d\d):?(\d\d)?(?::?(\d\d))?/;

function fromParts(parts: readonly (string | undefined)[]): number {
  const hours = Number(parts[0] ?? 0);
  const minutes = Number(parts[1] ?? 0) + Number(parts[2] ?? 0) / 60;
  return hours * 60 + (hours < 0 || Object.is(hours, -0) ? -minutes : minutes);
}

/**
 * The UTC offset of a zone at a date, in minutes (480 for Asia/Shanghai), as `@date-fns/tz`'s.
 *
 * @param timeZone - an IANA zone or a UTC offset
 * @param date - the date
 * @returns the offset in minutes, `NaN` for a zone nobody knows
 */
export function tzOffset(timeZone: string | undefined, date: Date): number {
  if (temporal && timeZone) {
    try {
      const z = temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
      return z.offsetNanoseconds / 60e9;
    } catch {
      // not a zone Temporal takes: read it as below
    }
  }
  try {
    const format = (formats[timeZone ?? ''] ??= new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: 'longOffset',
    }).format);
    const offset = format(date).split('GMT')[1] ?? '';
    return offset === '' ? 0 : fromParts(offset.split(':'));
  } catch {
    const captures = timeZone?.match(OFFSET);
    return captures ? fromParts(captures.slice(1)) : NaN;
  }
}
