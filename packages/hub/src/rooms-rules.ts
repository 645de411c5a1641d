import {
  createBookingDecider,
  foldBookingEvents,
  occupied,
  parseBookingCommand,
  bookingStreamOf,
  type Booking,
  type BookingCommand,
  type BookingEvent,
  type BookingState,
  type PolicyLookup,
  type Room,
} from '@huiyi/core';
import type { HubDecider } from './hub-decider.js';
import type { HubRules } from './hub-rules.js';
import type { BookingRow, ReadModelRows, RoomRow } from './read-model-rows.js';

/** What a door does at its room (K-2): it books, checks in, extends, ends and reports faults. */
const DOOR_COMMANDS = new Set<string>([
  'WalkUp',
  'CheckIn',
  'ExtendBooking',
  'EndEarly',
  'ReportEquipmentFault',
  'RequestBooking',
  'ChangeBooking',
  'CancelBooking',
]);

/** What only the room admin's systems do. */
const ADMIN_COMMANDS = new Set<string>([
  'RegisterRoom',
  'UpdateRoom',
  'ApproveBooking',
  'DeclineBooking',
  'RepairEquipment',
  'ReleaseNoShows',
]);

/** The room a booking command acts on. */
function roomOfBookingCommand(c: BookingCommand): string | undefined {
  switch (c.type) {
    case 'RegisterRoom':
    case 'UpdateRoom':
      return c.room.id;
    case 'ReleaseNoShows':
      return c.roomId;
    default:
      return c.roomId;
  }
}

/**
 * The rooms and bookings decider of `@huiyi/core` behind the hub's port: every booking command,
 * serialized per room.
 *
 * @param policy - the policy lookup (default: the policy's defaults)
 * @returns the decider port
 * @example
 * roomsHubDecider().roomOf({ type: 'CheckIn', roomId: 'A', … }) // => 'A'
 */
export function roomsHubDecider(
  policy?: PolicyLookup,
): HubDecider<BookingCommand, BookingEvent, BookingState> {
  const decider = createBookingDecider(policy);
  return {
    initialState: decider.initialState,
    parse: parseBookingCommand,
    decide: (command, state) => decider.decide(command, state),
    fold: (events, state) => (events.length === 0 ? state : foldBookingEvents(state, events)),
    streamOf: bookingStreamOf,
    roomOf: (command) => roomOfBookingCommand(command),
  };
}

const bookingIdsOf = (e: { readonly type: string }): string[] => {
  const o = e as unknown as Record<string, unknown>;
  const ids: string[] = [];
  if (typeof o['bookingId'] === 'string') ids.push(o['bookingId']);
  const b = o['booking'];
  if (typeof b === 'object' && b !== null && typeof (b as Booking).id === 'string')
    ids.push((b as Booking).id);
  const many = o['bookingIds'];
  if (Array.isArray(many)) for (const x of many) if (typeof x === 'string') ids.push(x);
  const bookings = o['bookings'];
  if (Array.isArray(bookings))
    for (const x of bookings)
      if (typeof (x as Booking).id === 'string') ids.push((x as Booking).id);
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
 * The rooms context's rules at the hub: the door's commands (K-2), the admin's,
 * redaction of confidential bookings for doors (S-4, R-8) and the `rm_rooms` / `rm_bookings` rows.
 *
 * @param policy - the policy lookup (default: the policy's defaults)
 * @returns the rules
 * @example
 * roomsHubRules().doorCommands.has('WalkUp') // => true
 */
export function roomsHubRules(
  policy?: PolicyLookup,
): HubRules<BookingCommand, BookingEvent, BookingState> {
  return {
    decider: roomsHubDecider(policy),
    doorCommands: DOOR_COMMANDS,
    adminCommands: ADMIN_COMMANDS,
    // The rooms alone hold no directory: a door or an `act` key acts with no standing role.
    directoryRoles: () => undefined,
    doorSees: () => false,
    isConfidential: (bookingId, state) => findBooking(state, bookingId)?.confidential === true,
    redactForDoor: redactBookingForDoor,
    readModelRows: bookingReadModelRows,
  };
}

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
  if (b && typeof b === 'object' && b.confidential && typeof b.topic === 'string') {
    return { ...event, booking: { ...b, topic: '' } };
  }
  if (
    typeof o['topic'] === 'string' &&
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
        (typeof roomId === 'string' ? state.rooms.get(roomId)?.bookings.get(id) : undefined) ??
        findBooking(state, id);
      if (b) bookings.set(id, bookingRow(b));
    }
  }
  return { rooms: [...rooms.values()], bookings: [...bookings.values()] };
}
