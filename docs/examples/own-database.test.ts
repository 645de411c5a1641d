// The deciders guide: keeping the events in your own database, the plain rule functions beneath the
// deciders, idempotency, the lazily settled no-show release, and the policy in force.
import { describe, expect, it } from 'vitest';
// #region own-table
import {
  createBookingDecider,
  envelope,
  eventIdFactory,
  foldBookingEvents,
  initialBookingState,
  parseBookingCommand,
  streamOf,
  type Actor,
  type BookingEvent,
  type BookingState,
  type NewEvent,
} from '@huiyi/core';

/** Your table: one row per event, the envelope's `id` as its primary key. */
const table = new Map<string, NewEvent<BookingEvent>>();
const nextId = eventIdFactory(Math.random); // ULIDs: unique, and sorted by time
const decider = createBookingDecider();

/** Decide a command against the state your rows fold to; store what it decided. */
function handle(command: { now: number; actor: Actor } & Record<string, unknown>) {
  const state: BookingState = foldBookingEvents(
    initialBookingState,
    [...table.values()].map((row) => row.data),
  );
  const parsed = parseBookingCommand(command); // from outside: the typed command, or why not
  const result = parsed.ok ? decider.decide(parsed.value, state) : parsed;
  if (!result.ok) return result.rejection; // nothing to store; show result.rejection.message
  for (const event of result.value) {
    const meta = { id: nextId(command.now), stream: streamOf(event), now: command.now };
    table.set(meta.id, envelope(event, { ...meta, who: command.actor.id, device: 'dms' }));
  }
  return result.value;
}
// #endregion own-table

import { HOUR, MINUTE, toInstant } from '@huiyi/core';

const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const wang: Actor = { id: 'wang', roles: ['organizer'] };
const nine = toInstant({ year: 2026, month: 11, day: 30, hour: 9, minute: 0 }, 'Asia/Shanghai');
const earlier = nine - 2 * HOUR;
const roomA = {
  id: 'A',
  name: '一号会议室',
  capacity: 8,
  walkUp: true,
  openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
};
const request = {
  type: 'RequestBooking',
  now: earlier,
  actor: wang,
  bookingId: 'b1',
  roomId: 'A',
  topic: '周例会',
  headcount: 6,
  start: nine,
  end: nine + HOUR,
};

describe('keeping the events in your own database', () => {
  it('R-2: decided events land in the table with their envelope', () => {
    handle({ type: 'RegisterRoom', now: earlier, actor: admin, room: roomA });
    expect(handle(request)).toMatchObject([{ type: 'RoomBooked', roomId: 'A' }]);
    const rows = [...table.values()];
    expect(rows.map((r) => r.type)).toEqual(['RoomRegistered', 'RoomBooked']);
    expect(rows[1]).toMatchObject({ stream: 'room:A', now: earlier, who: 'wang', device: 'dms' });
  });

  it('a repeated command (a double tap) decides to no events', () => {
    // #region idempotent
    expect(handle(request)).toEqual([]); // the same RequestBooking again: nothing new
    expect(handle({ ...request, topic: '另一个会' })).toMatchObject({
      rule: 'R-2',
      code: 'booking.duplicate-id', // the same id for a different booking is refused
    });
    // #endregion idempotent
    expect(table.size).toBe(2);
  });

  it('R-4: a booking not checked in is released by the next command to its room', () => {
    // #region lazy-release
    // Nobody checked in by 09:10. The next command to room A, whatever it is, settles that first:
    const walkUp = handle({
      type: 'WalkUp',
      now: nine + 20 * MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'w1',
      minutes: 30,
    });
    expect(walkUp).toMatchObject([
      { type: 'BookingReleased', bookingId: 'b1', at: nine + 10 * MINUTE },
      { type: 'RoomBooked', booking: { id: 'w1', walkUp: true } },
      { type: 'BookingCheckedIn', bookingId: 'w1' },
    ]);
    // A server with no door traffic settles every room now and then instead:
    expect(handle({ type: 'ReleaseNoShows', now: nine + HOUR, actor: admin })).toEqual([]);
    // #endregion lazy-release
  });
});

// #region check-booking
import { DEFAULT_PARAMETERS, checkBooking, checkRoom } from '@huiyi/core';

const room = checkRoom(roomA); // a Room from JSON, with its defaults, or what is wrong
if (!room.ok) throw new Error(room.expected.en);
const taken = [{ id: 'b1', start: nine, end: nine + HOUR }]; // what your own table holds
const rejections = checkBooking(
  room.value,
  taken,
  {
    start: nine + 30 * MINUTE,
    end: nine + 2 * HOUR,
    headcount: 12,
    equipment: [],
    confidential: false,
  },
  DEFAULT_PARAMETERS, // or the parameters in force: policyAt(policyState, now, { roomId }).parameters
  { now: earlier },
);
// #endregion check-booking

it('R-2: checkBooking on your own rows gives every reason, in order', () => {
  expect(rejections.map((r) => [r.rule, r.code])).toEqual([
    ['R-2', 'booking.over-capacity'],
    ['R-2', 'booking.room-busy'],
  ]);
});
