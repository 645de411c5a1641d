import {
  BOOKING_EVENT_TYPES,
  foldBookingEvents,
  initialBookingState,
  type AvailabilityIndex,
  type Booking,
  type BookingConflict,
  type BookingEvent,
  type BookingState,
  type DomainEvent,
  type IndexEntry,
  type Room,
  type RoomState,
  type StoredEvent,
} from '@huiyi/core';
import type { Projection } from './projection.js';

const bookingTypes: ReadonlySet<string> = new Set(BOOKING_EVENT_TYPES);

/**
 * Whether a stored event belongs to the rooms and bookings context.
 *
 * @param e - an event of the log
 * @returns true for the types of `BOOKING_EVENT_TYPES` (from `@huiyi/core`)
 * @example
 * isStoredBookingEvent({ type: 'BookingCheckedIn', … }) // => true
 */
export function isStoredBookingEvent(e: StoredEvent<DomainEvent>): e is StoredEvent<BookingEvent> {
  return bookingTypes.has(e.type) && bookingTypes.has(e.data.type);
}

/** One room as saved: Maps as entry lists. */
export interface EncodedRoom {
  readonly room: Room;
  readonly faulty: readonly (readonly [string, string])[];
  readonly bookings: readonly Booking[];
  readonly index: AvailabilityIndex;
  readonly noShowRuns: readonly (readonly [string, readonly string[]])[];
  /** The overlapping bookings the log holds (absent when none). */
  readonly conflicts?: readonly BookingConflict[];
}

/** The bookings state as saved. */
export interface EncodedBookingState {
  readonly rooms: readonly (readonly [string, EncodedRoom])[];
}

/**
 * Encodes the bookings state for saving: every Map as a list of entries, the availability index
 * as it is (its arrays are already plain).
 *
 * @param state - the state
 * @returns the JSON-compatible form
 * @example
 * encodeBookingState(initialBookingState) // => { rooms: [] }
 */
export function encodeBookingState(state: BookingState): EncodedBookingState {
  return {
    rooms: [...state.rooms].map(([id, r]) => [
      id,
      {
        room: r.room,
        faulty: [...r.faulty],
        bookings: [...r.bookings.values()],
        index: {
          starts: r.index.starts,
          ends: r.index.ends,
          ids: r.index.ids,
          ...(r.index.overlaps?.length ? { overlaps: r.index.overlaps } : {}),
        },
        noShowRuns: [...r.noShowRuns],
        ...(r.conflicts?.length ? { conflicts: r.conflicts } : {}),
      },
    ]),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPair = (v: unknown): v is readonly [string, unknown] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string';
const isStringList = (v: unknown): v is readonly string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumberList = (v: unknown): v is readonly number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number');

const isEntry = (v: unknown): boolean =>
  isObject(v) &&
  typeof v['id'] === 'string' &&
  typeof v['start'] === 'number' &&
  typeof v['end'] === 'number';
const isConflict = (v: unknown): boolean =>
  isObject(v) &&
  typeof v['bookingId'] === 'string' &&
  typeof v['withId'] === 'string' &&
  typeof v['start'] === 'number' &&
  typeof v['end'] === 'number';

function decodeRoom(v: unknown): RoomState | undefined {
  if (!isObject(v) || !isObject(v['room']) || typeof v['room']['id'] !== 'string') return undefined;
  const { faulty, bookings, index, noShowRuns, conflicts } = v;
  if (!Array.isArray(faulty) || !faulty.every((f) => isPair(f) && typeof f[1] === 'string'))
    return undefined;
  if (
    !Array.isArray(bookings) ||
    !bookings.every((b) => isObject(b) && typeof b['id'] === 'string')
  )
    return undefined;
  if (!Array.isArray(noShowRuns) || !noShowRuns.every((r) => isPair(r) && isStringList(r[1])))
    return undefined;
  if (
    !isObject(index) ||
    !isNumberList(index['starts']) ||
    !isNumberList(index['ends']) ||
    !isStringList(index['ids']) ||
    index['starts'].length !== index['ids'].length ||
    index['ends'].length !== index['ids'].length
  )
    return undefined;
  const overlaps = index['overlaps'];
  if (overlaps !== undefined && !(Array.isArray(overlaps) && overlaps.every(isEntry)))
    return undefined;
  if (conflicts !== undefined && !(Array.isArray(conflicts) && conflicts.every(isConflict)))
    return undefined;
  return {
    room: v['room'] as unknown as Room,
    faulty: new Map(faulty as [string, string][]),
    bookings: new Map((bookings as unknown as Booking[]).map((b) => [b.id, b])),
    index: {
      starts: index['starts'],
      ends: index['ends'],
      ids: index['ids'],
      ...(overlaps?.length ? { overlaps: overlaps as IndexEntry[] } : {}),
    },
    noShowRuns: new Map(noShowRuns as [string, string[]][]),
    ...(conflicts?.length ? { conflicts: conflicts as BookingConflict[] } : {}),
  };
}

/**
 * Decodes a saved bookings state; anything not of the encoded shape gives `undefined`.
 *
 * @param encoded - what {@link encodeBookingState} made (read back from storage)
 * @returns the state, or `undefined` when it does not parse
 * @example
 * decodeBookingState({ rooms: [] })?.rooms.size // => 0
 */
export function decodeBookingState(encoded: unknown): BookingState | undefined {
  if (!isObject(encoded) || !Array.isArray(encoded['rooms'])) return undefined;
  const rooms = new Map<string, RoomState>();
  for (const entry of encoded['rooms'] as unknown[]) {
    if (!isPair(entry)) return undefined;
    const room = decodeRoom(entry[1]);
    if (room === undefined) return undefined;
    rooms.set(entry[0], room);
  }
  return { rooms };
}

/**
 * The bookings projection: every room with its bookings and availability index, folded by
 * `foldBookingEvents` from the rooms' events of the log (others are ignored).
 *
 * @example
 * const view = await openProjection(store, bookingProjection);
 * view.state.rooms.get('A')?.bookings.size // => 2600
 */
export const bookingProjection: Projection<BookingState> = {
  name: 'bookings',
  version: 2,
  initial: initialBookingState,
  fold: (state, events) =>
    foldBookingEvents(
      state,
      events.filter(isStoredBookingEvent).map((e) => e.data),
    ),
  encode: encodeBookingState,
  decode: decodeBookingState,
};
