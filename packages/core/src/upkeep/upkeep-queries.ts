import type { Booking } from '../rooms/booking.js';
import type { EquipmentKind } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import type { CleaningProblem, FaultRecord } from './upkeep-records.js';
import { roomUpkeep, type UpkeepState } from './upkeep-state.js';

/** A faulty piece of equipment, with what it is. */
export interface FaultyItem extends FaultRecord {
  readonly kind: EquipmentKind;
  readonly label?: string;
}

/** One line of a booking's checklist: an item of a kind the meeting needs. */
export interface ChecklistItem {
  readonly equipmentId: string;
  readonly kind: EquipmentKind;
  readonly label?: string;
  /** Faulty until repaired: shown as such, never offered as working, not to be checked. */
  readonly fault?: FaultRecord;
}

/** A meeting that is over, was used, and whose organizer has not confirmed everything is off. */
export interface PowerOffPending {
  readonly roomId: string;
  readonly bookingId: string;
  readonly organizerId: string;
  /** When it ended: ended early, or its (extended) end. */
  readonly endedAt: Instant;
}

/** A problem reported in a room and not yet resolved. */
export interface OpenCleaningProblem extends CleaningProblem {
  readonly roomId: string;
}

/**
 * When a used booking ended: the moment it was ended early, else its (possibly extended) end.
 *
 * @param b - the booking
 * @returns the actual end
 * @example
 * actualEnd({ ...booking, status: 'ended', freedAt: t }) // => t
 */
export function actualEnd(b: Booking): Instant {
  return b.status === 'ended' && b.freedAt !== undefined ? b.freedAt : b.end;
}

/**
 * The faulty equipment of a room, in the room's order: what the door display shows.
 *
 * @param state - the upkeep state
 * @param roomId - the room
 * @returns each faulty item with its kind and the open fault
 * @example
 * faultyEquipment(state, 'A') // => [{ equipmentId: 'A-proj', kind: 'projector', note: '灯泡坏了', reportedBy: 'wang', at }]
 */
export function faultyEquipment(state: UpkeepState, roomId: string): FaultyItem[] {
  const rs = state.rooms.rooms.get(roomId);
  if (!rs) return [];
  const faults = roomUpkeep(state, roomId).faults;
  return rs.room.equipment.flatMap((item) => {
    const f = faults.get(item.id);
    if (f === undefined) return [];
    return [{ ...f, kind: item.kind, ...(item.label === undefined ? {} : { label: item.label }) }];
  });
}

/**
 * The checklist of a booking: every item in its room of the kinds it needs, faulty ones
 * marked with their fault. Those without a fault are the ones the organizer checks.
 *
 * @param state - the upkeep state
 * @param roomId - the booking's room
 * @param bookingId - the booking
 * @returns the lines, in the room's order; `undefined` when there is no such booking
 * @example
 * checklistFor(state, 'A', 'b1') // => [{ equipmentId: 'A-proj', kind: 'projector' }]
 */
export function checklistFor(
  state: UpkeepState,
  roomId: string,
  bookingId: string,
): ChecklistItem[] | undefined {
  const rs = state.rooms.rooms.get(roomId);
  const b = rs?.bookings.get(bookingId);
  if (!rs || !b) return undefined;
  const faults = roomUpkeep(state, roomId).faults;
  return rs.room.equipment
    .filter((item) => b.equipment.includes(item.kind))
    .map((item) => {
      const fault = faults.get(item.id);
      return {
        equipmentId: item.id,
        kind: item.kind,
        ...(item.label === undefined ? {} : { label: item.label }),
        ...(fault === undefined ? {} : { fault }),
      };
    });
}

/**
 * The meetings over by `now` that were used (checked in) and whose organizer has not confirmed
 * everything is off.
 *
 * @param state - the upkeep state
 * @param now - the moment asked about
 * @param roomId - one room, or every room when absent
 * @returns the meetings, by room, oldest first
 * @example
 * powerOffPending(state, now) // => [{ roomId: 'A', bookingId: 'b1', organizerId: 'wang', endedAt }]
 */
export function powerOffPending(
  state: UpkeepState,
  now: Instant,
  roomId?: string,
): PowerOffPending[] {
  const out: PowerOffPending[] = [];
  for (const rs of state.rooms.rooms.values()) {
    if (roomId !== undefined && rs.room.id !== roomId) continue;
    const confirmed = roomUpkeep(state, rs.room.id).powerOffs;
    const pending: PowerOffPending[] = [];
    for (const b of rs.bookings.values()) {
      if (b.checkedInAt === undefined || confirmed.has(b.id)) continue;
      if (b.status !== 'checked-in' && b.status !== 'ended') continue;
      const endedAt = actualEnd(b);
      if (endedAt > now) continue;
      pending.push({ roomId: b.roomId, bookingId: b.id, organizerId: b.organizerId, endedAt });
    }
    out.push(...pending.sort((a, b) => a.endedAt - b.endedAt));
  }
  return out;
}

/**
 * The problems reported and not yet resolved, oldest first.
 *
 * @param state - the upkeep state
 * @param roomId - one room, or every room when absent
 * @returns the open problems with their room
 * @example
 * openCleaningProblems(state, 'A') // => [{ roomId: 'A', problemId: 'p1', note: '地毯有污渍', … }]
 */
export function openCleaningProblems(state: UpkeepState, roomId?: string): OpenCleaningProblem[] {
  const out: OpenCleaningProblem[] = [];
  for (const [id, u] of state.upkeep) {
    if (roomId !== undefined && id !== roomId) continue;
    for (const p of u.problems.values())
      if (p.resolved === undefined) out.push({ ...p, roomId: id });
  }
  return out.sort((a, b) => a.at - b.at);
}
