// The deciders guide and the decision record "the door's deciders and the signature's ink": a door
// device's deciders decide what the door takes as the full deciders do, and refuse the rest (K-2,
// door.not-taken); the door's upkeep decider warns of a fault at the door.
import { expect, it } from 'vitest';
import {
  createBookingDecider,
  foldUpkeepEvents,
  initialUpkeepState,
  parseBookingCommand,
  parseUpkeepCommand,
  type Actor,
  type CancelBooking,
  type RequestBooking,
  type RequestSeries,
  type StartMeeting,
  type UpkeepLogEvent,
} from '@huiyi/core';
import { at } from './weekly-review.js';

const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const wang: Actor = { id: 'wang', roles: [] };
const li: Actor = { id: 'li', roles: [] };
const door: Actor = { id: 'door:A', roles: [] };

// #region door-deciders
import {
  createDoorBookingDecider,
  createDoorMeetingDecider,
  createDoorUpkeepDecider,
} from '@huiyi/core';

const bookings = createDoorBookingDecider(); // walk-up, booking, check-in, extend, end early, faults
const upkeep = createDoorUpkeepDecider(); // faults, the checklist, the power-off
const meetings = createDoorMeetingDecider(); // planning, sign-in and sign-out, the agreement
// #endregion door-deciders

const room = {
  id: 'A',
  name: '一号会议室',
  capacity: 8,
  equipment: [{ id: 'A-proj', kind: 'projector' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
};
const booking = (bookingId: string, actor: Actor, start: number): RequestBooking => ({
  type: 'RequestBooking',
  now: at(1, 9),
  actor,
  bookingId,
  roomId: 'A',
  topic: '会议',
  headcount: 4,
  start,
  end: start + 60 * 60_000,
  equipment: ['projector'],
});

const log: UpkeepLogEvent[] = [];
function tell(decider: 'bookings' | 'upkeep', input: Record<string, unknown>) {
  const state = foldUpkeepEvents(initialUpkeepState, log);
  const booking = parseBookingCommand(input);
  const command = parseUpkeepCommand(input);
  const result =
    decider === 'bookings'
      ? booking.ok
        ? bookings.decide(booking.value, state.rooms)
        : booking
      : command.ok
        ? upkeep.decide(command.value, state)
        : command;
  if (result.ok) log.push(...result.value);
  return result;
}
tell('bookings', { type: 'RegisterRoom', now: at(1, 8), actor: admin, room });

it('K-2: the door decides one booking as the full decider does, and refuses a series', () => {
  const full = createBookingDecider();
  const state = foldUpkeepEvents(initialUpkeepState, log).rooms;
  expect(state.rooms.get('A')?.room.name).toBe('一号会议室');
  expect(bookings.decide(booking('b1', wang, at(2, 9)), state)).toEqual(
    full.decide(booking('b1', wang, at(2, 9)), state),
  );
  // #region not-taken
  // In a rooms state with room A: the office's full decider books a series, the door's refuses it.
  const weekly: RequestSeries = {
    type: 'RequestSeries',
    now: at(1, 9),
    actor: wang,
    seriesId: 'weekly-review',
    roomId: 'A',
    series: {
      rule: { freq: 'weekly', interval: 1, byWeekday: [1] }, // Mondays at 09:00
      start: { year: 2026, month: 12, day: 7, hour: 9, minute: 0 },
      zone: 'Asia/Shanghai',
    },
    durationMinutes: 60,
    topic: '售后周例会',
    headcount: 6,
    mode: 'book-what-fits',
  };
  expect(createBookingDecider().decide(weekly, state)).toMatchObject({ ok: true });
  expect(bookings.decide(weekly, state)).toMatchObject({
    ok: false,
    rejection: { rule: 'K-2', code: 'door.not-taken' }, // done in the booking system, not here
  });
  const cancel: CancelBooking = {
    type: 'CancelBooking',
    now: at(1, 10),
    actor: wang,
    roomId: 'A',
    bookingId: 'b1',
  };
  expect(bookings.decide(cancel, state)).toMatchObject({
    ok: false,
    rejection: { rule: 'K-2', code: 'door.not-taken' }, // cancelled in the booking system
  });
  const start: StartMeeting = {
    type: 'StartMeeting',
    now: at(7, 9),
    actor: wang,
    meetingId: 'm-weekly',
  };
  expect(meetings.decide(start, meetings.initialState)).toMatchObject({
    ok: false,
    rejection: { rule: 'K-2', code: 'door.not-taken' }, // the meeting's run is not the door's
  });
  // #endregion not-taken
});

it('R-7: a fault reported at the door, through the upkeep decider, warns a later booking', () => {
  tell('bookings', booking('b2', li, at(2, 14)));
  const reported = tell('upkeep', {
    type: 'ReportEquipmentFault',
    now: at(2, 10),
    actor: door,
    roomId: 'A',
    equipmentId: 'A-proj',
    note: '投影仪不亮',
  });
  expect(reported).toMatchObject({
    ok: true,
    value: [
      { type: 'EquipmentFaultReported', equipmentId: 'A-proj' },
      { type: 'FaultWarningIssued', bookingId: 'b2', to: { personId: 'li' } },
    ],
  });
});
