import {
  copyIndex,
  EMPTY_INDEX,
  placeEntry,
  removeEntry,
  type AvailabilityIndex,
  type MutableIndex,
} from './availability-index.js';
import { occupied, type Booking } from './booking.js';
import type { BookingEvent } from './booking-events.js';
import type { Room } from './room.js';
import type { Instant } from '../time/instant.js';

/**
 * Two bookings of one room that the log holds overlapping (R-2 says they never do, but two doors
 * that decided against the same state, or an old import, can still write them): both are kept,
 * the later one as `bookingId`, the one it overlaps as `withId`. Nothing new is let in over either.
 */
export interface BookingConflict {
  /** The booking that came second in the log. */
  readonly bookingId: string;
  /** The booking it overlaps. */
  readonly withId: string;
  /** Where they overlapped when the second came. */
  readonly start: Instant;
  readonly end: Instant;
}

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
  /** The overlapping bookings the log holds, in the order they came; absent when none. */
  readonly conflicts?: readonly BookingConflict[];
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
  conflicts?: BookingConflict[];
}

const draftOf = (s: RoomState): RoomDraft => ({
  room: s.room,
  faulty: new Map(s.faulty),
  bookings: new Map(s.bookings),
  index: copyIndex(s.index),
  noShowRuns: new Map(s.noShowRuns),
  ...(s.conflicts && s.conflicts.length > 0 ? { conflicts: [...s.conflicts] } : {}),
});

const newDraft = (room: Room): RoomDraft => ({
  room,
  faulty: new Map(),
  bookings: new Map(),
  index: copyIndex(EMPTY_INDEX),
  noShowRuns: new Map(),
});

/**
 * Replaces a booking, keeping the index in step with what it occupies. A booking that overlaps
 * another is kept all the same (the log is the truth of what was decided), and the pair recorded
 * as a conflict, once.
 */
function put(d: RoomDraft, before: Booking | undefined, after: Booking): void {
  const was = before && occupied(before);
  if (was) removeEntry(d.index, after.id, was.start);
  d.bookings.set(after.id, after);
  const now = occupied(after);
  if (!now) return;
  const clash = placeEntry(d.index, { id: after.id, ...now });
  if (!clash) return;
  const known = d.conflicts?.some(
    (c) =>
      (c.bookingId === after.id && c.withId === clash.id) ||
      (c.bookingId === clash.id && c.withId === after.id),
  );
  if (known) return;
  (d.conflicts ??= []).push({
    bookingId: after.id,
    withId: clash.id,
    start: Math.max(now.start, clash.start),
    end: Math.min(now.end, clash.end),
  });
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
      // An event of a later version (or not of this context): what this code does not know, it
      // leaves as it is. The switch stays exhaustive for the compiler.
      const never: never = e;
      return never;
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
 * Whether an event has what its fold reads: the log may hold anything (an older version, an
 * import, a bug), and a fold goes past what it cannot read rather than throw.
 */
function isFoldable(e: BookingEvent): boolean {
  if (typeof e !== 'object' || e === null || typeof e.roomId !== 'string') return false;
  if (e.type === 'RoomRegistered' || e.type === 'RoomUpdated')
    return typeof e.room === 'object' && e.room !== null;
  if (e.type === 'BookingRequested' || e.type === 'RoomBooked') {
    const b = e.booking as Partial<Booking> | undefined;
    return (
      typeof b === 'object' &&
      b !== null &&
      typeof b.id === 'string' &&
      typeof b.start === 'number' &&
      typeof b.end === 'number'
    );
  }
  return true;
}

/**
 * Folds many events into the state at once: each touched room is copied once, so a year of a
 * room's log folds in `O(n log n)`, not `O(n²)`. Events for an unknown room are ignored. Total over
 * whatever a log holds: two bookings that overlap are both kept and recorded as a
 * {@link BookingConflict}; an event it cannot read is passed over. It never throws.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldBookingEvents(initialBookingState, [{ type: 'RoomRegistered', roomId: 'A', room }]).rooms.has('A') // => true
 */
export function foldBookingEvents(
  state: BookingState,
  events: Iterable<BookingEvent>,
): BookingState {
  const drafts = new Map<string, RoomDraft>();
  for (const e of events) {
    if (!isFoldable(e)) continue;
    const d = draftFor(drafts, state, e);
    if (d) apply(d, e);
  }
  if (drafts.size === 0) return state;
  const rooms = new Map(state.rooms);
  for (const [id, d] of drafts) {
    if (d.index.overlaps?.length === 0) delete d.index.overlaps;
    rooms.set(id, d);
  }
  return { rooms };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event the decider produced
 * @returns the next state
 * @example
 * evolveBookings(initialBookingState, { type: 'RoomRegistered', roomId: 'A', room }).rooms.size // => 1
 */
export function evolveBookings(state: BookingState, event: BookingEvent): BookingState {
  return foldBookingEvents(state, [event]);
}

/**
 * The conflicts of a room that still stand: both bookings still hold time that overlaps (one
 * cancelled, ended or released before the other's start settles it). What the door shows, and
 * what a report lists for the room admin to settle.
 *
 * @param rs - the room
 * @returns the standing conflicts, where they overlap now, in the order they came
 * @example
 * standingConflicts(roomWithTwoBookingsOverlapping) // => [{ bookingId: 'b', withId: 'a', start, end }]
 */
export function standingConflicts(rs: RoomState): BookingConflict[] {
  const out: BookingConflict[] = [];
  for (const c of rs.conflicts ?? []) {
    const a = rs.bookings.get(c.bookingId);
    const b = rs.bookings.get(c.withId);
    const x = a && occupied(a);
    const y = b && occupied(b);
    if (!x || !y) continue;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ ...c, start, end });
  }
  return out;
}
