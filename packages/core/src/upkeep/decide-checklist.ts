import type { Actor } from '../people/actor.js';
import type { PolicyParameters } from '../policy/parameters.js';
import { fail, type Rejection } from '../rejection/index.js';
import type { Booking } from '../rooms/booking.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import type { EquipmentFaultReported } from '../rooms/booking-events.js';
import type { Room } from '../rooms/room.js';
import { isAdmin, sameJson } from '../rooms/decide-helpers.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { done, withWarnings, type UpkeepDecision } from './decide-context.js';
import type { CompleteChecklist, ConfirmPowerOff } from './upkeep-commands.js';
import { actualEnd } from './upkeep-queries.js';
import type { ChecklistAnswer, FaultRecord } from './upkeep-records.js';
import { upkeepRejections as why } from './upkeep-rejections.js';
import { roomUpkeep, type UpkeepState } from './upkeep-state.js';

/** The organizer or the room admin. */
const mayAct = (a: Actor, b: Booking): boolean => a.id === b.organizerId || isAdmin(a);

/** The booking a command names, in its room, or why there is none. */
function bookingOf(
  state: UpkeepState,
  roomId: string,
  bookingId: string,
): { room: Room; booking: Booking } | Rejection {
  const rs = state.rooms.rooms.get(roomId);
  if (!rs) return rooms.unknownRoom(roomId);
  const booking = rs.bookings.get(bookingId);
  return booking ? { room: rs.room, booking } : rooms.unknownBooking(bookingId);
}

/**
 * When a booking's equipment checklist may be done: from when check-in opens to when
 * check-in closes, or, once checked in, while the meeting is in progress.
 *
 * @param b - the booking
 * @param params - the parameters in force for its room
 * @returns the half-open window
 * @example
 * checklistWindow(booking, DEFAULT_PARAMETERS) // => { opens: start - 10 min, closes: start + 10 min }
 */
export function checklistWindow(
  b: Booking,
  params: PolicyParameters,
): { opens: Instant; closes: Instant } {
  const p = params.rooms;
  const opens = b.start - p.checkInOpensMinutesBeforeStart * MINUTE;
  if (b.status === 'checked-in') return { opens, closes: actualEnd(b) };
  const exempt = b.end - b.start >= p.checkInExemptFromMinutes * MINUTE;
  return { opens, closes: exempt ? b.end : b.start + p.checkInClosesMinutesAfterStart * MINUTE };
}

const answerOf = (a: CompleteChecklist['answers'][number]): ChecklistAnswer =>
  a.note === undefined
    ? { equipmentId: a.equipmentId, result: a.result }
    : { equipmentId: a.equipmentId, result: a.result, note: a.note };

/** The first thing wrong with the answers, given the room and its open faults. */
function checkAnswers(
  answers: readonly ChecklistAnswer[],
  room: Room,
  b: Booking,
  faults: ReadonlyMap<string, FaultRecord>,
  params: PolicyParameters,
): Rejection | undefined {
  const seen = new Set<string>();
  for (const a of answers) {
    if (!room.equipment.some((e) => e.id === a.equipmentId))
      return rooms.unknownEquipment(room.id, a.equipmentId);
    if (seen.has(a.equipmentId)) return why.checklistDuplicate(a.equipmentId);
    seen.add(a.equipmentId);
    if (a.result === 'faulty' && a.note === undefined)
      return why.noteRequired('R-7', a.equipmentId);
    const fault = faults.get(a.equipmentId);
    if (a.result === 'ok' && fault)
      return why.stillFaulty(a.equipmentId, fault.at, params.time.zone);
  }
  const missing = room.equipment
    .filter((e) => b.equipment.includes(e.kind) && !faults.has(e.id) && !seen.has(e.id))
    .map((e) => e.id);
  return missing.length > 0 ? why.checklistIncomplete(missing) : undefined;
}

