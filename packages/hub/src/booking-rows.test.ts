import { describe, expect, it } from 'vitest';
import { bookingReadModelRows, findBooking, redactBookingForDoor } from './booking-rows.js';
import { given, NOW, site } from './testing/dealership.test-helpers.js';
import { at, book } from './testing/fixtures.test-helpers.js';

describe('R-8, S-4: a confidential booking reaches a door without its topic', () => {
  it('R-8: the booking event of a confidential booking has its topic blanked', () => {
    const { events, state } = given([
      ...site(),
      book('b1', 'B', at(10), at(11), { now: NOW, confidential: true, topic: '审计' }),
    ]);
    const e = events[0]!;
    const seen = redactBookingForDoor(e, state.rooms) as unknown as { booking: { topic: string } };
    expect(seen.booking.topic).toBe('');
  });

  it('R-8: an open booking passes as it is', () => {
    const { events, state } = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    expect(redactBookingForDoor(events[0]!, state.rooms)).toBe(events[0]);
  });
});

describe('read models: rm_rooms and rm_bookings', () => {
  it('R-1: registering a room leaves its row', () => {
    const { events, state } = given(site().slice(0, 1));
    expect(bookingReadModelRows(events, state.rooms).rooms).toEqual([
      {
        room_id: 'A',
        name: '会议室 A',
        location: '售后服务楼',
        capacity: 12,
        confidential: false,
        walk_up: true,
      },
    ]);
  });

  it('R-2: a booking leaves its row with the interval it occupies', () => {
    const { events, state } = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const [row] = bookingReadModelRows(events, state.rooms).bookings;
    expect(row).toMatchObject({
      booking_id: 'b1',
      room_id: 'A',
      start_at: at(10),
      end_at: at(11),
      occ_start: at(10),
      occ_end: at(11),
    });
    expect(findBooking(state.rooms, 'b1')?.id).toBe('b1');
  });
});
