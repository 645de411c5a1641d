import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { BookingCommand } from '../rooms/booking-commands.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import type { BookingEvent } from '../rooms/booking-events.js';
import {
  foldBookingEvents,
  initialBookingState,
  type BookingState,
} from '../rooms/booking-state.js';
import { at, roomA, wang } from '../rooms/fixtures.test-helpers.js';
import { MINUTE } from '../time/instant.js';
import { roomsPolicy } from './policy.test-helpers.js';
import { extensionOptions } from './extension-options.js';
import { walkUpOptions } from './walk-up-options.js';

const walkUp = (now: number, minutes: number, bookingId = 'probe'): BookingCommand => ({
  type: 'WalkUp',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
  minutes,
});
const extend = (
  now: number,
  bookingId: string,
  fromEnd: number,
  minutes: number,
): BookingCommand => ({
  type: 'ExtendBooking',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
  minutes,
  fromEnd,
});

/** Room A on Monday 30 November, with bookings made as a person would, each through the decider. */
function roomWith(
  policy: PolicyLookup,
  bookings: readonly { start: number; minutes: number; checkIn: boolean }[],
): { log: BookingEvent[]; state: BookingState } {
  const decider = createBookingDecider(policy);
  const log: BookingEvent[] = [{ type: 'RoomRegistered', roomId: 'A', room: roomA }];
  let state = foldBookingEvents(initialBookingState, log);
  const tell = (c: BookingCommand) => {
    const r = decider.decide(c, state);
    if (!r.ok) return false;
    log.push(...r.value);
    state = foldBookingEvents(state, r.value);
    return true;
  };
  const sorted = [...bookings].sort((a, b) => a.start - b.start);
  for (const [i, b] of sorted.entries()) {
    const booked = tell({
      type: 'RequestBooking',
      now: at(7),
      actor: wang,
      bookingId: `b${i}`,
      roomId: 'A',
      topic: '会议',
      headcount: 2,
      start: b.start,
      end: b.start + b.minutes * MINUTE,
    });
    if (booked && b.checkIn)
      tell({ type: 'CheckIn', now: b.start, actor: wang, roomId: 'A', bookingId: `b${i}` });
  }
  return { log, state };
}

const minuteOfDay = (from: number, to: number) =>
  fc.integer({ min: from * 12, max: to * 12 }).map((fives) => at(0) + fives * 5 * MINUTE);
const bookingsArb = fc.array(
  fc.record({
    start: minuteOfDay(8, 19),
    minutes: fc.integer({ min: 3, max: 24 }).map((n) => n * 5),
    checkIn: fc.boolean(),
  }),
  { maxLength: 8 },
);
const roomsPolicyArb = fc.record({
  bufferMinutes: fc.constantFrom(0, 5, 10),
  minLengthMinutes: fc.constantFrom(10, 15),
  walkUpLengthsMinutes: fc.constantFrom([15, 30, 60], [20, 45], [30, 60, 90]),
  extendLengthsMinutes: fc.constantFrom([15, 30, 60], [10, 20], [45]),
});
const nowArb = fc
  .tuple(minuteOfDay(7, 21), fc.integer({ min: 0, max: 59_999 }))
  .map(([t, ms]) => t + ms);

