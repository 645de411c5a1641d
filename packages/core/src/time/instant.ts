/** An exact moment: milliseconds since 1970-01-01T00:00:00Z (T-1). */
export type Instant = number;

/** A length of time in milliseconds. */
export type Duration = number;

/** One minute in milliseconds. */
export const MINUTE: Duration = 60_000;
/** One hour in milliseconds. */
export const HOUR: Duration = 60 * MINUTE;
/** One (24-hour) day in milliseconds; a wall-clock day in a DST zone may be 23 or 25 hours. */
export const DAY: Duration = 24 * HOUR;

/** The range `Date` can represent: ±100,000,000 days around the epoch. */
const LIMIT = 8.64e15;

/**
 * Whether a value is a usable instant: a whole number of milliseconds within `Date`'s range.
 *
 * @param value - anything
 * @returns true for a finite integer within ±8.64e15
 * @example
 * isInstant(1_700_000_000_000) // => true
 * isInstant(NaN) // => false
 */
export function isInstant(value: unknown): value is Instant {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= LIMIT;
}

/**
 * Checks an instant that our own code produced; a bad one is a programming error and throws.
 *
 * @param value - the instant to check
 * @param name - what it is, for the error message
 * @returns the same instant
 * @throws RangeError when it is not an instant
 * @example
 * assertInstant(0) // => 0
 */
export function assertInstant(value: number, name = 'instant'): Instant {
  if (!isInstant(value))
    throw new RangeError(`${name} must be an integer epoch-ms instant, got ${value}`);
  return value;
}
