import type { PolicyParameters } from '../policy/parameters.js';
import { fail, type Result } from '../rejection/index.js';
import type { BookingDecider } from '../rooms/booking-decider.js';
import type { RepairEquipment, ReportEquipmentFault } from '../rooms/booking-commands.js';
import type { EquipmentFaultReported, EquipmentRepaired } from '../rooms/booking-events.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import { isAdmin } from '../rooms/decide-helpers.js';
import { done, withWarnings, type UpkeepDecision } from './decide-context.js';
import type { IssueFaultWarnings, RecordInspection } from './upkeep-commands.js';
import type { EquipmentInspected } from './upkeep-events.js';
import { faultWarningEvents } from './fault-warnings.js';
import { upkeepRejections as why } from './upkeep-rejections.js';
import { roomUpkeep, type UpkeepState } from './upkeep-state.js';

type FaultEvent = EquipmentFaultReported | EquipmentRepaired;
const isFaultEvent = (e: { readonly type: string }): e is FaultEvent =>
  e.type === 'EquipmentFaultReported' || e.type === 'EquipmentRepaired';

/**
 * A fault report or a repair, decided by the rooms context itself (its rules and its events, so
 * R-2 sees the same fault), then a new fault's warnings to later bookings (R-7).
 *
 * @param c - the rooms context's command
 * @param state - the upkeep state
 * @param roomsDecider - the rooms decider
 * @returns the rooms' events, then the warnings
 * @example
 * decideFault({ type: 'ReportEquipmentFault', … }, state, createBookingDecider()) // => { ok: true, value: [EquipmentFaultReported, FaultWarningIssued…] }
 */
export function decideFault(
  c: ReportEquipmentFault | RepairEquipment,
  state: UpkeepState,
  roomsDecider: BookingDecider,
): UpkeepDecision {
  const r: Result<readonly { readonly type: string }[]> = roomsDecider.decide(c, state.rooms);
  if (!r.ok) return r;
  const events = r.value.filter(isFaultEvent);
  if (c.type === 'RepairEquipment' || events.length === 0) return done(events);
  return withWarnings(state, events, c.now, c.roomId);
}

/**
 * An inspection by the room admin: recorded; a faulty result with a note reports the fault
 * (the rooms context's event) and warns later bookings. An item already faulty cannot be found ok:
 * it is faulty until repaired.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @param params - the parameters in force for the room
 * @returns the events or why not
 * @example
 * recordInspection({ type: 'RecordInspection', result: 'ok', … }, state, DEFAULT_PARAMETERS) // => { ok: true, value: [{ type: 'EquipmentInspected', … }] }
 */
export function recordInspection(
  c: RecordInspection,
  state: UpkeepState,
  params: PolicyParameters,
): UpkeepDecision {
  if (!isAdmin(c.actor))
    return fail(rooms.adminOnly('R-7', { 'zh-CN': '记录设备巡检', en: 'record inspections' }));
  const rs = state.rooms.rooms.get(c.roomId);
  if (!rs) return fail(rooms.unknownRoom(c.roomId));
  if (!rs.room.equipment.some((e) => e.id === c.equipmentId))
    return fail(rooms.unknownEquipment(c.roomId, c.equipmentId));
  const u = roomUpkeep(state, c.roomId);
  const last = u.inspections.get(c.equipmentId)?.at(-1);
  if (
    last?.at === c.now &&
    last.by === c.actor.id &&
    last.result === c.result &&
    last.note === c.note
  )
    return done();
  if (c.result === 'faulty' && c.note === undefined)
    return fail(why.noteRequired('R-7', c.equipmentId));
  const fault = u.faults.get(c.equipmentId);
  if (c.result === 'ok' && fault)
    return fail(why.stillFaulty(c.equipmentId, fault.at, params.time.zone));
  const inspected: EquipmentInspected = {
    type: 'EquipmentInspected',
    roomId: c.roomId,
    equipmentId: c.equipmentId,
    result: c.result,
    ...(c.note === undefined ? {} : { note: c.note }),
    by: c.actor.id,
    at: c.now,
  };
  if (c.result === 'ok' || fault || c.note === undefined) return done([inspected]);
  const reported: EquipmentFaultReported = {
    type: 'EquipmentFaultReported',
    roomId: c.roomId,
    equipmentId: c.equipmentId,
    note: c.note,
    reportedBy: c.actor.id,
    at: c.now,
  };
  return withWarnings(state, [reported, inspected], c.now, c.roomId);
}

/**
 * The warnings not yet issued, in a room or all: for faults reported through the rooms
 * decider, which does not warn, and as a sweep. Never warns a booking of a fault twice.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @returns the warnings, possibly none
 * @example
 * issueFaultWarnings({ type: 'IssueFaultWarnings', now, actor }, state) // => { ok: true, value: [] } when all are told
 */
export function issueFaultWarnings(c: IssueFaultWarnings, state: UpkeepState): UpkeepDecision {
  if (c.roomId !== undefined && !state.rooms.rooms.has(c.roomId))
    return fail(rooms.unknownRoom(c.roomId));
  return done(faultWarningEvents(state, c.now, c.roomId));
}
