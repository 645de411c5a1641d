import type { PolicyLookup } from '../policy/policy-at.js';
import type { Rejection } from '../rejection/rejection.js';
import { nextEntryFrom } from '../rooms/availability-index.js';
import type { BookingState } from '../rooms/booking-state.js';
import { checkBooking } from '../rooms/check-booking.js';
import { settleReleases } from '../rooms/due-releases.js';
import { closingAfter } from '../rooms/room.js';
import { MINUTE, type Instant } from '../time/instant.js';
import type { WalkUpOption } from './walk-up-options.js';

/** What the door offers for a later slot: the lengths that fit, or why none does. */
export interface SlotOptions {
  /** Each of the policy's walk-up lengths from `start`, capped; shortest first. */
  readonly options: WalkUpOption[];
  /** When nothing fits: why the shortest of them is refused, to say at the door. */
  readonly refusal?: Rejection;
}

/**
 * The bookings the door offers from a later moment of today's timeline: each of the
 * policy's walk-up lengths from `start`, capped at the next booking (less the buffer) and at
 * closing time as a walk-up is, and kept only when the booking decider would accept a one-person
 * `RequestBooking` of it at `now` (so a start in the past, inside a booking or the buffer around
 * it, while the room is closed, or with less than the shortest booking left is never offered).
 * Lengths that come to the same end are offered once. It reads the policy in force at `now` for
 * the room, and the room as the decider finds it (no-shows released, R-4).
 *
 * @param rooms - the rooms state
 * @param roomId - the door's room
 * @param start - the slot's start (the moment tapped, on the door's grid)
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the options, or none and the rule that refuses the shortest
 * @example
 * slotOptions(rooms, 'A', at(14), at(10), policy).options
 * // => [{ minutes: 15, start: at(14), end: at(14, 15), capped: false }, …, { minutes: 60, end: at(14, 40), capped: true }]
 */
export function slotOptions(
  rooms: BookingState,
  roomId: string,
  start: Instant,
  now: Instant,
  policy: PolicyLookup,
): SlotOptions {
  const before = rooms.rooms.get(roomId);
  if (before === undefined) return { options: [] };
  const rs = settleReleases(rooms, before, now, policy).state.rooms.get(roomId) ?? before;
  const params = policy(now, { roomId });
  const p = params.rooms;
  const next = nextEntryFrom(rs.index, start + 1);
  const cap = Math.min(
    next ? next.start - p.bufferMinutes * MINUTE : Infinity,
    closingAfter(rs.room, start, params.time.zone) ?? Infinity,
  );
  const options: WalkUpOption[] = [];
  let refusal: Rejection | undefined;
  for (const minutes of [...p.walkUpLengthsMinutes].sort((a, b) => a - b)) {
    const end = Math.min(start + minutes * MINUTE, cap);
    // Capped to nothing (the buffer before the next booking): the length asked says why.
    const asked = end > start ? end : start + minutes * MINUTE;
    const why = checkBooking(
      rs.room,
      rs.index,
      { start, end: asked, headcount: 1, equipment: [], confidential: false },
      params,
      { now, faulty: rs.faulty },
    );
    if (why.length > 0) refusal ??= why[0];
    else if (!options.some((o) => o.end === end))
      options.push({ minutes, start, end, capped: end < start + minutes * MINUTE });
  }
  return options.length > 0 || !refusal ? { options } : { options, refusal };
}
