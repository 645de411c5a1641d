import type { RuleId } from '../rejection/rejection.js';
import type { Instant } from '../time/instant.js';
import type { Alternatives } from './suggestions.js';
import type { Booking } from './booking.js';
import type { Room } from './room.js';

/** A room was added to the site. */
export interface RoomRegistered {
  readonly type: 'RoomRegistered';
  readonly roomId: string;
  readonly room: Room;
}
/** A room's description changed. */
export interface RoomUpdated {
  readonly type: 'RoomUpdated';
  readonly roomId: string;
  readonly room: Room;
}
/** A piece of equipment was reported faulty: it is not offered until repaired. */
export interface EquipmentFaultReported {
  readonly type: 'EquipmentFaultReported';
  readonly roomId: string;
  readonly equipmentId: string;
  readonly note: string;
  readonly reportedBy: string;
  readonly at: Instant;
}
/** A faulty piece of equipment was repaired. */
export interface EquipmentRepaired {
  readonly type: 'EquipmentRepaired';
  readonly roomId: string;
  readonly equipmentId: string;
  readonly by: string;
  readonly at: Instant;
}
/** A booking waits for the room admin's approval, holding its interval. */
export interface BookingRequested {
  readonly type: 'BookingRequested';
  readonly roomId: string;
  readonly booking: Booking;
}
/** A booking is confirmed, or made at the door. */
export interface RoomBooked {
  readonly type: 'RoomBooked';
  readonly roomId: string;
  readonly booking: Booking;
}
/** The room admin approved a pending booking. */
export interface BookingApproved {
  readonly type: 'BookingApproved';
  readonly roomId: string;
  readonly bookingId: string;
  readonly by: string;
  readonly at: Instant;
}
/** The room admin declined a pending booking; its interval is free. */
export interface BookingDeclined {
  readonly type: 'BookingDeclined';
  readonly roomId: string;
  readonly bookingId: string;
  readonly by: string;
  readonly reason: string;
  readonly at: Instant;
}
/** A booking's time, size, topic or equipment changed. */
export interface BookingChanged {
  readonly type: 'BookingChanged';
  readonly roomId: string;
  readonly bookingId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly headcount: number;
  readonly topic: string;
  readonly equipment: Booking['equipment'];
  /** A change in a room that needs approval waits for it again. */
  readonly pending: boolean;
  readonly by: string;
}
/** A booking was cancelled; `late` when within the notice period. */
export interface BookingCancelled {
  readonly type: 'BookingCancelled';
  readonly roomId: string;
  readonly bookingId: string;
  readonly by: string;
  readonly late: boolean;
  readonly at: Instant;
  readonly reason?: string;
}
/** Someone checked in at the door. */
export interface BookingCheckedIn {
  readonly type: 'BookingCheckedIn';
  readonly roomId: string;
  readonly bookingId: string;
  readonly at: Instant;
}
/** Not checked in by the window's end: kept as a no-show, the rest of its time free. */
export interface BookingReleased {
  readonly type: 'BookingReleased';
  readonly roomId: string;
  readonly bookingId: string;
  /** The end of the check-in window: the moment the rest was freed. */
  readonly at: Instant;
}
/** A regular meeting missed its check-in too many times in a row: tell its organizer. */
export interface SeriesNoShowsFlagged {
  readonly type: 'SeriesNoShowsFlagged';
  readonly roomId: string;
  readonly seriesId: string;
  readonly organizerId: string;
  readonly bookingIds: readonly string[];
}
/** A meeting in progress was extended. */
export interface BookingExtended {
  readonly type: 'BookingExtended';
  readonly roomId: string;
  readonly bookingId: string;
  readonly end: Instant;
  readonly by: string;
}
/** A meeting in progress ended early; the rest is free. */
export interface BookingEndedEarly {
  readonly type: 'BookingEndedEarly';
  readonly roomId: string;
  readonly bookingId: string;
  readonly at: Instant;
  readonly by: string;
}

/** A regular meeting's occurrences were booked: which, and which were not and why. */
export interface SeriesBooked {
  readonly type: 'SeriesBooked';
  readonly roomId: string;
  readonly seriesId: string;
  readonly bookingIds: readonly string[];
  readonly skipped: readonly SkippedOccurrence[];
}

/**
 * An occurrence of a series that was not booked (its id `<seriesId>@<YYYY-MM-DD>`), the rule that
 * refused it, and, when its room was busy, what a single booking would be offered instead: the
 * nearest free slots that day in the same room, and other rooms free at that time.
 */
export interface SkippedOccurrence {
  readonly bookingId: string;
  readonly start: Instant;
  readonly rule: RuleId;
  readonly code: string;
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  /** For a busy room (`booking.room-busy`): the nearest free slots and other free rooms. */
  readonly alternatives?: Alternatives;
}

/** Every event of the rooms and bookings context; each belongs to the stream `room:<roomId>`. */
export type BookingEvent =
  | RoomRegistered
  | RoomUpdated
  | EquipmentFaultReported
  | EquipmentRepaired
  | BookingRequested
  | RoomBooked
  | BookingApproved
  | BookingDeclined
  | BookingChanged
  | BookingCancelled
  | BookingCheckedIn
  | BookingReleased
  | SeriesNoShowsFlagged
  | BookingExtended
  | BookingEndedEarly
  | SeriesBooked;

/**
 * The stream an event of this context belongs to.
 *
 * @param e - the event
 * @returns `room:<roomId>`
 * @example
 * bookingStreamOf({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 }) // => 'room:A'
 */
export function bookingStreamOf(e: BookingEvent): string {
  return `room:${e.roomId}`;
}

/** Every event type of the rooms and bookings context, for routing and projections. */
export const BOOKING_EVENT_TYPES = [
  'RoomRegistered',
  'RoomUpdated',
  'EquipmentFaultReported',
  'EquipmentRepaired',
  'BookingRequested',
  'RoomBooked',
  'BookingApproved',
  'BookingDeclined',
  'BookingChanged',
  'BookingCancelled',
  'BookingCheckedIn',
  'BookingReleased',
  'SeriesNoShowsFlagged',
  'BookingExtended',
  'BookingEndedEarly',
  'SeriesBooked',
] as const satisfies readonly BookingEvent['type'][];

// A new booking event type that is missing above fails to compile here.
type Missing = Exclude<BookingEvent['type'], (typeof BOOKING_EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const bookingTypes: ReadonlySet<string> = new Set(BOOKING_EVENT_TYPES);

/**
 * Whether an event belongs to the rooms and bookings context.
 *
 * @param e - any event with a type
 * @returns true for the types of {@link BOOKING_EVENT_TYPES}
 * @example
 * isBookingEvent({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 }) // => true
 */
export function isBookingEvent(e: { readonly type: string }): e is BookingEvent {
  return bookingTypes.has(e.type);
}
