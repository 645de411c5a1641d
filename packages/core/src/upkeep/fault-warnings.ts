import { entriesIn } from '../rooms/availability-index.js';
import { HOLDING_STATUSES, type Booking } from '../rooms/booking.js';
import type { RoomState } from '../rooms/booking-state.js';
import type { EquipmentKind } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import type { FaultWarningIssued, WarnedFault } from './upkeep-events.js';
import { roomUpkeep, warningKey, type UpkeepState } from './upkeep-state.js';

/** A later booking that needs equipment no working item of its kind in the room can give. */
export interface FaultWarning {
  readonly roomId: string;
  readonly bookingId: string;
  readonly organizerId: string;
  readonly start: Instant;
  /** The faults behind it: every faulty item of each kind the booking needs and cannot get. */
  readonly faults: readonly WarnedFault[];
}

/** The faults of a room, per kind, of the kinds with no working item left. */
function unavailableKinds(state: UpkeepState, rs: RoomState): Map<EquipmentKind, WarnedFault[]> {
  const faults = roomUpkeep(state, rs.room.id).faults;
  const out = new Map<EquipmentKind, WarnedFault[]>();
  if (faults.size === 0) return out;
  for (const item of rs.room.equipment) {
    const f = faults.get(item.id);
    if (f === undefined) continue;
    const list = out.get(item.kind) ?? [];
    list.push({ equipmentId: item.id, kind: item.kind, note: f.note, reportedAt: f.at });
    out.set(item.kind, list);
  }
  for (const item of rs.room.equipment) if (!faults.has(item.id)) out.delete(item.kind);
  return out;
}

function roomWarnings(state: UpkeepState, rs: RoomState, now: Instant): FaultWarning[] {
  const kinds = unavailableKinds(state, rs);
  if (kinds.size === 0) return [];
  const out: FaultWarning[] = [];
  for (const e of entriesIn(rs.index, { start: now, end: Number.MAX_SAFE_INTEGER })) {
    const b = rs.bookings.get(e.id) as Booking;
    if (b.start < now || !HOLDING_STATUSES.includes(b.status)) continue;
    const faults = b.equipment.flatMap((k) => kinds.get(k) ?? []);
    if (faults.length === 0) continue;
    out.push({
      roomId: b.roomId,
      bookingId: b.id,
      organizerId: b.organizerId,
      start: b.start,
      faults,
    });
  }
  return out;
}

/**
 * Every booking starting at or after `now`, still holding its room, that needs a kind of equipment
 * whose every item in the room is faulty: the bookings to warn, soonest first per room.
 * A kind with another working item is no reason to warn: R-2 would book it.
 *
 * @param state - the upkeep state
 * @param now - the moment asked about
 * @param roomId - one room, or every room when absent
 * @returns the warnings, whether or not they have been issued
 * @example
 * faultWarnings(state, now, 'A') // => [{ roomId: 'A', bookingId: 'b2', faults: [{ equipmentId: 'A-proj', … }], … }]
 */
export function faultWarnings(state: UpkeepState, now: Instant, roomId?: string): FaultWarning[] {
  const rooms =
    roomId === undefined
      ? [...state.rooms.rooms.values()]
      : [state.rooms.rooms.get(roomId)].filter((rs) => rs !== undefined);
  return rooms.flatMap((rs) => roomWarnings(state, rs, now));
}

/**
 * The warnings not issued yet, as events: per booking, the faults it has not been told of.
 * Each fault is told to each booking once, however often this is asked.
 *
 * @param state - the upkeep state
 * @param now - the moment of the deciding command
 * @param roomId - one room, or every room when absent
 * @returns one `FaultWarningIssued` per booking with faults not yet told
 * @example
 * faultWarningEvents(state, now, 'A')[0]?.type // => 'FaultWarningIssued'
 */
export function faultWarningEvents(
  state: UpkeepState,
  now: Instant,
  roomId?: string,
): FaultWarningIssued[] {
  const out: FaultWarningIssued[] = [];
  for (const w of faultWarnings(state, now, roomId)) {
    const warned = roomUpkeep(state, w.roomId).warned;
    const faults = w.faults.filter(
      (f) => !warned.has(warningKey(w.bookingId, f.equipmentId, f.reportedAt)),
    );
    if (faults.length === 0) continue;
    out.push({
      type: 'FaultWarningIssued',
      roomId: w.roomId,
      bookingId: w.bookingId,
      to: { personId: w.organizerId },
      noticeId: `${w.bookingId}:fault:${now}`,
      start: w.start,
      faults,
      at: now,
    });
  }
  return out;
}
