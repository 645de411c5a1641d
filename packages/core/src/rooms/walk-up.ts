import type { PolicyParameters } from '../policy/parameters.js';
import { fail, ok, type Result } from '../rejection/rejection.js';
import { MINUTE, type Duration, type Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import {
  firstConflict,
  isFree,
  nextEntryFrom,
  nextFreeMoment,
  type AvailabilityIndex,
} from './availability-index.js';
import type { RoomState } from './booking-state.js';
import { bookingRejections as why } from './booking-rejections.js';
import { closingAfter } from './room.js';

/**
 * Where a walk-up tapped at `now` starts: on the minute, unless part of that minute is still
 * held by a booking freed since (ended early, released): then at `now`, the instant the room is
 * free (T-2: half-open). Without it, a meeting ended early at 10:02:40 left the walk-up of 10:02
 * refused ("free after 10:02").
 *
 * @param index - the room's index
 * @param now - when the walk-up is tapped
 * @param buffer - the gap kept between bookings (default 0)
 * @returns the walk-up's start
 * @example
 * walkUpStart(buildIndex([{ id: 'a', start: 0, end: 30_000 }]), 40_000) // => 40_000
 */
export function walkUpStart(index: AvailabilityIndex, now: Instant, buffer: Duration = 0): Instant {
  const minute = Math.floor(now / MINUTE) * MINUTE;
  return isFree(index, { start: minute, end: now + 1 }, buffer) ? minute : now;
}

/**
 * The time a walk-up of some minutes gets at `now`: from {@link walkUpStart}, for the
 * length asked, capped at the next booking (less the buffer) and at closing time; refused where
 * walk-ups are not allowed, for a length the policy does not offer, while the room is closed or
 * busy, and when what is left is shorter than the shortest booking. The walk-up decider and the
 * door's walk-up options both read it.
 *
 * @param rs - the room, its releases due at `now` already settled
 * @param now - when it is asked
 * @param minutes - the length asked
 * @param params - the parameters in force for the room at `now`
 * @returns the interval booked, or why not
 * @example
 * walkUpSpan(roomA, at(9, 7), 30, DEFAULT_PARAMETERS) // => { ok: true, value: { start: at(9, 7), end: at(9, 37) } }
 */
export function walkUpSpan(
  rs: RoomState,
  now: Instant,
  minutes: number,
  params: PolicyParameters,
): Result<Interval> {
  const zone = params.time.zone;
  const p = params.rooms;
  if (!rs.room.walkUp) return fail(why.walkUpNotAllowed(rs.room.name));
  if (!p.walkUpLengthsMinutes.includes(minutes))
    return fail(why.walkUpBadLength(p.walkUpLengthsMinutes));
  const buffer = p.bufferMinutes * MINUTE;
  const start = walkUpStart(rs.index, now, buffer);
  const closes = closingAfter(rs.room, start, zone);
  if (closes === undefined)
    return fail(why.closed(rs.room.name, { start, end: start + minutes * MINUTE }, zone));
  if (firstConflict(rs.index, { start, end: start + 1 }, buffer)) {
    return fail(
      why.walkUpBusy(
        rs.room.name,
        nextFreeMoment(rs.index, start, p.minLengthMinutes * MINUTE, buffer),
        zone,
      ),
    );
  }
  const next = nextEntryFrom(rs.index, start);
  const end = Math.min(start + minutes * MINUTE, next ? next.start - buffer : Infinity, closes);
  if (end - start < p.minLengthMinutes * MINUTE) {
    return fail(
      why.walkUpTooShort(rs.room.name, Math.floor((end - start) / MINUTE), p.minLengthMinutes),
    );
  }
  return ok({ start, end });
}
