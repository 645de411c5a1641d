import type { PolicyLookup } from '../policy/policy-at.js';
import type { BookingState } from '../rooms/booking-state.js';
import { settleReleases } from '../rooms/due-releases.js';
import { walkUpSpan } from '../rooms/walk-up.js';
import { MINUTE, type Instant } from '../time/instant.js';

/** A walk-up the door offers: the length to ask for, and the time it really gets. */
export interface WalkUpOption {
  /** The length to send in the `WalkUp` command: one of the policy's walk-up lengths. */
  readonly minutes: number;
  /** From the minute it is asked. */
  readonly start: Instant;
  /** Where it really ends: `start + minutes`, or earlier when capped. */
  readonly end: Instant;
  /**
   * Shorter than asked: it ends at the next booking (less the buffer between bookings) or at
   * closing time. The door says "until 10:30" for it, not "60 minutes".
   */
  readonly capped: boolean;
}

/**
 * The walk-ups the door offers now: each of the policy's walk-up lengths, capped at the next
 * booking (less the buffer) and at closing time, as the walk-up decider books them, shortest first.
 * Lengths that come to the same end are offered once, as the shortest of them, so a room free for
 * 40 minutes offers 15, 30 and "until the next booking". Nothing when the room takes no walk-up,
 * is closed or busy, or has less than the shortest booking left. It reads the policy in force at
 * `now` for the room, and the room as the decider finds it (bookings never checked in released,
 *
 *
 * @param rooms - the rooms state
 * @param roomId - the door's room
 * @param now - the moment
 * @param policy - the parameters in force (`parametersIn(policyState)`)
 * @returns the options; a `WalkUp` with an option's `minutes` at `now` books `[start, end)`
 * @example
 * walkUpOptions(rooms, 'A', at(9, 50), parametersIn(policy))
 * // => [{ minutes: 15, start: at(9, 50), end: at(10, 5), capped: false }, { minutes: 30, end: at(10, 20), … }, { minutes: 60, end: at(10, 30), capped: true }]
 */
export function walkUpOptions(
  rooms: BookingState,
  roomId: string,
  now: Instant,
  policy: PolicyLookup,
): WalkUpOption[] {
  const before = rooms.rooms.get(roomId);
  if (before === undefined) return [];
  const rs = settleReleases(rooms, before, now, policy).state.rooms.get(roomId) ?? before;
  const params = policy(now, { roomId });
  const out: WalkUpOption[] = [];
  for (const minutes of [...params.rooms.walkUpLengthsMinutes].sort((a, b) => a - b)) {
    const span = walkUpSpan(rs, now, minutes, params);
    if (!span.ok || out.some((o) => o.end === span.value.end)) continue;
    const { start, end } = span.value;
    out.push({ minutes, start, end, capped: end < start + minutes * MINUTE });
  }
  return out;
}
