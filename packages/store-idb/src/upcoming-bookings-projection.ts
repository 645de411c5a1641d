import {
  DAY,
  foldBookingEvents,
  initialBookingState,
  type Booking,
  type BookingState,
  type Instant,
  type RoomState,
} from '@huiyi/core';
import {
  decodeBookingState,
  encodeBookingState,
  isStoredBookingEvent,
} from './booking-projection.js';
import type { Projection } from './projection.js';

/**
 * The bookings state cut to what the door's screen can still show: bookings ending within
 * {@link UPCOMING_KEEP} before the latest `now` in the log, or later. Its size is bounded by what
 * is ahead, not by the history behind, so the screen's cold open costs the same after a year as
 * after a week (the full `bookingProjection`'s snapshot grows with every booking).
 */
export interface UpcomingBookings {
  /** Rooms with their recent and future bookings (the same shape as the full state). */
  readonly bookings: BookingState;
  /** The latest `now` of the events folded (0: none). */
  readonly now: Instant;
}

/** How far behind the latest `now` a booking is kept: two days, room for a clock that is off. */
export const UPCOMING_KEEP = 2 * DAY;

function prune(room: RoomState, horizon: Instant): RoomState {
  const { index } = room;
  // Ends are sorted: the entries over before the horizon are a prefix.
  let cut = 0;
  while (cut < index.ends.length && (index.ends[cut] as Instant) < horizon) cut += 1;
  let stale = false;
  for (const b of room.bookings.values()) {
    if (b.end < horizon) {
      stale = true;
      break;
    }
  }
  if (cut === 0 && !stale) return room;
  const bookings = new Map<string, Booking>();
  for (const [id, b] of room.bookings) if (b.end >= horizon) bookings.set(id, b);
  return {
    ...room,
    bookings,
    index: {
      starts: index.starts.slice(cut),
      ends: index.ends.slice(cut),
      ids: index.ids.slice(cut),
    },
  };
}

/**
 * Folds the rooms' events with `foldBookingEvents` and drops the bookings that ended more than
 * {@link UPCOMING_KEEP} before the latest `now` (events about a dropped booking change nothing).
 *
 * @example
 * const door = await openProjection(store, upcomingBookingsProjection);
 * todaysBookings(door.state.bookings, 'A', now) // => the same list as from the full state
 */
export const upcomingBookingsProjection: Projection<UpcomingBookings> = {
  name: 'upcoming-bookings',
  version: 1,
  initial: { bookings: initialBookingState, now: 0 },
  fold: (state, events) => {
    let now = state.now;
    for (const e of events) if (e.now > now) now = e.now;
    const folded = foldBookingEvents(
      state.bookings,
      events.filter(isStoredBookingEvent).map((e) => e.data),
    );
    const horizon = now - UPCOMING_KEEP;
    const rooms = new Map<string, RoomState>();
    let changed = folded !== state.bookings;
    for (const [id, room] of folded.rooms) {
      const kept = prune(room, horizon);
      if (kept !== room) changed = true;
      rooms.set(id, kept);
    }
    return { bookings: changed ? { rooms } : state.bookings, now };
  },
  encode: (state) => ({ now: state.now, bookings: encodeBookingState(state.bookings) }),
  decode: (encoded) => {
    if (typeof encoded !== 'object' || encoded === null) return undefined;
    const { now, bookings } = encoded as { now?: unknown; bookings?: unknown };
    const decoded = decodeBookingState(bookings);
    return typeof now === 'number' && decoded !== undefined
      ? { bookings: decoded, now }
      : undefined;
  },
};
