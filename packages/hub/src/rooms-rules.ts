import {
  createBookingDecider,
  foldBookingEvents,
  occupied,
  parseBookingCommand,
  streamOf,
  type Booking,
  type BookingCommand,
  type BookingEvent,
  type BookingState,
  type PolicyLookup,
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
    fold: (events, state) => (events.length === 0 ? state : foldBookingEvents(events, state)),
    streamOf,
    roomOf: roomOfBookingCommand,
  };
}

const bookingIdsOf = (e: BookingEvent): string[] => {
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

const bookingRow = (b: Booking): BookingRow => {
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

const findBooking = (state: BookingState, bookingId: string): Booking | undefined => {
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
    isConfidential: (bookingId, state) => findBooking(state, bookingId)?.confidential === true,
    redactForDoor(event, state) {
      const o = event as unknown as Record<string, unknown>;
      const b = o['booking'] as Booking | undefined;
      if (b && typeof b === 'object' && b.confidential) {
        return { ...event, booking: { ...b, topic: '' } } as BookingEvent;
      }
      if (
        typeof o['topic'] === 'string' &&
        typeof o['bookingId'] === 'string' &&
        findBooking(state, o['bookingId'])?.confidential === true
      ) {
        return { ...event, topic: '' } as BookingEvent;
      }
      return event;
    },
    readModelRows(events, state): ReadModelRows {
      const rooms = new Map<string, RoomRow>();
      const bookings = new Map<string, BookingRow>();
      for (const e of events) {
        if (e.type === 'RoomRegistered' || e.type === 'RoomUpdated') {
          const r = e.room;
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
          const b = state.rooms.get(e.roomId)?.bookings.get(id) ?? findBooking(state, id);
          if (b) bookings.set(id, bookingRow(b));
        }
      }
      return { rooms: [...rooms.values()], bookings: [...bookings.values()] };
    },
  };
}
