import type { PolicyParameters } from '../policy/parameters.js';
import { fail, ok, type Result } from '../rejection/rejection.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { firstConflict } from './availability-index.js';
import type { Booking } from './booking.js';
import type { RoomState } from './booking-state.js';
import { bookingRejections as why } from './booking-rejections.js';
import { withinOpeningHours } from './room.js';

/**
 * The end a meeting in progress gets from an extension of some minutes at `now`: only in a
 * length the policy offers, within opening hours, and if the room is free (with the buffer) for the
 * whole extension. The extend decider and the door's extension options both read it.
 *
 * @param rs - the room, its releases due at `now` already settled
 * @param b - the booking, checked in
 * @param now - when it is asked
 * @param minutes - the extension asked
 * @param params - the parameters in force for the room at `now`
 * @returns the new end, or why not
 * @example
 * extensionEnd(roomA, walkUp, at(9, 30), 15, DEFAULT_PARAMETERS) // => { ok: true, value: at(9, 52) }
 */
export function extensionEnd(
  rs: RoomState,
  b: Booking,
  now: Instant,
  minutes: number,
  params: PolicyParameters,
): Result<Instant> {
  const zone = params.time.zone;
  const p = params.rooms;
  if (b.status !== 'checked-in' || now >= b.end) return fail(why.notInProgress(b.id));
  if (!p.extendLengthsMinutes.includes(minutes))
    return fail(why.extendBadLength(p.extendLengthsMinutes));
  const end = b.end + minutes * MINUTE;
  if (!withinOpeningHours(rs.room, { start: b.start, end }, zone))
    return fail(why.closed(rs.room.name, { start: b.end, end }, zone));
  const clash = firstConflict(rs.index, { start: b.end, end }, p.bufferMinutes * MINUTE, b.id);
  if (clash) return fail(why.busy(rs.room.name, clash, zone, {}));
  return ok(end);
}