/**
 * The organizer's checklist at the door: at check-in or during the meeting, every working
 * item of the kinds the booking needs answered ok or faulty (with what is wrong). Each new faulty
 * answer reports the fault with the rooms context's event, so R-2 refuses the item until it is
 * repaired, and warns the later bookings that need it. Done once per booking.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @param params - the parameters in force for the room
 * @returns the faults, the completed checklist and the warnings, or why not
 * @example
 * completeChecklist({ type: 'CompleteChecklist', answers: [{ equipmentId: 'A-proj', result: 'ok' }], … }, state, DEFAULT_PARAMETERS) // => { ok: true, value: [{ type: 'ChecklistCompleted', … }] }
 */
export function completeChecklist(
  c: CompleteChecklist,
  state: UpkeepState,
  params: PolicyParameters,
): UpkeepDecision {
  const found = bookingOf(state, c.roomId, c.bookingId);
  if ('kind' in found) return fail(found);
  const { room, booking: b } = found;
  if (!mayAct(c.actor, b))
    return fail(
      why.notOrganizer('R-7', { 'zh-CN': '完成设备检查', en: 'complete the equipment checklist' }),
    );
  const u = roomUpkeep(state, c.roomId);
  const answers = c.answers.map(answerOf);
  const previous = u.checklists.get(b.id);
  if (previous) return sameJson(previous.answers, answers) ? done() : fail(why.checklistDone(b.id));
  if (b.status !== 'confirmed' && b.status !== 'checked-in')
    return fail(why.checklistNotActive(b.id, b.status));
  const { opens, closes } = checklistWindow(b, params);
  if (c.now < opens || c.now >= closes)
    return fail(why.checklistNotNow(opens, closes, params.time.zone));
  const wrong = checkAnswers(answers, room, b, u.faults, params);
  if (wrong) return fail(wrong);
  const faults: EquipmentFaultReported[] = answers.flatMap((a) =>
    a.result === 'faulty' && a.note !== undefined && !u.faults.has(a.equipmentId)
      ? [
          {
            type: 'EquipmentFaultReported',
            roomId: c.roomId,
            equipmentId: a.equipmentId,
            note: a.note,
            reportedBy: c.actor.id,
            at: c.now,
          },
        ]
      : [],
  );
  return withWarnings(
    state,
    [
      ...faults,
      {
        type: 'ChecklistCompleted',
        roomId: c.roomId,
        bookingId: b.id,
        answers,
        by: c.actor.id,
        at: c.now,
      },
    ],
    c.now,
    c.roomId,
  );
}

/**
 * The organizer confirms everything is off: once the meeting is over (ended early, or past
 * its end) and only for a meeting that was used. Recorded once per booking.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @param params - the parameters in force for the room
 * @returns the confirmation, or why not
 * @example
 * confirmPowerOff({ type: 'ConfirmPowerOff', … }, state, DEFAULT_PARAMETERS) // => { ok: true, value: [{ type: 'PowerOffConfirmed', … }] }
 */
export function confirmPowerOff(
  c: ConfirmPowerOff,
  state: UpkeepState,
  params: PolicyParameters,
): UpkeepDecision {
  const found = bookingOf(state, c.roomId, c.bookingId);
  if ('kind' in found) return fail(found);
  const b = found.booking;
  if (!mayAct(c.actor, b))
    return fail(
      why.notOrganizer('R-7', { 'zh-CN': '确认设备已断电', en: 'confirm the power is off' }),
    );
  if (roomUpkeep(state, c.roomId).powerOffs.has(b.id)) return done();
  if (b.checkedInAt === undefined || (b.status !== 'checked-in' && b.status !== 'ended'))
    return fail(why.notCheckedIn(b.id, b.status));
  const end = actualEnd(b);
  if (c.now < end) return fail(why.meetingNotOver(b.id, end, params.time.zone));
  return done([
    { type: 'PowerOffConfirmed', roomId: c.roomId, bookingId: b.id, by: c.actor.id, at: c.now },
  ]);
}
