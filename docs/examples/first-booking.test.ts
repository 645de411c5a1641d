// The getting-started guide: a room, a booking, a check-in, and a rejection.
import { expect, it } from 'vitest';
// #region first-booking
import {
  HOUR,
  MINUTE,
  createBookingDecider,
  parseBookingCommand,
  toInstant,
  type Actor,
} from '@huiyi/core';

const { decide, evolve, initialState } = createBookingDecider(); // judged by the policy's defaults
const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const wang: Actor = { id: 'wang', roles: ['organizer'] };
const nine = toInstant({ year: 2026, month: 11, day: 30, hour: 9, minute: 0 }, 'Asia/Shanghai'); // Asia/Shanghai
const room = {
  id: 'A',
  name: '一号会议室',
  capacity: 8,
  openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
};

let state = initialState;
function tell(input: unknown) {
  const command = parseBookingCommand(input); // the typed command, or command.malformed
  if (!command.ok) return command;
  const result = decide(command.value, state); // the events, or a rejection naming its rule
  if (result.ok) state = result.value.reduce(evolve, state);
  return result;
}
// #endregion first-booking

it('R-2, R-4: a room, a booking, a check-in', () => {
  // #region first-booking-commands
  const now = nine - HOUR;
  const b1 = { roomId: 'A', bookingId: 'b1' };
  const meeting = { topic: '周例会', headcount: 6, start: nine, end: nine + HOUR };
  tell({ type: 'RegisterRoom', now, actor: admin, room });
  tell({ type: 'RequestBooking', now, actor: wang, ...b1, ...meeting });
  const checkIn = tell({ type: 'CheckIn', now: nine + 5 * MINUTE, actor: wang, ...b1 });
  expect(checkIn).toEqual({
    ok: true,
    value: [{ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: nine + 5 * MINUTE }],
  });
  // #endregion first-booking-commands
  expect(state.rooms.get('A')?.bookings.get('b1')?.status).toBe('checked-in');
});

it('R-2: a clash is a rejection with its rule, a code, data and a message in both languages', () => {
  // #region rejection
  const clash = tell({
    type: 'RequestBooking',
    now: nine,
    actor: admin,
    bookingId: 'b2',
    roomId: 'A',
    topic: '配件例会',
    headcount: 4,
    start: nine + 30 * MINUTE,
    end: nine + 90 * MINUTE,
  });
  expect(clash).toMatchObject({
    ok: false,
    rejection: {
      rule: 'R-2',
      code: 'booking.room-busy',
      data: { conflict: { id: 'b1', start: nine, end: nine + HOUR } },
      message: {
        'zh-CN': '一号会议室 在 11-30 09:00–10:00 已被预订',
        en: '一号会议室 is booked 11-30 09:00–10:00',
      },
    },
  });
  // #endregion rejection
});
