import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { givenFor, run } from '../testing/given.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { parametersIn } from '../policy/policy-at.js';
import { policyDecider } from '../policy/policy-decider.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { createBookingDecider } from './booking-decider.js';
import type { BookingEvent } from './booking-events.js';
import {
  at,
  admin,
  HOUR,
  kiosk,
  li,
  MONDAY_8,
  request,
  roomA,
  site,
  wang,
} from './fixtures.test-helpers.js';

const decider = untyped(createBookingDecider());
const given = givenWhenThen(decider);

const booked = (over: Record<string, unknown> = {}) =>
  given(site).when(request(over)).thenAccepted();
const history = (...cmds: Record<string, unknown>[]): BookingEvent[] => {
  let log: BookingEvent[] = [...site];
  for (const c of cmds) log = [...log, ...given(log).when(c).thenAccepted()];
  return log;
};

describe('R-1: rooms', () => {
  it('R-1: only the room admin registers a room; a bad room is refused with the field named', () => {
    const room = { ...roomA, id: 'D' };
    expect(
      given([]).when({ type: 'RegisterRoom', now: 0, actor: wang, room }).thenRefused().code,
    ).toBe('permission.room-admin');
    expect(
      given([]).when({ type: 'RegisterRoom', now: 0, actor: admin, room }).thenAccepted(),
    ).toEqual([{ type: 'RoomRegistered', roomId: 'D', room }]);
    const bad = given([])
      .when({
        type: 'RegisterRoom',
        now: 0,
        actor: admin,
        room: { ...room, capacity: 0 },
      })
      .thenRefused();
    expect(bad).toMatchObject({
      rule: 'R-1',
      code: 'command.malformed',
      data: { path: 'command.room.capacity' },
    });
    const closed = given([])
      .when({
        type: 'RegisterRoom',
        now: 0,
        actor: admin,
        room: { ...room, openingHours: [{ weekdays: [1], open: '20:00', close: '08:00' }] },
      })
      .thenRefused();
    expect(closed.data).toMatchObject({ path: 'command.room.openingHours[0]' });
  });

  it('R-1: registering the same room twice changes nothing; a different room under the same id is refused', () => {
    expect(
      given(site).when({ type: 'RegisterRoom', now: 0, actor: admin, room: roomA }).thenAccepted(),
    ).toEqual([]);
    expect(
      given(site)
        .when({
          type: 'RegisterRoom',
          now: 0,
          actor: admin,
          room: { ...roomA, capacity: 9 },
        })
        .thenRefused().code,
    ).toBe('room.exists');
    expect(
      given(site)
        .when({
          type: 'UpdateRoom',
          now: 0,
          actor: admin,
          room: { ...roomA, capacity: 9 },
        })
        .thenAccepted()[0],
    ).toMatchObject({
      type: 'RoomUpdated',
    });
  });
});

