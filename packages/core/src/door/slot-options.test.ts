import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
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
import { slotOptions } from './slot-options.js';

/** A one-person booking from the door, as the kiosk sends it. */
const request = (now: number, start: number, end: number, bookingId = 'probe'): BookingCommand => ({
  type: 'RequestBooking',
  now,
  actor: wang,
  bookingId,
  roomId: 'A',
  topic: '门口预订',
  headcount: 1,
  start,
  end,
});

/** Room A on Monday 30 November, its bookings made through the decider at 07:00. */
function roomWith(
  policy: PolicyLookup,
  bookings: readonly { start: number; minutes: number }[],
): BookingState {
  const decider = createBookingDecider(policy);
  const log: BookingEvent[] = [{ type: 'RoomRegistered', roomId: 'A', room: roomA }];
  let state = foldBookingEvents(initialBookingState, log);
  for (const [i, b] of bookings.entries()) {
    const r = decider.decide(request(at(7), b.start, b.start + b.minutes * MINUTE, `b${i}`), state);
    if (r.ok) state = foldBookingEvents(state, r.value);
  }
  return state;
}

const minuteOfDay = (from: number, to: number) =>
  fc.integer({ min: from * 12, max: to * 12 }).map((fives) => at(0) + fives * 5 * MINUTE);

describe('R-2, R-5: the later slots the door offers are those the booking decider accepts', () => {
  test.prop([
    fc.record({
      bufferMinutes: fc.constantFrom(0, 5, 10),
      minLengthMinutes: fc.constantFrom(10, 15),
      walkUpLengthsMinutes: fc.constantFrom([15, 30, 60], [20, 45], [30, 60, 90]),
    }),
    fc.array(
      fc.record({
        start: minuteOfDay(8, 19),
        minutes: fc.integer({ min: 3, max: 24 }).map((n) => n * 5),
      }),
      { maxLength: 8 },
    ),
    minuteOfDay(7, 21),
    minuteOfDay(6, 22),
  ])(
    'R-2, R-5: an option offered is booked as offered; a length the decider books is never hidden; none offered says why',
    (rooms, bookings, now, start) => {
      const policy = roomsPolicy(rooms);
      const decider = createBookingDecider(policy);
      const state = roomWith(policy, bookings);
      const { options, refusal } = slotOptions(state, 'A', start, now, policy);
      for (const o of options) {
        const r = decider.decide(request(now, o.start, o.end), state);
        // Due no-shows are released first, then the slot is booked as offered.
        const booked = r.ok ? r.value.find((e) => e.type === 'RoomBooked') : undefined;
        expect(booked?.type === 'RoomBooked' && [booked.booking.start, booked.booking.end]).toEqual(
          [o.start, o.end],
        );
        expect(o.start).toBe(start);
        expect(o.capped).toBe(o.end < o.start + o.minutes * MINUTE);
      }
      for (const minutes of rooms.walkUpLengthsMinutes) {
        const r = decider.decide(request(now, start, start + minutes * MINUTE), state);
        if (r.ok) expect(options.some((o) => o.end === start + minutes * MINUTE)).toBe(true);
      }
      expect(new Set(options.map((o) => o.end)).size).toBe(options.length);
      if (options.length === 0) expect(refusal?.rule).toBe('R-2');
      else expect(refusal).toBeUndefined();
    },
  );

  it('R-5: 15, 30 and "until the next booking" from 14:00 when the next starts at 14:45 (buffer 5)', () => {
    const policy = roomsPolicy({ bufferMinutes: 5 });
    const state = roomWith(policy, [{ start: at(14, 45), minutes: 60 }]);
    expect(slotOptions(state, 'A', at(14), at(10), policy).options).toEqual([
      { minutes: 15, start: at(14), end: at(14, 15), capped: false },
      { minutes: 30, start: at(14), end: at(14, 30), capped: false },
      { minutes: 60, start: at(14), end: at(14, 40), capped: true },
    ]);
    // Closing time (20:00) caps too.
    expect(slotOptions(state, 'A', at(19, 30), at(10), policy).options.at(-1)).toEqual({
      minutes: 30,
      start: at(19, 30),
      end: at(20),
      capped: false,
    });
  });

  it('R-2: a start in the past, inside a booking, at closing time or with too little left is not offered, and says why', () => {
    const policy = roomsPolicy({ bufferMinutes: 5 });
    const state = roomWith(policy, [{ start: at(14), minutes: 60 }]);
    const why = (start: number) => slotOptions(state, 'A', start, at(10), policy);
    expect(why(at(9))).toMatchObject({
      options: [],
      refusal: { rule: 'R-2', code: 'booking.in-past' },
    });
    expect(why(at(14, 30))).toMatchObject({
      options: [],
      refusal: { rule: 'R-2', code: 'booking.room-busy' },
    });
    expect(why(at(13, 55))).toMatchObject({
      options: [],
      refusal: { rule: 'R-2', code: 'booking.room-busy' },
    });
    expect(why(at(20))).toMatchObject({
      options: [],
      refusal: { rule: 'R-2', code: 'booking.closed' },
    });
    expect(why(at(13, 50))).toMatchObject({
      options: [],
      refusal: { rule: 'R-2', code: 'booking.too-short' },
    });
    expect(slotOptions(state, 'Z', at(15), at(10), policy)).toEqual({ options: [] });
  });
});
