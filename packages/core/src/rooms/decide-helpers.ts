import type { PolicyLookup } from '../policy/policy-at.js';
import type { PolicyParameters } from '../policy/parameters.js';
import { hasRole, type Actor } from '../people/actor.js';
import type { Rejection } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import type { Booking } from './booking.js';
import { bookingRejections as why } from './booking-rejections.js';
import type { BookingState, RoomState } from './booking-state.js';
import { checkBooking, type BookingRequest } from './check-booking.js';
import { nearestSlots, otherRooms } from './suggestions.js';

/** Whether the actor is the room admin. */
export const isAdmin = (a: Actor): boolean => hasRole(a, 'room-admin');

/** The first rule a request breaks; a busy room comes with alternatives. */
export function firstRejection(
  state: BookingState,
  rs: RoomState,
  request: BookingRequest & { readonly id?: string },
  params: PolicyParameters,
  policy: PolicyLookup,
  now: Instant,
): Rejection | undefined {
  const rejections = checkBooking(rs.room, rs.index, request, params, {
    now,
    faulty: rs.faulty,
    ...(request.id === undefined ? {} : { ignoreId: request.id }),
  });
  const first = rejections[0];
  if (!first || first.code !== 'booking.room-busy') return first;
  const slots = nearestSlots(rs, request, params, now);
  const rooms = otherRooms(state, rs.room.id, request, (roomId) => policy(now, { roomId }), now);
  return why.busy(
    rs.room.name,
    first.data['conflict'] as { start: Instant; end: Instant },
    params.time.zone,
    {
      slots,
      rooms,
    },
  );
}

/** A booking by id, in any room. */
export function findBooking(state: BookingState, bookingId: string): Booking | undefined {
  for (const rs of state.rooms.values()) {
    const b = rs.bookings.get(bookingId);
    if (b) return b;
  }
  return undefined;
}

/** A repeated request: the same booking asked for again (a double tap, a retried call). */
export const sameRequest = (a: Booking, b: Booking): boolean =>
  a.roomId === b.roomId &&
  a.organizerId === b.organizerId &&
  a.topic === b.topic &&
  a.headcount === b.headcount &&
  a.start === b.start &&
  a.end === b.end &&
  sameJson(a.equipment, b.equipment) &&
  a.confidential === b.confidential;

/** Whether two values serialise alike: room descriptions, equipment lists. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
