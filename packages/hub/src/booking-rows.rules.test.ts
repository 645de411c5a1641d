// The rules the booking rows and a door's view of a booking hold (R-1, R-2, R-8, S-4, M-1).
import { describe, expect, it } from 'vitest';
import { bookingReadModelRows, findBooking, redactBookingForDoor } from './booking-rows.js';
import { given, NOW, site } from './testing/dealership.test-helpers.js';
import { admin, at, book, room, wang } from './testing/fixtures.test-helpers.js';

const DAY = 86_400_000;

describe('R-8, S-4: a confidential booking changed keeps its topic from a door', () => {
  const booked = given([
    ...site(),
    book('b1', 'B', at(10), at(11), { now: NOW, confidential: true, topic: '审计' }),
    book('b2', 'A', at(10), at(11), { now: NOW, topic: '周例会' }),
  ]);
  const change = (roomId: string, bookingId: string) =>
    given(
      [{ type: 'ChangeBooking', now: NOW, actor: wang, roomId, bookingId, topic: '审计(二)' }],
      booked.state,
    );

  it('R-8: the new topic of a confidential booking is blanked, the rest of the change kept', () => {
    const { events, state } = change('B', 'b1');
    const e = events[0]!;
    expect(redactBookingForDoor(e, state.rooms)).toEqual({ ...e, topic: '' });
  });

  it('R-8: the new topic of an open booking reaches the door', () => {
    const { events, state } = change('A', 'b2');
    expect(redactBookingForDoor(events[0]!, state.rooms)).toBe(events[0]);
  });

  it('R-8: an event with a topic that names no booking passes as it is', () => {
    const e = { type: 'EquipmentFaultReported', topic: '投影仪', roomId: 'B' };
    expect(redactBookingForDoor(e, booked.state.rooms)).toBe(e);
  });

  it('R-8: an event about a booking this hub does not hold passes as it is (nothing of it to keep)', () => {
    const e = { type: 'BookingChanged', roomId: 'B', bookingId: 'elsewhere', topic: '审计' };
    expect(redactBookingForDoor(e, booked.state.rooms)).toBe(e);
  });

  it('R-8: a booking event of a confidential booking that carries no topic passes as it is', () => {
    const { events, state } = given(
      [{ type: 'CheckIn', now: at(10), actor: wang, roomId: 'B', bookingId: 'b1' }],
      booked.state,
    );
    expect(redactBookingForDoor(events[0]!, state.rooms)).toBe(events[0]);
  });
});

describe('read models: the rows a booking event leaves', () => {
  it('R-1: an updated room leaves its new row; a room without a location has an empty one', () => {
    const registered = given(site().slice(0, 1));
    const { events, state } = given(
      [
        {
          type: 'UpdateRoom',
          now: at(7),
          actor: admin,
          room: { ...room('A', { name: '一号会议室', capacity: 20 }), location: undefined },
        },
      ],
      registered.state,
    );
    expect(bookingReadModelRows(events, state.rooms).rooms).toEqual([
      {
        room_id: 'A',
        name: '一号会议室',
        location: '',
        capacity: 20,
        confidential: false,
        walk_up: true,
      },
    ]);
  });

  it('R-4: a check-in leaves the booking row checked in', () => {
    const booked = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const { events, state } = given(
      [{ type: 'CheckIn', now: at(10), actor: wang, roomId: 'A', bookingId: 'b1' }],
      booked.state,
    );
    expect(bookingReadModelRows(events, state.rooms).bookings).toEqual([
      expect.objectContaining({ booking_id: 'b1', status: 'checked-in' }),
    ]);
  });

  it('R-3: a cancelled booking occupies nothing', () => {
    const booked = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const { events, state } = given(
      [{ type: 'CancelBooking', now: NOW, actor: wang, roomId: 'A', bookingId: 'b1' }],
      booked.state,
    );
    expect(bookingReadModelRows(events, state.rooms).bookings).toEqual([
      expect.objectContaining({
        booking_id: 'b1',
        status: 'cancelled',
        occ_start: null,
        occ_end: null,
      }),
    ]);
  });

  it('M-1: a series booked leaves a row for each of its bookings', () => {
    const { events, state } = given([
      ...site(),
      {
        type: 'RequestSeries',
        now: NOW,
        actor: wang,
        seriesId: 'weekly',
        roomId: 'A',
        series: {
          rule: { freq: 'weekly', interval: 1, byWeekday: [2] },
          start: { year: 2026, month: 12, day: 8, hour: 9, minute: 0 },
          zone: 'Asia/Shanghai',
        },
        durationMinutes: 60,
        topic: '售后周例会',
        headcount: 6,
        mode: 'book-what-fits',
      },
    ]);
    const series = events.find((e) => e.type === 'SeriesBooked') as unknown as {
      bookingIds: string[];
    };
    expect(series.bookingIds.length).toBeGreaterThan(1);
    const rows = bookingReadModelRows(events, state.rooms).bookings;
    expect(rows.map((r) => r.booking_id).sort()).toEqual([...series.bookingIds].sort());
    for (const r of rows) expect(r.end_at - r.start_at).toBe(60 * 60_000);
    expect(
      rows.every((r) => r.start_at >= at(9, 0, 8) && r.start_at < at(9, 0, 8) + 31 * DAY),
    ).toBe(true);
  });

  it('R-2: a booking in a room registered after another is found in its room', () => {
    const { state } = given([...site(), book('b1', 'B', at(10), at(11), { now: NOW })]);
    expect(findBooking(state.rooms, 'b1')?.roomId).toBe('B');
    expect(findBooking(state.rooms, 'nothing')).toBeUndefined();
  });

  it('R-2: a row is the booking as it stands after the events, not as the event told it', () => {
    const booked = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const { events, state } = given(
      [{ type: 'CheckIn', now: at(10), actor: wang, roomId: 'A', bookingId: 'b1' }],
      booked.state,
    );
    const rows = bookingReadModelRows([...booked.events, ...events], state.rooms).bookings;
    expect(rows).toEqual([expect.objectContaining({ booking_id: 'b1', status: 'checked-in' })]);
  });

  it('R-2: an event naming a booking this hub does not hold leaves no row', () => {
    const { state } = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const e = { type: 'BookingCheckedIn', roomId: 'A', bookingId: 'elsewhere', at: at(10) };
    expect(bookingReadModelRows([e], state.rooms)).toEqual({ rooms: [], bookings: [] });
  });

  it('R-2: events of other contexts and events naming no booking leave no booking row', () => {
    const { state } = given([...site(), book('b1', 'A', at(10), at(11), { now: NOW })]);
    const others = [
      { type: 'PersonRegistered', personId: 'p-x' },
      { type: 'EquipmentFaultReported', roomId: 'A', equipmentId: 'A-proj' },
    ];
    expect(bookingReadModelRows(others, state.rooms)).toEqual({ rooms: [], bookings: [] });
  });
});
