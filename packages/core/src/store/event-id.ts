import type { Instant } from '../time/instant.js';

/** Crockford's base 32, as ULID uses it: no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
/** The largest time a ULID can hold: 2^48 − 1 ms, in the year 10889. */
const MAX_TIME = 2 ** 48 - 1;
const ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/u;

/** A source of random numbers in `[0, 1)`, like `Math.random` (passed in: the core draws none). */
export type RandomSource = () => number;

function encodeTime(now: Instant): string {
  if (!Number.isInteger(now) || now < 0 || now > MAX_TIME) {
    throw new RangeError(`an event id needs an instant from 1970 to 10889, got ${now}`);
  }
  let out = '';
  let t = now;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET.charAt(t % 32) + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function randomChars(random: RandomSource): string {
  let out = '';
  for (let i = 0; i < RANDOM_CHARS; i++) {
    out += ALPHABET.charAt(Math.min(31, Math.max(0, Math.floor(random() * 32))));
  }
  return out;
}

/** The next string in base-32 order with the same length, or `undefined` past `ZZZ…`. */
function increment(chars: string): string | undefined {
  const digits = [...chars];
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = ALPHABET.indexOf(digits[i] as string);
    if (d < 31) {
      digits[i] = ALPHABET.charAt(d + 1);
      return digits.join('');
    }
    digits[i] = '0';
  }
  return undefined;
}

/**
 * A ULID: 26 characters, the first ten the time in ms, the rest random, so ids sort by time.
 *
 * @param now - the instant it is made at (epoch ms, 1970 to 10889)
 * @param random - the random source, e.g. `Math.random` or `crypto.getRandomValues` scaled
 * @returns the id
 * @throws RangeError for an instant outside what 48 bits of milliseconds hold
 * @example
 * eventId(Date.UTC(2026, 10, 30), () => 0) // => '01M8MW0N000000000000000000'
 */
export function eventId(now: Instant, random: RandomSource): string {
  return encodeTime(now) + randomChars(random);
}

/**
 * Makes ids that never go down: within one millisecond, or when the clock steps back, the next id
 * is the previous one plus one (the monotonic ULID), so a batch keeps its order when sorted by id.
 *
 * @param random - the random source
 * @returns a function from `now` to a fresh id
 * @example
 * const next = eventIdFactory(Math.random);
 * next(1000) < next(1000) // => true
 */
export function eventIdFactory(random: RandomSource): (now: Instant) => string {
  let lastTime = -1;
  let lastRandom = '';
  return (now) => {
    if (now > lastTime || lastRandom === '') {
      encodeTime(now);
      lastTime = now;
      lastRandom = randomChars(random);
    } else {
      const next = increment(lastRandom);
      if (next === undefined) {
        lastTime += 1;
        lastRandom = randomChars(random);
      } else lastRandom = next;
    }
    return encodeTime(lastTime) + lastRandom;
  };
}

/**
 * Whether a string is shaped like a ULID (26 characters of Crockford's base 32).
 *
 * @param value - anything
 * @returns true for a ULID
 * @example
 * isEventId('01M8MW0N000000000000000000') // => true
 */
export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/**
 * The instant a ULID was made at.
 *
 * @param id - the id
 * @returns its time in epoch ms, or `undefined` when it is not a ULID
 * @example
 * eventIdTime(eventId(1_800_000_000_000, Math.random)) // => 1800000000000
 */
export function eventIdTime(id: string): Instant | undefined {
  if (!isEventId(id)) return undefined;
  let t = 0;
  for (let i = 0; i < TIME_CHARS; i++) t = t * 32 + ALPHABET.indexOf(id.charAt(i));
  return t;
}
