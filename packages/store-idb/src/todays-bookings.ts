import {
  DEFAULT_ZONE,
  addDays,
  entriesIn,
  localDateOf,
  startOfLocalDay,
  type Booking,
  type BookingState,
  type Instant,
  type TimeZone,
} from '@huiyi/core';

/**
 * The bookings that hold a room on the local day of `now` (K-1: the door's list), in time order:
 * those pending, confirmed or in use, and the used part of those ended early or released.
 * Cancelled and declined bookings hold nothing and are left out. `O(log n + k)` through the
 * room's availability index.
 *
 * @param state - the bookings state (a projection's)
 * @param roomId - the room
 * @param now - the instant whose local day is shown
 * @param zone - the site's zone (default Asia/Shanghai)
 * @returns the day's bookings, earliest first; none for an unknown room
 * @example
 * todaysBookings(view.state, 'A', now).map((b) => b.topic) // => ['周例会', '客户回访']
 */
export function todaysBookings(
  state: BookingState,
  roomId: string,
  now: Instant,
  zone: TimeZone = DEFAULT_ZONE,
): Booking[] {
  const room = state.rooms.get(roomId);
  if (room === undefined) return [];
  const day = localDateOf(now, zone);
  const start = startOfLocalDay(day, zone);
  const end = startOfLocalDay(addDays(day, 1), zone);
  const out: Booking[] = [];
  for (const entry of entriesIn(room.index, { start, end })) {
    const booking = room.bookings.get(entry.id);
    if (booking !== undefined) out.push(booking);
  }
  return out;
}
