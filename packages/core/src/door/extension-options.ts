import type { PolicyLookup } from '../policy/policy-at.js';
import type { BookingState } from '../rooms/booking-state.js';
import { settleReleases } from '../rooms/due-releases.js';
import { extensionEnd } from '../rooms/extension.js';
import type { Instant } from '../time/instant.js';

/** An extension the door offers: the minutes to ask for, and the new end. */
export interface ExtensionOption {
  /** The length to send in the `ExtendBooking` command: one of the policy's extension lengths. */
  readonly minutes: number;
  /** The meeting's new end. */
  readonly end: Instant;
}

/**
 * The extensions the door offers a meeting in progress now: each of the policy's extension
 * lengths that the room has free (with the buffer) up to the next booking and within opening hours,
 * shortest first, exactly those the extend decider accepts. A length that would run into the next
 * booking is not offered. Nothing when the booking is not in progress. It reads the policy in force
 * at `now` for the room, and the room as the decider finds it (bookings never checked in released,
 *
 *
 * @param rooms - the rooms state
 * @param roomId - the door's room
 * @param bookingId - the meeting's booking, checked in
 * @param now - the moment
 * @param policy - the parameters in force (`parametersIn(policyState)`)
 * @returns the options; an `ExtendBooking` with an option's `minutes` (and `fromEnd` the booking's end) at `now` ends it at `end`
 * @example
 * extensionOptions(rooms, 'A', 'b1', at(9, 30), parametersIn(policy))
 * // => [{ minutes: 15, end: at(10, 15) }, { minutes: 30, end: at(10, 30) }] (the next booking at 10:30)
 */
export function extensionOptions(
  rooms: BookingState,
  roomId: string,
  bookingId: string,
  now: Instant,
  policy: PolicyLookup,
): ExtensionOption[] {
  const before = rooms.rooms.get(roomId);
  if (before === undefined) return [];
  const rs = settleReleases(rooms, before, now, policy).state.rooms.get(roomId) ?? before;
  const b = rs.bookings.get(bookingId);
  if (b === undefined) return [];
  const params = policy(now, { roomId });
  const out: ExtensionOption[] = [];
  for (const minutes of [...params.rooms.extendLengthsMinutes].sort((x, y) => x - y)) {
    const end = extensionEnd(rs, b, now, minutes, params);
    if (end.ok) out.push({ minutes, end: end.value });
  }
  return out;
}