describe('R-2: booking requests', () => {
  it('R-2: a request that fits is confirmed at once', () => {
    expect(booked()).toEqual([
      {
        type: 'RoomBooked',
        roomId: 'A',
        booking: expect.objectContaining({
          id: 'b1',
          organizerId: 'wang',
          start: at(9),
          end: at(10),
          status: 'confirmed',
          walkUp: false,
        }),
      },
    ]);
  });

  it('R-2: a room that is taken is refused, with the nearest free slots and the other rooms free then', () => {
    const log = history(request());
    const r = given(log)
      .when(request({ bookingId: 'b2', start: at(9, 30), end: at(10, 30) }))
      .thenRefused();
    expect(r).toMatchObject({
      rule: 'R-2',
      code: 'booking.room-busy',
      data: { conflict: { start: at(9), end: at(10) } },
    });
    expect(r.message['zh-CN']).toContain('一号会议室');
    // nearest first: 10:00 is 30 min away; 08:00 would be 90 min away and is not in the past (now is 08:00)
    expect(r.data['slots']).toEqual([
      { start: at(10), end: at(11) },
      { start: at(8), end: at(9) },
    ]);
    // C fits six people and is free; B needs approval but is free and large enough too
    expect((r.data['rooms'] as { roomId: string }[]).map((x) => x.roomId)).toEqual(['C', 'B']);
  });

  it('R-2: the buffer keeps bookings apart; back-to-back bookings fit without one', () => {
    const log = history(request());
    expect(
      given(log)
        .when(request({ bookingId: 'b2', start: at(10), end: at(11) }))
        .thenAccepted(),
    ).toHaveLength(1);
    const buffered = untyped(
      createBookingDecider(() => ({
        ...DEFAULT_PARAMETERS,
        rooms: { ...DEFAULT_PARAMETERS.rooms, bufferMinutes: 10 },
      })),
    );
    const r = buffered.decide(
      request({ bookingId: 'b2', start: at(10, 5), end: at(11) }),
      givenFor(buffered)(log).state,
    );
    expect(r.ok ? 'ok' : r.rejection.code).toBe('booking.room-busy');
  });

  it('R-2: headcount over capacity', () => {
    expect(
      given(site)
        .when(request({ headcount: 9 }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-2',
      code: 'booking.over-capacity',
      data: { headcount: 9, capacity: 8 },
    });
  });

  it('R-2: equipment missing, or faulty until repaired', () => {
    expect(
      given(site)
        .when(request({ equipment: ['whiteboard'] }))
        .thenRefused(),
    ).toMatchObject({
      code: 'booking.equipment-missing',
    });
    const log = history({
      type: 'ReportEquipmentFault',
      now: MONDAY_8,
      actor: kiosk,
      roomId: 'A',
      equipmentId: 'A-proj',
      note: '不亮',
    });
    expect(
      given(log)
        .when(request({ equipment: ['projector'] }))
        .thenRefused(),
    ).toMatchObject({
      code: 'booking.equipment-faulty',
      data: { faulty: ['projector'] },
    });
    const repaired = [
      ...log,
      ...given(log)
        .when({
          type: 'RepairEquipment',
          now: MONDAY_8,
          actor: admin,
          roomId: 'A',
          equipmentId: 'A-proj',
        })
        .thenAccepted(),
    ];
    expect(
      given(repaired)
        .when(request({ equipment: ['projector'] }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-2: within opening hours', () => {
    expect(
      given(site)
        .when(request({ start: at(19, 30), end: at(20, 30) }))
        .thenRefused().code,
    ).toBe('booking.closed');
    const tuesday = 24 * HOUR;
    expect(
      given(site)
        .when(request({ start: at(7, 30) + tuesday, end: at(8, 30) + tuesday }))
        .thenRefused().code,
    ).toBe('booking.closed');
    // Sunday 6 December: closed all day
    const sunday = 6 * 24 * HOUR;
    expect(
      given(site)
        .when(request({ start: at(9) + sunday, end: at(10) + sunday }))
        .thenRefused().code,
    ).toBe('booking.closed');
  });

  it('R-2: length between the minimum and the maximum', () => {
    expect(
      given(site)
        .when(request({ end: at(9, 14) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'booking.too-short',
      data: { minLengthMinutes: 15 },
    });
    expect(
      given(site)
        .when(request({ end: at(9, 15) }))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(site)
        .when(request({ end: at(13, 1) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'booking.too-long',
      data: { maxLengthMinutes: 240 },
    });
    expect(
      given(site)
        .when(request({ end: at(9) }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'T-2',
      code: 'interval.empty',
    });
  });

  it('R-2: not in the past, not beyond the horizon', () => {
    expect(
      given(site)
        .when(request({ now: at(9, 1) }))
        .thenRefused().code,
    ).toBe('booking.in-past');
    const day31 = at(9) + 31 * 24 * HOUR;
    expect(
      given(site)
        .when(request({ start: day31, end: day31 + HOUR }))
        .thenRefused().code,
    ).toBe('booking.beyond-horizon');
    const day29 = at(9) + 29 * 24 * HOUR;
    expect(
      given(site)
        .when(request({ start: day29, end: day29 + HOUR }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-2: a room that needs approval holds the request as pending until the room admin decides', () => {
    const pending = given(site)
      .when(request({ roomId: 'B' }))
      .thenAccepted();
    expect(pending).toEqual([
      {
        type: 'BookingRequested',
        roomId: 'B',
        booking: expect.objectContaining({ status: 'pending' }),
      },
    ]);
    const log = [...site, ...pending];
    expect(
      given(log)
        .when(request({ roomId: 'B', bookingId: 'b2', actor: li }))
        .thenRefused().code,
    ).toBe('booking.room-busy');
    expect(
      given(log)
        .when({
          type: 'ApproveBooking',
          now: MONDAY_8,
          actor: wang,
          roomId: 'B',
          bookingId: 'b1',
        })
        .thenRefused().code,
    ).toBe('permission.room-admin');
    const approved = given(log)
      .when({
        type: 'ApproveBooking',
        now: MONDAY_8,
        actor: admin,
        roomId: 'B',
        bookingId: 'b1',
      })
      .thenAccepted();
    expect(approved).toEqual([
      { type: 'BookingApproved', roomId: 'B', bookingId: 'b1', by: 'admin', at: MONDAY_8 },
    ]);
    expect(
      given([...log, ...approved])
        .when({
          type: 'ApproveBooking',
          now: MONDAY_8,
          actor: admin,
          roomId: 'B',
          bookingId: 'b1',
        })
        .thenAccepted(),
    ).toEqual([]);
    const declined = given(log)
      .when({
        type: 'DeclineBooking',
        now: MONDAY_8,
        actor: admin,
        roomId: 'B',
        bookingId: 'b1',
        reason: '领导会议占用',
      })
      .thenAccepted();
    expect(declined[0]).toMatchObject({ type: 'BookingDeclined', reason: '领导会议占用' });
    expect(
      given([...log, ...declined])
        .when(request({ roomId: 'B', bookingId: 'b2', actor: li }))
        .thenAccepted(),
    ).toHaveLength(1);
    // the room admin's own request is confirmed directly
    expect(
      given(site)
        .when(request({ roomId: 'B', actor: admin }))
        .thenAccepted()[0],
    ).toMatchObject({
      type: 'RoomBooked',
    });
  });

  it('R-8: a confidential meeting only in a room suitable for it', () => {
    expect(
      given(site)
        .when(request({ confidential: true }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-8',
      code: 'booking.room-not-confidential',
    });
    expect(
      given(site)
        .when(request({ roomId: 'B', confidential: true }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-2: a repeated request decides to no events; another booking under the same id is refused', () => {
    const log = history(request());
    expect(given(log).when(request()).thenAccepted()).toEqual([]);
    expect(
      given(log)
        .when(request({ topic: '另一个会' }))
        .thenRefused().code,
    ).toBe('booking.duplicate-id');
  });

  it('R-2: unknown rooms and bookings, and malformed commands, are refused and never thrown', () => {
    expect(
      given(site)
        .when(request({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(site)
        .when({
          type: 'CheckIn',
          now: MONDAY_8,
          actor: wang,
          roomId: 'A',
          bookingId: 'nope',
        })
        .thenRefused().code,
    ).toBe('booking.unknown');
    expect(
      given(site)
        .when(request({ start: 'nine' }))
        .thenRefused(),
    ).toMatchObject({
      code: 'command.malformed',
      data: { path: 'command.start' },
    });
    expect(
      given(site)
        .when(request({ topic: 'x'.repeat(201) }))
        .thenRefused(),
    ).toMatchObject({
      data: { path: 'command.topic' },
    });
    expect(
      given(site)
        .when(request({ extra: 1 }))
        .thenRefused(),
    ).toMatchObject({
      data: { path: 'command.extra' },
    });
    expect(given(site).when({ type: 'Explode' }).thenRefused()).toMatchObject({
      code: 'command.malformed',
      data: { path: 'command.type' },
    });
    expect(given(site).when(null).thenRefused().code).toBe('command.malformed');
  });

  it('R-3: booking on behalf of someone else needs the room admin', () => {
    expect(
      given(site)
        .when(request({ organizerId: 'li' }))
        .thenRefused().code,
    ).toBe('permission.room-admin');
    expect(
      given(site)
        .when(request({ organizerId: 'li', actor: admin }))
        .thenAccepted()[0],
    ).toMatchObject({ booking: { organizerId: 'li' } });
  });
});

describe('R-3: change and cancel', () => {
  const log = history(request());

  it('R-3: only the organizer or the room admin changes or cancels', () => {
    const cancel = { type: 'CancelBooking', now: MONDAY_8, roomId: 'A', bookingId: 'b1' };
    expect(
      given(log)
        .when({ ...cancel, actor: li })
        .thenRefused().code,
    ).toBe('booking.not-organizer');
    expect(
      given(log)
        .when({ ...cancel, actor: admin })
        .thenAccepted(),
    ).toHaveLength(1);
    const change = {
      type: 'ChangeBooking',
      now: MONDAY_8,
      roomId: 'A',
      bookingId: 'b1',
      start: at(11),
      end: at(12),
    };
    expect(
      given(log)
        .when({ ...change, actor: li })
        .thenRefused().code,
    ).toBe('booking.not-organizer');
    expect(
      given(log)
        .when({ ...change, actor: wang })
        .thenAccepted(),
    ).toEqual([
      expect.objectContaining({
        type: 'BookingChanged',
        start: at(11),
        end: at(12),
        pending: false,
      }),
    ]);
  });

  it('R-3: a change is checked against every rule, ignoring the booking itself', () => {
    const two = history(request(), request({ bookingId: 'b2', start: at(11), end: at(12) }));
    const change = {
      type: 'ChangeBooking',
      now: MONDAY_8,
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    };
    expect(
      given(two)
        .when({ ...change, end: at(10, 30) })
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(two)
        .when({ ...change, end: at(11, 30) })
        .thenRefused().code,
    ).toBe('booking.room-busy');
    expect(
      given(two)
        .when({ ...change, headcount: 20 })
        .thenRefused().code,
    ).toBe('booking.over-capacity');
    expect(
      given(two)
        .when({ ...change, end: at(10) })
        .thenAccepted(),
    ).toEqual([]);
  });

  it('R-3: a cancellation less than an hour before the start is late', () => {
    const cancel = { type: 'CancelBooking', actor: wang, roomId: 'A', bookingId: 'b1' };
    expect(
      given(log)
        .when({ ...cancel, now: at(8) })
        .thenAccepted()[0],
    ).toMatchObject({ late: false });
    expect(
      given(log)
        .when({ ...cancel, now: at(8, 1) })
        .thenAccepted()[0],
    ).toMatchObject({ late: true });
    const cancelled = [
      ...log,
      ...given(log)
        .when({ ...cancel, now: at(8) })
        .thenAccepted(),
    ];
    expect(
      given(cancelled)
        .when({ ...cancel, now: at(8, 5) })
        .thenAccepted(),
    ).toEqual([]);
    // the slot is free again
    expect(
      given(cancelled)
        .when(request({ bookingId: 'b9', actor: li }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-3: a started meeting is not changed or cancelled but ended early', () => {
    const inUse = history(request(), {
      type: 'CheckIn',
      now: at(8, 55),
      actor: kiosk,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(
      given(inUse)
        .when({
          type: 'CancelBooking',
          now: at(9, 5),
          actor: wang,
          roomId: 'A',
          bookingId: 'b1',
        })
        .thenRefused().code,
    ).toBe('booking.started');
    expect(
      given(inUse)
        .when({
          type: 'ChangeBooking',
          now: at(9, 5),
          actor: wang,
          roomId: 'A',
          bookingId: 'b1',
          end: at(11),
        })
        .thenRefused().code,
    ).toBe('booking.not-active');
  });
});

describe('R-4: check-in and no-shows', () => {
  const log = history(request());
  const checkIn = (now: number) => ({
    type: 'CheckIn',
    now,
    actor: kiosk,
    roomId: 'A',
    bookingId: 'b1',
  });

  it('R-4: check-in opens 10 min before the start and closes 10 min after', () => {
    expect(
      given(log)
        .when(checkIn(at(8, 49)))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-4',
      code: 'check-in.too-early',
    });
    expect(
      given(log)
        .when(checkIn(at(8, 50)))
        .thenAccepted(),
    ).toEqual([{ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: at(8, 50) }]);
    expect(
      given(log)
        .when(checkIn(at(9, 9)))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(log)
        .when(checkIn(at(9, 10)))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-4',
      code: 'check-in.too-late',
    });
  });

  it('R-4: a booking not checked in is released at the window end, kept as a no-show, the rest freed', () => {
    const r = given(log)
      .when({ type: 'ReleaseNoShows', now: at(9, 30), actor: kiosk })
      .thenAccepted();
    expect(r).toEqual([{ type: 'BookingReleased', roomId: 'A', bookingId: 'b1', at: at(9, 10) }]);
    const after = givenFor(decider)([...log, ...r]).state.rooms.get('A')!;
    expect(after.bookings.get('b1')).toMatchObject({ status: 'released', freedAt: at(9, 10) });
    expect(after.index).toEqual({ starts: [at(9)], ends: [at(9, 10)], ids: ['b1'] });
    expect(
      given([...log, ...r])
        .when({ type: 'ReleaseNoShows', now: at(9, 30), actor: kiosk })
        .thenAccepted(),
    ).toEqual([]);
  });

  it('R-4: the next command to the room settles due releases first, in the same batch', () => {
    const walk = given(log)
      .when({
        type: 'WalkUp',
        now: at(9, 20),
        actor: kiosk,
        roomId: 'A',
        bookingId: 'w1',
        minutes: 30,
      })
      .thenAccepted();
    expect(walk.map((e) => e.type)).toEqual(['BookingReleased', 'RoomBooked', 'BookingCheckedIn']);
    expect(walk[1]).toMatchObject({ booking: { start: at(9, 20), end: at(9, 50) } });
  });

  it('R-4: bookings of 4 h and more are exempt', () => {
    const long = history(request({ start: at(9), end: at(13) }));
    expect(
      given(long)
        .when({ type: 'ReleaseNoShows', now: at(12), actor: kiosk })
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(long)
        .when(checkIn(at(11)))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-4: a series with 2 no-shows in a row is flagged to its organizer, once', () => {
    const day = 24 * HOUR;
    const s = history(
      request({ bookingId: 's1', seriesId: 'weekly' }),
      request({
        bookingId: 's2',
        seriesId: 'weekly',
        start: at(9) + 7 * day,
        end: at(10) + 7 * day,
      }),
      request({
        bookingId: 's3',
        seriesId: 'weekly',
        start: at(9) + 14 * day,
        end: at(10) + 14 * day,
      }),
    );
    const first = given(s)
      .when({ type: 'ReleaseNoShows', now: at(12), actor: kiosk })
      .thenAccepted();
    expect(first.map((e) => e.type)).toEqual(['BookingReleased']);
    const s2 = [...s, ...first];
    const second = given(s2)
      .when({ type: 'ReleaseNoShows', now: at(12) + 7 * day, actor: kiosk })
      .thenAccepted();
    expect(second).toEqual([
      { type: 'BookingReleased', roomId: 'A', bookingId: 's2', at: at(9, 10) + 7 * day },
      {
        type: 'SeriesNoShowsFlagged',
        roomId: 'A',
        seriesId: 'weekly',
        organizerId: 'wang',
        bookingIds: ['s1', 's2'],
      },
    ]);
    const third = given([...s2, ...second])
      .when({
        type: 'ReleaseNoShows',
        now: at(12) + 14 * day,
        actor: kiosk,
      })
      .thenAccepted();
    expect(third.map((e) => e.type)).toEqual(['BookingReleased']);
  });

  it('R-4: checking in breaks the run of no-shows', () => {
    const day = 24 * HOUR;
    const s = history(
      request({ bookingId: 's1', seriesId: 'weekly' }),
      request({
        bookingId: 's2',
        seriesId: 'weekly',
        start: at(9) + 7 * day,
        end: at(10) + 7 * day,
      }),
      request({
        bookingId: 's3',
        seriesId: 'weekly',
        start: at(9) + 14 * day,
        end: at(10) + 14 * day,
      }),
      { type: 'ReleaseNoShows', now: at(12), actor: kiosk },
      { type: 'CheckIn', now: at(9) + 7 * day, actor: kiosk, roomId: 'A', bookingId: 's2' },
    );
    const third = given(s)
      .when({ type: 'ReleaseNoShows', now: at(12) + 14 * day, actor: kiosk })
      .thenAccepted();
    expect(third.map((e) => e.type)).toEqual(['BookingReleased']);
  });

  it('R-4: a pending booking cannot be checked in', () => {
    const p = history(request({ roomId: 'B' }));
    expect(
      given(p)
        .when({ ...checkIn(at(9)), roomId: 'B' })
        .thenRefused().code,
    ).toBe('check-in.pending');
  });
});

describe('R-5: walk-up, extend, end early', () => {
  const walkUp = (over: Record<string, unknown> = {}) => ({
    type: 'WalkUp',
    now: at(9, 7) + 30_000,
    actor: kiosk,
    roomId: 'A',
    bookingId: 'w1',
    minutes: 30,
    ...over,
  });

  it('R-5: a walk-up books now, checked in at once', () => {
    expect(given(site).when(walkUp()).thenAccepted()).toEqual([
      {
        type: 'RoomBooked',
        roomId: 'A',
        booking: expect.objectContaining({
          start: at(9, 7),
          end: at(9, 37),
          walkUp: true,
          status: 'confirmed',
          organizerId: 'zhao',
        }),
      },
      { type: 'BookingCheckedIn', roomId: 'A', bookingId: 'w1', at: at(9, 7) + 30_000 },
    ]);
  });

  it('R-5: a walk-up is capped at the next booking, and refused when too little is left', () => {
    const log = history(request({ start: at(9, 30), end: at(10, 30) }));
    expect(
      given(log)
        .when(walkUp({ minutes: 60 }))
        .thenAccepted()[0],
    ).toMatchObject({
      booking: { end: at(9, 30) },
    });
    expect(
      given(log)
        .when(walkUp({ now: at(9, 20) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'walk-up.too-short',
      data: { freeMinutes: 10 },
    });
    const inUse = history(request({ start: at(9, 30), end: at(10, 30) }), {
      type: 'CheckIn',
      now: at(9, 25),
      actor: kiosk,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(
      given(inUse)
        .when(walkUp({ now: at(9, 45) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'walk-up.room-busy',
      data: { freeFrom: at(10, 30) },
    });
    // not checked in by 09:40, it was released: the walk-up gets the room
    expect(
      given(log)
        .when(walkUp({ now: at(9, 45) }))
        .thenAccepted()
        .map((e) => e.type),
    ).toEqual(['BookingReleased', 'RoomBooked', 'BookingCheckedIn']);
  });

  it('R-5: walk-up only where allowed, in the allowed lengths, while open', () => {
    expect(
      given(site)
        .when(walkUp({ roomId: 'B' }))
        .thenRefused().code,
    ).toBe('walk-up.not-allowed');
    expect(
      given(site)
        .when(walkUp({ minutes: 45 }))
        .thenRefused().code,
    ).toBe('walk-up.bad-length');
    expect(
      given(site)
        .when(walkUp({ now: at(21) }))
        .thenRefused().code,
    ).toBe('booking.closed');
    expect(
      given(site)
        .when(walkUp({ now: at(19, 50) }))
        .thenRefused().code,
    ).toBe('walk-up.too-short');
  });

  it('R-5: a repeated walk-up tap decides to nothing', () => {
    const log = [...site, ...given(site).when(walkUp()).thenAccepted()];
    expect(given(log).when(walkUp()).thenAccepted()).toEqual([]);
  });

  it('R-5: a meeting in progress extends if the room is free, once per tap', () => {
    const log = [...site, ...given(site).when(walkUp()).thenAccepted()];
    const extend = {
      type: 'ExtendBooking',
      now: at(9, 30),
      actor: kiosk,
      roomId: 'A',
      bookingId: 'w1',
      minutes: 15,
      fromEnd: at(9, 37),
    };
    const ext = given(log).when(extend).thenAccepted();
    expect(ext).toEqual([
      { type: 'BookingExtended', roomId: 'A', bookingId: 'w1', end: at(9, 52), by: 'zhao' },
    ]);
    expect(
      given([...log, ...ext])
        .when(extend)
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given(log)
        .when({ ...extend, minutes: 20 })
        .thenRefused().code,
    ).toBe('extend.bad-length');
    expect(
      given(log)
        .when({ ...extend, fromEnd: at(9, 30) })
        .thenRefused().code,
    ).toBe('extend.stale');
    const blocked = history(request({ start: at(9, 45), end: at(10, 30) }));
    const blockedLog = [...blocked, ...given(blocked).when(walkUp()).thenAccepted()];
    expect(given(blockedLog).when(extend).thenRefused().code).toBe('booking.room-busy');
  });

  it('R-5: ending early frees the rest', () => {
    const log = [...site, ...given(site).when(walkUp()).thenAccepted()];
    const end = { type: 'EndEarly', now: at(9, 20), actor: kiosk, roomId: 'A', bookingId: 'w1' };
    const ended = given(log).when(end).thenAccepted();
    expect(ended).toEqual([
      { type: 'BookingEndedEarly', roomId: 'A', bookingId: 'w1', at: at(9, 20), by: 'zhao' },
    ]);
    const state = givenFor(decider)([...log, ...ended]).state.rooms.get('A')!;
    expect(state.index.ends).toEqual([at(9, 20)]);
    expect(
      given([...log, ...ended])
        .when(end)
        .thenAccepted(),
    ).toEqual([]);
    expect(
      given([...log, ...ended])
        .when(request({ bookingId: 'b5', now: at(9, 20), start: at(9, 20), end: at(9, 50) }))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(site)
        .when({ ...end, bookingId: 'w1' })
        .thenRefused().code,
    ).toBe('booking.unknown');
  });

  it('R-5, T-2: ended early, the room takes a walk-up in the same minute, from that instant', () => {
    const log = [...site, ...given(site).when(walkUp()).thenAccepted()];
    // 09:20:40: ended early; 09:20:50, the next person walks up in the same minute.
    const endAt = at(9, 20) + 40_000;
    const ended = given(log)
      .when({ type: 'EndEarly', now: endAt, actor: kiosk, roomId: 'A', bookingId: 'w1' })
      .thenAccepted();
    const next = given([...log, ...ended])
      .when(walkUp({ bookingId: 'w2', now: endAt + 10_000 }))
      .thenAccepted();
    expect(next[0]).toMatchObject({
      type: 'RoomBooked',
      booking: { id: 'w2', start: endAt + 10_000, end: endAt + 10_000 + 30 * 60_000 },
    });
    // The minute itself is still taken on the minute: a walk-up tapped at 09:20:30 is refused.
    expect(
      given([...log, ...ended])
        .when(walkUp({ bookingId: 'w3', now: endAt - 10_000 }))
        .thenRefused(),
    ).toMatchObject({ code: 'walk-up.room-busy' });
    // With the room free all minute, it still starts on the minute.
    expect(given(site).when(walkUp()).thenAccepted()[0]).toMatchObject({
      booking: { start: at(9, 7) },
    });
  });
});

describe('policy in force', () => {
  it('P-1: a revision approved by leadership and announced takes effect for the rooms it names', () => {
    const boss = { id: 'boss', roles: ['leadership' as const] };
    const { state: policy } = run(policyDecider, [
      {
        type: 'ProposePolicyRevision',
        revisionId: 'r1',
        now: at(7),
        actor: admin,
        effectiveFrom: at(8, 30),
        summary: '一号会议室限时 30 分钟',
        patch: {},
        overrides: {
          rooms: {
            A: {
              rooms: { maxLengthMinutes: 30, minLengthMinutes: 15, walkUpLengthsMinutes: [15, 30] },
            },
          },
        },
      },
      { type: 'ApprovePolicyRevision', revisionId: 'r1', now: at(7, 10), actor: boss },
      { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: at(7, 20), actor: admin },
    ]);
    const d = untyped(createBookingDecider(parametersIn(policy)));
    const state = givenFor(d)(site).state;
    expect(d.decide(request(), state).ok).toBe(true);
    expect(d.decide(request({ now: at(8, 30) }), state)).toMatchObject({
      ok: false,
      rejection: { code: 'booking.too-long' },
    });
    expect(d.decide(request({ now: at(8, 30), roomId: 'C' }), state).ok).toBe(true);
  });

  it('P-1: rules are judged by the policy in force at the command’s now, for its room', () => {
    const strict = untyped(
      createBookingDecider((now, scope) =>
        now >= at(8, 30) && scope.roomId === 'A'
          ? { ...DEFAULT_PARAMETERS, rooms: { ...DEFAULT_PARAMETERS.rooms, maxLengthMinutes: 30 } }
          : DEFAULT_PARAMETERS,
      ),
    );
    const state = givenFor(strict)(site).state;
    expect(strict.decide(request(), state).ok).toBe(true);
    expect(strict.decide(request({ now: at(8, 30) }), state)).toMatchObject({
      ok: false,
      rejection: { code: 'booking.too-long' },
    });
    expect(strict.decide(request({ now: at(8, 30), roomId: 'C' }), state).ok).toBe(true);
  });
});

describe('R-1: a room as checked is a room the decider takes', () => {
  it('R-1: a room without a location registers', () => {
    const bare: Record<string, unknown> = { ...roomA, id: 'E' };
    delete bare['location'];
    const r = given([]).when({ type: 'RegisterRoom', now: 0, actor: admin, room: bare }).result;
    expect(r.ok && r.value[0]).toMatchObject({ type: 'RoomRegistered', room: { id: 'E' } });
    expect(r.ok && 'location' in (r.value[0] as { room: object }).room).toBe(false);
  });
});
