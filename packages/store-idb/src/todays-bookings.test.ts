import {
  HOUR,
  foldBookingEvents,
  initialBookingState,
  startOfLocalDay,
  toInstant,
  type Booking,
  type BookingEvent,
} from '@huiyi/core';
import { describe, expect, it } from 'vitest';
import { ROOM, roomLog } from '../test/year-of-bookings.js';
import { todaysBookings } from './todays-bookings.js';

const log = roomLog(25);
const state = foldBookingEvents(
  initialBookingState,
  log.events.map((e) => e.data),
);

const b = (id: string, start: number, end: number): Booking => ({
  id,
  roomId: 'A',
  organizerId: 'wang',
  topic: id,
  headcount: 2,
  start,
  end,
  equipment: [],
  confidential: false,
  walkUp: false,
  status: 'confirmed',
  requestedAt: start,
});

describe("K-1: today's bookings of a room, from the projection", () => {
  it('lists the day of `now` in time order', () => {
    const today = todaysBookings(state, 'A', log.today);
    expect(today.map((x) => x.id)).toEqual(['b21', 'b22', 'b23', 'b24', 'b25']);
    expect(log.todayCount).toBe(5);
    const tuesday = startOfLocalDay({ year: 2026, month: 2, day: 3 }, 'Asia/Shanghai');
    const ids = (from: number) => Array.from({ length: 10 }, (_, i) => `b${from + i}`);
    expect(todaysBookings(state, 'A', tuesday + 23 * HOUR).map((x) => x.id)).toEqual(ids(11));
    expect(todaysBookings(state, 'A', tuesday - 1).map((x) => x.id)).toEqual(ids(1));
    expect(todaysBookings(state, 'nowhere', log.today)).toEqual([]);
  });

  it('leaves out what holds nothing, keeps a meeting across midnight on both days', () => {
    const monday = toInstant({ year: 2026, month: 2, day: 2, hour: 0, minute: 0 }, 'Asia/Shanghai');
    const events: BookingEvent[] = [
      { type: 'RoomRegistered', roomId: 'A', room: ROOM },
      {
        type: 'RoomBooked',
        roomId: 'A',
        booking: b('late', monday + 23 * HOUR, monday + 25 * HOUR),
      },
      {
        type: 'RoomBooked',
        roomId: 'A',
        booking: b('gone', monday + 10 * HOUR, monday + 11 * HOUR),
      },
      {
        type: 'BookingCancelled',
        roomId: 'A',
        bookingId: 'gone',
        by: 'wang',
        late: false,
        at: monday,
      },
    ];
    const s = foldBookingEvents(initialBookingState, events);
    expect(todaysBookings(s, 'A', monday + 12 * HOUR).map((x) => x.id)).toEqual(['late']);
    expect(todaysBookings(s, 'A', monday + 36 * HOUR).map((x) => x.id)).toEqual(['late']);
  });

  it("T-3: the day is the site's wall-clock day, DST included", () => {
    // Europe/Berlin, 29 March 2026: the clocks go forward, the day is 23 hours long.
    const zone = 'Europe/Berlin';
    const day = toInstant({ year: 2026, month: 3, day: 29, hour: 0, minute: 0 }, zone);
    const events: BookingEvent[] = [
      { type: 'RoomRegistered', roomId: 'A', room: ROOM },
      {
        type: 'RoomBooked',
        roomId: 'A',
        booking: b('last', day + 22 * HOUR, day + 22 * HOUR + 30 * 60_000),
      },
      { type: 'RoomBooked', roomId: 'A', booking: b('next', day + 23 * HOUR, day + 24 * HOUR) },
    ];
    const s = foldBookingEvents(initialBookingState, events);
    expect(todaysBookings(s, 'A', day + HOUR, zone).map((x) => x.id)).toEqual(['last']);
  });
});
