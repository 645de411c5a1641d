// The deciders guide and the decision record "one fault, two contexts": a fault found on the
// organizer's checklist at the door is the rooms context's own EquipmentFaultReported, in the
// room's stream, so the rooms decider refuses the projector until it is repaired.
import { expect, it } from 'vitest';
import type { Actor } from '@huiyi/core';
import { at } from './weekly-review.js';

const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const ma: Actor = { id: 'ma', roles: [] };
const li: Actor = { id: 'li', roles: [] };

// #region one-fault
import {
  createBookingDecider,
  createUpkeepDecider,
  foldUpkeepEvents,
  initialUpkeepState,
  parseBookingCommand,
  parseUpkeepCommand,
  type UpkeepLogEvent,
} from '@huiyi/core';

const rooms = createBookingDecider();
const upkeep = createUpkeepDecider();
const log: UpkeepLogEvent[] = []; // the streams room:<roomId>: both deciders append to them

/** Booking commands to the rooms decider, upkeep commands to the upkeep decider. */
function tell(decider: 'rooms' | 'upkeep', input: Record<string, unknown>) {
  const state = foldUpkeepEvents(initialUpkeepState, log); // the upkeep state holds the rooms state: state.rooms
  const booking = parseBookingCommand(input);
  const command = parseUpkeepCommand(input);
  const result =
    decider === 'rooms'
      ? booking.ok
        ? rooms.decide(booking.value, state.rooms)
        : booking
      : command.ok
        ? upkeep.decide(command.value, state)
        : command;
  if (result.ok) log.push(...result.value);
  return result;
}
// #endregion one-fault

const room = {
  id: 'A',
  name: '一号会议室',
  capacity: 8,
  equipment: [{ id: 'A-proj', kind: 'projector' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
};
const booking = (bookingId: string, actor: Actor, start: number, now = at(1, 9)) => ({
  type: 'RequestBooking',
  now,
  actor,
  bookingId,
  roomId: 'A',
  topic: '会议',
  headcount: 4,
  start,
  end: start + 60 * 60_000,
  equipment: ['projector'],
});

it('R-7, R-2: one fault, reported at the door, refused by the rooms decider', () => {
  tell('rooms', { type: 'RegisterRoom', now: at(1, 8), actor: admin, room });
  tell('rooms', booking('b1', ma, at(2, 9)));
  tell('rooms', booking('b2', li, at(2, 14)));
  // #region checklist
  // 08:55, at the door: the organizer checks in, and the checklist finds the projector dead.
  tell('rooms', { type: 'CheckIn', now: at(2, 8, 55), actor: ma, roomId: 'A', bookingId: 'b1' });
  const found = tell('upkeep', {
    type: 'CompleteChecklist',
    now: at(2, 8, 56),
    actor: ma,
    roomId: 'A',
    bookingId: 'b1',
    answers: [{ equipmentId: 'A-proj', result: 'faulty', note: '投影仪不亮' }],
  });
  expect(found).toMatchObject({
    ok: true,
    value: [
      { type: 'EquipmentFaultReported', equipmentId: 'A-proj' }, // the rooms context's own event
      { type: 'ChecklistCompleted', bookingId: 'b1' },
      { type: 'FaultWarningIssued', bookingId: 'b2', to: { personId: 'li' } }, // a later booking needing it
    ],
  });
  // The rooms decider folds that same event: nobody gets the projector until it is repaired.
  expect(tell('rooms', booking('b3', li, at(3, 9), at(2, 10)))).toMatchObject({
    ok: false,
    rejection: { rule: 'R-2', code: 'booking.equipment-faulty' },
  });
  tell('upkeep', {
    type: 'RepairEquipment', // the rooms context's command; either decider takes it
    now: at(2, 12),
    actor: admin,
    roomId: 'A',
    equipmentId: 'A-proj',
  });
  expect(tell('rooms', booking('b3', li, at(3, 9), at(2, 13)))).toMatchObject({ ok: true });
  expect(log.map((e) => e.type).filter((t) => t.startsWith('Equipment'))).toEqual([
    'EquipmentFaultReported', // one fault and one repair in room A's stream, for both contexts
    'EquipmentRepaired',
  ]);
  // #endregion checklist
});
