import type { PolicyLookup } from '../policy/policy-at.js';
import { DAY, MINUTE, type Instant } from '../time/instant.js';
import { entriesIn } from './availability-index.js';
import type { Booking } from './booking.js';
import type { BookingEvent } from './booking-events.js';
import { foldBookingEvents, type BookingState, type RoomState } from './booking-state.js';

/** A booking not checked in this long ago is settled by the next command to its room; older ones by `ReleaseNoShows`. */
const LAZY_RELEASE_LOOKBACK = 7 * DAY;

/**
 * The releases due in a room at `now`: every booking still waiting for check-in whose window
 * has closed, unless it is long enough to be exempt; each released at its window's end, and a
 * regular meeting flagged when its run of no-shows reaches the policy's count.
 *
 * @param rs - the room
 * @param now - the moment
 * @param policy - the parameters in force
 * @param lazy - only the bookings of the last week (what the next command to the room settles)
 * @returns the events, in order
 */
export function dueReleases(
  rs: RoomState,
  now: Instant,
  policy: PolicyLookup,
  lazy: boolean,
): BookingEvent[] {
  const candidates = lazy
    ? entriesIn(rs.index, { start: now - LAZY_RELEASE_LOOKBACK, end: now + 1 }).map(
        (e) => rs.bookings.get(e.id) as Booking,
      )
    : [...rs.bookings.values()];
  const due = candidates
    .filter((b) => {
      if (b.status !== 'pending' && b.status !== 'confirmed') return false;
      const p = policy(b.start, { roomId: b.roomId }).rooms;
      return (
        b.end - b.start < p.checkInExemptFromMinutes * MINUTE &&
        b.start + p.checkInClosesMinutesAfterStart * MINUTE <= now
      );
    })
    .sort((a, b) => a.start - b.start);
  const events: BookingEvent[] = [];
  const runs = new Map(rs.noShowRuns);
  for (const b of due) {
    const at =
      b.start + policy(b.start, { roomId: b.roomId }).rooms.checkInClosesMinutesAfterStart * MINUTE;
    events.push({ type: 'BookingReleased', roomId: b.roomId, bookingId: b.id, at });
    if (b.seriesId === undefined) continue;
    const run = [...(runs.get(b.seriesId) ?? []), b.id];
    runs.set(b.seriesId, run);
    if (run.length === policy(b.start, { roomId: b.roomId }).rooms.noShowsInARowToFlag) {
      events.push({
        type: 'SeriesNoShowsFlagged',
        roomId: b.roomId,
        seriesId: b.seriesId,
        organizerId: b.organizerId,
        bookingIds: run,
      });
    }
  }
  return events;
}

/**
 * What the next command to a room finds there at `now`: the releases that have fallen due,
 * and the state after them. The deciders settle them before whatever a command asks, and the door's
 * queries read the room as they will.
 *
 * @param state - the rooms state
 * @param rs - the room
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the releases due, and the state after them (`state` itself when none)
 */
export function settleReleases(
  state: BookingState,
  rs: RoomState,
  now: Instant,
  policy: PolicyLookup,
): { readonly released: BookingEvent[]; readonly state: BookingState } {
  const released = dueReleases(rs, now, policy, true);
  return { released, state: released.length > 0 ? foldBookingEvents(state, released) : state };
}
