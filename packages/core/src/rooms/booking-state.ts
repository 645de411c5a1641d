import {
  copyIndex,
  EMPTY_INDEX,
  insertEntry,
  removeEntry,
  type AvailabilityIndex,
  type MutableIndex,
} from './availability-index.js';
import { occupied, type Booking } from './booking.js';
import type { BookingEvent } from './booking-events.js';
import type { Room } from './room.js';

/** One room as the bookings decider knows it. */
export interface RoomState {
  readonly room: Room;
  /** Faulty equipment ids, with the note of the report. */
  readonly faulty: ReadonlyMap<string, string>;
  readonly bookings: ReadonlyMap<string, Booking>;
  /** The occupied intervals, kept in step with `bookings`. */
  readonly index: AvailabilityIndex;
  /** Per regular meeting, its current run of no-shows, oldest first. */
  readonly noShowRuns: ReadonlyMap<string, readonly string[]>;
}

/** The whole site: every room with its bookings. */
export interface BookingState {
  readonly rooms: ReadonlyMap<string, RoomState>;
}

/** A site with no rooms. */
export const initialBookingState: BookingState = { rooms: new Map() };

interface RoomDraft {
  room: Room;
  faulty: Map<string, string>;
  bookings: Map<string, Booking>;
  index: MutableIndex;
  noShowRuns: Map<string, readonly string[]>;
}

const draftOf = (s: RoomState): RoomDraft => ({
  room: s.room,
  faulty: new Map(s.faulty),
  bookings: new Map(s.bookings),
  index: copyIndex(s.index),
  noShowRuns: new Map(s.noShowRuns),
});

const newDraft = (room: Room): RoomDraft => ({
  room,
  faulty: new Map(),
  bookings: new Map(),
  index: copyIndex(EMPTY_INDEX),
  noShowRuns: new Map(),
});

/** Replaces a booking, keeping the index in step with what it occupies. */
function put(d: RoomDraft, before: Booking | undefined, after: Booking): void {
  const was = before && occupied(before);
  if (was) removeEntry(d.index, after.id, was.start);
  d.bookings.set(after.id, after);
  const now = occupied(after);
  if (now) insertEntry(d.index, { id: after.id, ...now });
}

function update(d: RoomDraft, bookingId: string, change: (b: Booking) => Booking): void {
  const before = d.bookings.get(bookingId);
  if (before) put(d, before, change(before));
}

/** Applies one event to a writable room; the decider guarantees the event fits the state. */
function apply(d: RoomDraft, e: BookingEvent): void {
  switch (e.type) {
    case 'RoomRegistered':
    case 'RoomUpdated':
      d.room = e.room;
      return;
    case 'EquipmentFaultReported':
      d.faulty.set(e.equipmentId, e.note);
      return;
    case 'EquipmentRepaired':
      d.faulty.delete(e.equipmentId);
      return;
    case 'BookingRequested':
    case 'RoomBooked':
      put(d, d.bookings.get(e.booking.id), e.booking);
      return;
    case 'BookingApproved':
      update(d, e.bookingId, (b) => ({ ...b, status: 'confirmed' }));
      return;
    case 'BookingDeclined':
      update(d, e.bookingId, (b) => ({ ...b, status: 'declined', reason: e.reason }));
      return;
    case 'BookingChanged':
      update(d, e.bookingId, (b) => ({
        ...b,
        start: e.start,
        end: e.end,
        headcount: e.headcount,
        topic: e.topic,
        equipment: e.equipment,
        status: e.pending ? 'pending' : b.status,
      }));
      return;
    case 'BookingCancelled':
      update(d, e.bookingId, (b) => ({
        ...b,
        status: 'cancelled',
        cancelledAt: e.at,
        lateCancellation: e.late,
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      }));
      return;
    case 'BookingCheckedIn':
      update(d, e.bookingId, (b) => {
        if (b.seriesId !== undefined) d.noShowRuns.delete(b.seriesId);
        return { ...b, status: 'checked-in', checkedInAt: e.at };
      });
      return;
    case 'BookingReleased':
      update(d, e.bookingId, (b) => {
        if (b.seriesId !== undefined)
          d.noShowRuns.set(b.seriesId, [...(d.noShowRuns.get(b.seriesId) ?? []), b.id]);
        return { ...b, status: 'released', freedAt: e.at };
      });
      return;
    case 'SeriesNoShowsFlagged':
    case 'SeriesBooked':
      return;
    case 'BookingExtended':
      update(d, e.bookingId, (b) => ({ ...b, end: e.end }));
      return;
    case 'BookingEndedEarly':
      update(d, e.bookingId, (b) => ({ ...b, status: 'ended', freedAt: e.at }));
      return;
    default: {
      const never: never = e;
      throw new TypeError(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

function draftFor(
  drafts: Map<string, RoomDraft>,
  state: BookingState,
  e: BookingEvent,
): RoomDraft | undefined {
  let d = drafts.get(e.roomId);
  if (d === undefined) {
    const existing = state.rooms.get(e.roomId);
    if (existing) d = draftOf(existing);
    else if (e.type === 'RoomRegistered') d = newDraft(e.room);
    else return undefined;
    drafts.set(e.roomId, d);
  }
  return d;
}

/**
 * Folds many events into the state at once: each touched room is copied once, so a year of a
 * room's log folds in `O(n log n)`, not `O(n²)`. Events for an unknown room are ignored.
 *
 * @param events - events in log order
 * @param state - where to start (default: a site with no rooms)
 * @returns the new state; `state` itself is not changed
 * @example
 * foldBookingEvents([{ type: 'RoomRegistered', roomId: 'A', room }]).rooms.has('A') // => true
 */
export function foldBookingEvents(
  events: Iterable<BookingEvent>,
  state: BookingState = initialBookingState,
): BookingState {
  const drafts = new Map<string, RoomDraft>();
  for (const e of events) {
    const d = draftFor(drafts, state, e);
    if (d) apply(d, e);
  }
  if (drafts.size === 0) return state;
  const rooms = new Map(state.rooms);
  for (const [id, d] of drafts) rooms.set(id, d);
  return { rooms };
}

/**
 * Applies one event (DESIGN: `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event the decider produced
 * @returns the next state
 * @example
 * evolveBookings(initialBookingState, { type: 'RoomRegistered', roomId: 'A', room }).rooms.size // => 1
 */
export function evolveBookings(state: BookingState, event: BookingEvent): BookingState {
  return foldBookingEvents([event], state);
}
