import { hubRejections } from './hub-rejection.js';
import type { HubRejection } from './hub-rejection.js';

/** How far a device's clock may be from the hub's before the hub acts on it (S-1). */
export interface ClockPolicy {
  /** Within this, commands pass as they are (network delay and drift): default 2 min. */
  readonly toleranceMs: number;
  /** Beyond this, commands are refused: default 24 h. Between the two, `now` is bounded. */
  readonly refuseBeyondMs: number;
}

/** The defaults: 2 minutes of tolerance, refusal beyond a day. */
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  toleranceMs: 2 * 60_000,
  refuseBeyondMs: 24 * 60 * 60_000,
};

/** What the hub made of a push's clock, returned in the reply so the door can say so (S-1). */
export interface ClockReading {
  /** The hub's clock when the push arrived (epoch ms). */
  readonly hubNow: number;
  /** The device's clock minus the hub's (ms); positive when the device runs ahead. */
  readonly skewMs: number;
  /** `ok` within tolerance; `bounded`: each `now` moved by the skew; `refused`: too far. */
  readonly verdict: 'ok' | 'bounded' | 'refused';
}

/**
 * Compares a device's clock with the hub's (S-1).
 *
 * @param clientClock - the device's clock when it sent the push (epoch ms)
 * @param hubNow - the hub's clock
 * @param policy - tolerance and refusal bound
 * @returns the reading
 * @example
 * readClock(1_000_000 + 10 * 60_000, 1_000_000, DEFAULT_CLOCK_POLICY).verdict // => 'bounded'
 */
export function readClock(clientClock: number, hubNow: number, policy: ClockPolicy): ClockReading {
  const skewMs = clientClock - hubNow;
  const off = Math.abs(skewMs);
  const verdict =
    off <= policy.toleranceMs ? 'ok' : off <= policy.refuseBeyondMs ? 'bounded' : 'refused';
  return { hubNow, skewMs, verdict };
}

/**
 * A command's `now` as the hub takes it: moved by the skew when the clock is off, never later
 * than the hub's clock (plus tolerance); or the refusal when the clock is too far off.
 *
 * @param command - the command as sent (its `now` is read when it is a finite number)
 * @param clock - the push's clock reading
 * @param policy - tolerance and refusal bound
 * @returns the command to decide, or the refusal
 * @example
 * boundCommand({ type: 'WalkUp', now: 2_000 }, { hubNow: 1_000, skewMs: 600_000, verdict: 'bounded' }, policy)
 * // => { ok: true, command: { type: 'WalkUp', now: 1_000 } }
 */
export function boundCommand(
  command: unknown,
  clock: ClockReading,
  policy: ClockPolicy,
): { ok: true; command: unknown } | { ok: false; rejection: HubRejection } {
  if (clock.verdict === 'refused') {
    return { ok: false, rejection: hubRejections.clockSkew(clock.skewMs, policy.refuseBeyondMs) };
  }
  // what is not an object (null, a text, a number) has no `now`, and passes on for the parser to refuse
  const now = (command as { now?: unknown } | null | undefined)?.now;
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number; the typeof is for the compiler
  if (typeof now !== 'number' || !Number.isFinite(now)) return { ok: true, command };
  const moved = clock.verdict === 'bounded' ? now - clock.skewMs : now;
  const latest = clock.hubNow + (clock.verdict === 'bounded' ? 0 : policy.toleranceMs);
  const bounded = Math.round(Math.min(moved, latest));
  // Stryker disable next-line ConditionalExpression: a copy of a command with the same `now` is the same command
  return bounded === now
    ? { ok: true, command }
    : { ok: true, command: { ...(command as object), now: bounded } };
}
