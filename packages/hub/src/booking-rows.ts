// What the hub does with the rooms' part of the dealership's state besides deciding (the
// dealership decider of `@huiyi/core` decides every command; see dealership-rules.ts): the
// `rm_rooms` / `rm_bookings` rows an event leaves, and a booking event as a door may read it.
import { occupied, type Booking, type BookingState, type Room } from '@huiyi/core';
import type { BookingRow, ReadModelRows, RoomRow } from './read-model-rows.js';

const bookingIdsOf = (e: { readonly type: string }): string[] => {
  const o = e as unknown as Record<string, unknown>;
  // Stryker disable next-line ArrayDeclaration: an id no booking has finds no booking and leaves no row
  const ids: string[] = [];
  // Stryker disable next-line ConditionalExpression: an id that is not text finds no booking, and an event without one leaves no row either way
  if (typeof o['bookingId'] === 'string') ids.push(o['bookingId']);
  const b = o['booking'];
  // Stryker disable next-line ConditionalExpression: an id that is not text finds no booking, and an event without one leaves no row either way (no event carries a null booking)
  if (typeof b === 'object' && b !== null && typeof (b as Booking).id === 'string')
    ids.push((b as Booking).id);
  // Stryker disable next-line StringLiteral,ConditionalExpression,EqualityOperator: the two events that list bookings (SeriesBooked, SeriesNoShowsFlagged) change none of them: each booking's row is written by its own event (RoomBooked, BookingReleased)
  const many = o['bookingIds'];
  // Stryker disable next-line StringLiteral,ConditionalExpression,EqualityOperator: as above
  if (Array.isArray(many)) for (const x of many) if (typeof x === 'string') ids.push(x);
  return ids;
};

/** The `rm_bookings` row of a booking. */
export const bookingRow = (b: Booking): BookingRow => {
  const occ = occupied(b);
  return {
    booking_id: b.id,
    room_id: b.roomId,
    organizer_id: b.organizerId,
    topic: b.topic,
    headcount: b.headcount,
    start_at: b.start,
    end_at: b.end,
    status: b.status,
    confidential: b.confidential,
    walk_up: b.walkUp,
    occ_start: occ ? occ.start : null,
    occ_end: occ ? occ.end : null,
  };
};

/** A booking by id in any room. */
export const findBooking = (state: BookingState, bookingId: string): Booking | undefined => {
  for (const rs of state.rooms.values()) {
    const b = rs.bookings.get(bookingId);
    if (b) return b;
  }
  return undefined;
};

/**
 * A booking event as a door may read it: a confidential booking's topic removed (S-4, R-8).
 *
 * @param event - any event (events that are not about a booking pass as they are)
 * @param state - the rooms' state, to tell whether the booking is confidential
 * @returns the event, redacted when it must be
 * @example
 * redactBookingForDoor({ type: 'RoomBooked', roomId: 'C', booking: { …, topic: '审计', confidential: true } }, state).booking.topic // => ''
 */
export function redactBookingForDoor<E extends { readonly type: string }>(
  event: E,
  state: BookingState,
): E {
  const o = event as unknown as Record<string, unknown>;
  const b = o['booking'] as Booking | undefined;
  if (b?.confidential === true) {
    return { ...event, booking: { ...b, topic: '' } };
  }
  if (
    typeof o['topic'] === 'string' &&
    // Stryker disable next-line ConditionalExpression: an event without a booking id finds no booking
    typeof o['bookingId'] === 'string' &&
    findBooking(state, o['bookingId'])?.confidential === true
  ) {
    return { ...event, topic: '' };
  }
  return event;
}

/**
 * The `rm_rooms` and `rm_bookings` rows the events touched, as they stand in `state`.
 *
 * @param events - the events of one command (any context's: others are skipped)
 * @param state - the rooms' state after them
 * @returns the rows to upsert
 * @example
 * bookingReadModelRows([{ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at }], state).bookings[0].status // => 'checked-in'
 */
export function bookingReadModelRows(
  events: readonly { readonly type: string }[],
  state: BookingState,
): ReadModelRows {
  const rooms = new Map<string, RoomRow>();
  const bookings = new Map<string, BookingRow>();
  for (const e of events) {
    if (e.type === 'RoomRegistered' || e.type === 'RoomUpdated') {
      const r = (e as unknown as { room: Room }).room;
      rooms.set(r.id, {
        room_id: r.id,
        name: r.name,
        location: r.location ?? '',
        capacity: r.capacity,
        confidential: r.confidential,
        walk_up: r.walkUp,
      });
    }
    for (const id of bookingIdsOf(e)) {
      const roomId = (e as { roomId?: unknown }).roomId;
      const b =
        // Stryker disable next-line all: booking ids are unique across rooms (R-2 refuses an id in use), so the event's room only spares a walk over the rooms
        (typeof roomId === 'string' ? state.rooms.get(roomId)?.bookings.get(id) : undefined) ??
        findBooking(state, id);
      if (b) bookings.set(id, bookingRow(b));
    }
  }
  return { rooms: [...rooms.values()], bookings: [...bookings.values()] };
}
