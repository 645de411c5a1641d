/**
 * Where the door reads the time (time is an input: docs/guide/deciders-and-events.md). The shell is given one and hands it
 * to every screen through the door's context, so a test passes its own and never patches a global.
 */
export interface Clock {
  /** The time now, epoch milliseconds. */
  now(): number;
}

/** The tablet's own clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  /** Sets the time. */
  set(t: number): void;
}

/**
 * A clock standing at `t` until it is set again.
 *
 * @param t - the time to start at
 * @returns the clock
 * @example
 * const clock = manualClock(Date.parse('2026-03-10T10:02:00+08:00')); clock.now() // => 1773108120000
 */
export function manualClock(t: number): ManualClock {
  let at = t;
  return { now: () => at, set: (next) => (at = next) };
}