describe('R-5: the walk-ups on offer are those the walk-up decider books', () => {
  test.prop([roomsPolicyArb, bookingsArb, nowArb])(
    'R-5: an option offered is booked as offered, and a length the decider books is never hidden',
    (rooms, bookings, now) => {
      const policy = roomsPolicy(rooms);
      const decider = createBookingDecider(policy);
      const { state } = roomWith(policy, bookings);
      const options = walkUpOptions(state, 'A', now, policy);
      for (const o of options) {
        const r = decider.decide(walkUp(now, o.minutes), state);
        expect(r.ok).toBe(true);
        const booked = r.ok ? r.value.find((e) => e.type === 'RoomBooked') : undefined;
        expect(booked?.type === 'RoomBooked' && [booked.booking.start, booked.booking.end]).toEqual(
          [o.start, o.end],
        );
        expect(o.capped).toBe(o.end < o.start + o.minutes * MINUTE);
      }
      for (const minutes of [...rooms.walkUpLengthsMinutes, 15, 25, 60]) {
        const r = decider.decide(walkUp(now, minutes), state);
        if (!r.ok) continue;
        const booked = r.value.find((e) => e.type === 'RoomBooked');
        const end = booked?.type === 'RoomBooked' ? booked.booking.end : undefined;
        expect(options.some((o) => o.end === end)).toBe(true);
      }
      expect(new Set(options.map((o) => o.end)).size).toBe(options.length);
    },
  );

  it('R-5: 15, 30 and "until the next booking" in a room free for 40 minutes, with the buffer', () => {
    const policy = roomsPolicy({ bufferMinutes: 5 });
    const { state } = roomWith(policy, [{ start: at(10, 45), minutes: 60, checkIn: false }]);
    expect(walkUpOptions(state, 'A', at(10, 0) + 20_000, policy)).toEqual([
      { minutes: 15, start: at(10), end: at(10, 15), capped: false },
      { minutes: 30, start: at(10), end: at(10, 30), capped: false },
      { minutes: 60, start: at(10), end: at(10, 40), capped: true },
    ]);
    // Under the defaults (no buffer) the same room offers up to 10:45: the policy given is read.
    expect(walkUpOptions(state, 'A', at(10), () => DEFAULT_PARAMETERS).at(-1)?.end).toBe(
      at(10, 45),
    );
  });

  it('R-5: nothing when too little is left, in use, closed, or not a walk-up room', () => {
    const policy = roomsPolicy({});
    const { state } = roomWith(policy, [{ start: at(10, 10), minutes: 60, checkIn: true }]);
    expect(walkUpOptions(state, 'A', at(10), policy)).toEqual([]); // 10 minutes left
    expect(walkUpOptions(state, 'A', at(10, 30), policy)).toEqual([]); // in use
    expect(walkUpOptions(state, 'A', at(21), policy)).toEqual([]); // closed
    expect(walkUpOptions(state, 'B', at(9), policy)).toEqual([]); // no such room here
  });

  it('R-4, R-5: a booking nobody checked in for is released, and the room is offered', () => {
    const policy = roomsPolicy({});
    const { state } = roomWith(policy, [{ start: at(9, 30), minutes: 60, checkIn: false }]);
    expect(walkUpOptions(state, 'A', at(9, 20), policy)).toEqual([]); // 10 minutes before it
    expect(walkUpOptions(state, 'A', at(9, 45), policy).map((o) => o.minutes)).toEqual([
      15, 30, 60,
    ]);
  });
});

describe('R-5: the extensions on offer are those the extend decider accepts', () => {
  test.prop([roomsPolicyArb, bookingsArb, nowArb])(
    'R-5: an extension offered is accepted with its end, and one accepted is never hidden',
    (rooms, bookings, now) => {
      const policy = roomsPolicy(rooms);
      const decider = createBookingDecider(policy);
      const { state } = roomWith(policy, bookings);
      const rs = state.rooms.get('A');
      for (const b of rs?.bookings.values() ?? []) {
        const options = extensionOptions(state, 'A', b.id, now, policy);
        for (const o of options) {
          const r = decider.decide(extend(now, b.id, b.end, o.minutes), state);
          expect(r.ok && r.value.at(-1)).toMatchObject({ type: 'BookingExtended', end: o.end });
        }
        for (const minutes of [...rooms.extendLengthsMinutes, 15, 30, 60]) {
          const r = decider.decide(extend(now, b.id, b.end, minutes), state);
          const accepted = r.ok && r.value.some((e) => e.type === 'BookingExtended');
          expect(options.some((o) => o.minutes === minutes)).toBe(accepted);
        }
      }
    },
  );

  it('R-5: 60 minutes is not offered when the next booking starts in 45', () => {
    const policy = roomsPolicy({});
    const { state } = roomWith(policy, [
      { start: at(9), minutes: 60, checkIn: true },
      { start: at(10, 45), minutes: 30, checkIn: false },
    ]);
    expect(extensionOptions(state, 'A', 'b0', at(9, 50), policy)).toEqual([
      { minutes: 15, end: at(10, 15) },
      { minutes: 30, end: at(10, 30) },
    ]);
    expect(extensionOptions(state, 'A', 'b1', at(9, 50), policy)).toEqual([]); // not in progress
  });
});
