import type { PolicyParameters } from '../policy/parameters.js';
import { MINUTE, type Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import { freeSlots, isFree } from './availability-index.js';
import type { BookingState, RoomState } from './booking-state.js';
import { checkBooking, type BookingRequest } from './check-booking.js';
import { openSpansOn } from './room.js';
import type { EquipmentKind } from './room.js';

/** What a busy answer offers instead. */
export interface Alternatives {
  /** The nearest free slots of the same length in the same room that day, nearest first. */
  readonly slots: readonly Interval[];
  /** Other rooms that fit the headcount and equipment and are free then, smallest first. */
  readonly rooms: readonly {
    readonly roomId: string;
    readonly name: string;
    readonly capacity: number;
  }[];
}

/**
 * The nearest free slots of the same length in a room on the request's day, which pass every rule.
 *
 * @param rs - the room
 * @param request - what was asked
 * @param policy - the parameters in force
 * @param now - the moment of the request
 * @param limit - how many (default 3)
 * @returns slots, nearest to the requested start first
 * @example
 * nearestSlots(roomState, request, DEFAULT_PARAMETERS, now) // => [{ start: 10:00, end: 11:00 }, …]
 */
export function nearestSlots(
  rs: RoomState,
  request: BookingRequest,
  policy: PolicyParameters,
  now: Instant,
  limit = 3,
): Interval[] {
  const length = request.end - request.start;
  const buffer = policy.rooms.bufferMinutes * MINUTE;
  const candidates: Interval[] = [];
  for (const open of openSpansOn(rs.room, request.start, policy.time.zone)) {
    for (const gap of freeSlots(rs.index, open, { buffer, minLength: length })) {
      const start = Math.min(Math.max(request.start, gap.start), gap.end - length);
      candidates.push({ start, end: start + length });
    }
  }
  return candidates
    .filter(
      (c) =>
        checkBooking(rs.room, rs.index, { ...request, ...c }, policy, { now, faulty: rs.faulty })
          .length === 0,
    )
    .sort((a, b) => Math.abs(a.start - request.start) - Math.abs(b.start - request.start))
    .slice(0, limit);
}

/**
 * Other rooms where a request would be accepted as it stands, smallest adequate room first.
 *
 * @param state - the site
 * @param exceptRoomId - the room that was busy
 * @param request - what was asked
 * @param policyFor - the parameters in force for a room
 * @param now - the moment of the request
 * @returns the rooms
 * @example
 * otherRooms(state, 'A', request, () => DEFAULT_PARAMETERS, now) // => [{ roomId: 'B', name: '二号会议室', capacity: 10 }]
 */
export function otherRooms(
  state: BookingState,
  exceptRoomId: string,
  request: BookingRequest,
  policyFor: (roomId: string) => PolicyParameters,
  now: Instant,
): Alternatives['rooms'] {
  const out: { roomId: string; name: string; capacity: number }[] = [];
  for (const [roomId, rs] of state.rooms) {
    if (roomId === exceptRoomId) continue;
    if (
      checkBooking(rs.room, rs.index, request, policyFor(roomId), { now, faulty: rs.faulty })
        .length === 0
    ) {
      out.push({ roomId, name: rs.room.name, capacity: rs.room.capacity });
    }
  }
  return out.sort((a, b) => a.capacity - b.capacity || a.roomId.localeCompare(b.roomId));
}

/** What a room must offer to be of use now: seats and working equipment. */
export interface RoomNeeds {
  readonly headcount?: number;
  readonly equipment?: readonly EquipmentKind[];
}

/**
 * Which rooms are free for an interval (now, say) and fit the headcount and working equipment,
 * each in `O(log n)`: the door's "find another room".
 *
 * @param state - the site
 * @param interval - when
 * @param needs - headcount and equipment (both optional)
 * @param bufferMinutes - the gap kept between bookings (default 0)
 * @returns the ids of the rooms, in the state's order
 * @example
 * roomsFree(state, { start: now, end: now + 1_800_000 }, { headcount: 6, equipment: ['screen'] }) // => ['B', 'D']
 */
export function roomsFree(
  state: BookingState,
  interval: Interval,
  needs: RoomNeeds = {},
  bufferMinutes = 0,
): string[] {
  const out: string[] = [];
  const headcount = needs.headcount ?? 1;
  const equipment = needs.equipment ?? [];
  for (const [roomId, rs] of state.rooms) {
    if (rs.room.capacity < headcount) continue;
    if (
      !equipment.every((k) => rs.room.equipment.some((e) => e.kind === k && !rs.faulty.has(e.id)))
    )
      continue;
    if (isFree(rs.index, interval, bufferMinutes * MINUTE)) out.push(roomId);
  }
  return out;
}
