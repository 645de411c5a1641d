import fc from 'fast-check';
import { DAY, HOUR, MINUTE, type Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import {
  daysInMonth,
  type LocalDate,
  type LocalDateTime,
  type Weekday,
} from '../time/local-date.js';

/** Instants from 2000 to 2100, whole minutes by default (instants as integers, not `fc.date()`). */
export function instantArb(
  options: { min?: Instant; max?: Instant; step?: number } = {},
): fc.Arbitrary<Instant> {
  const step = options.step ?? MINUTE;
  const min = Math.ceil((options.min ?? Date.UTC(2000, 0, 1)) / step);
  const max = Math.floor((options.max ?? Date.UTC(2100, 0, 1)) / step);
  return fc.integer({ min, max }).map((n) => n * step);
}

/** Non-empty half-open intervals up to `maxLength` long (default 12 h), whole minutes. */
export function intervalArb(
  options: { min?: Instant; max?: Instant; maxLength?: number } = {},
): fc.Arbitrary<Interval> {
  const maxLength = options.maxLength ?? 12 * HOUR;
  return fc
    .tuple(
      instantArb(options),
      fc.integer({ min: 1, max: Math.max(1, Math.floor(maxLength / MINUTE)) }),
    )
    .map(([start, minutes]) => ({ start, end: start + minutes * MINUTE }));
}

/** Real calendar dates between two years (inclusive). */
export function localDateArb(minYear = 1990, maxYear = 2090): fc.Arbitrary<LocalDate> {
  return fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map((d) => ({ ...d, day: Math.min(d.day, daysInMonth(d.year, d.month)) }));
}

/** Real wall date-times, whole minutes. */
export function localDateTimeArb(minYear = 1990, maxYear = 2090): fc.Arbitrary<LocalDateTime> {
  return fc
    .tuple(localDateArb(minYear, maxYear), fc.integer({ min: 0, max: DAY / MINUTE - 1 }))
    .map(([d, m]) => ({ ...d, hour: Math.floor(m / 60), minute: m % 60 }));
}

/** ISO weekdays. */
export const weekdayArb: fc.Arbitrary<Weekday> = fc.constantFrom<Weekday>(1, 2, 3, 4, 5, 6, 7);

/**
 * A valid command with one field replaced by anything (or a stray field added): what a careless
 * integrator or a corrupt file sends. A decider must reject it or accept it, never throw.
 *
 * @param commands - valid commands
 * @returns the mangled commands
 * @example
 * fc.sample(withOneFieldReplaced(fc.constant({ type: 'CheckIn', now: 0 })), 1) // => [{ type: 'CheckIn', now: null }]
 */
export function withOneFieldReplaced(
  commands: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      commands,
      fc.string({ maxLength: 12 }),
      fc.oneof(
        fc.anything(),
        fc.json().map((j) => JSON.parse(j) as unknown),
      ),
    )
    .map(([command, key, value]) => {
      const keys = Object.keys(command);
      const field = keys[key.length % keys.length] ?? 'type';
      return { ...command, [key.length % 3 === 0 ? key : field]: value };
    });
}
