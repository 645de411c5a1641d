// The rooms decider's rules at their edges: each state a command may not act in, each boundary
// instant, the buffer, and what each event and rejection says.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyParameters } from '../policy/parameters.js';
import { notAtDoor, takenAtDoor, type Rejection, type Result } from '../rejection/index.js';
import { DAY } from '../time/instant.js';
import {
  createBookingDecider,
  createDoorBookingDecider,
  parseBookingCommand,
  isBookingCommandType,
  parseDoorBookingCommand,
} from './booking-decider.js';
import { BOOKING_COMMAND_TYPES } from './booking-commands.js';
import type { BookingEvent } from './booking-events.js';
import type { BookingState } from './booking-state.js';
import type { Decider as UntypedDecider } from '../decider/decider.js';
import { untyped } from '../testing/untyped.js';
import {
  at,
  admin,
  kiosk,
  li,
  MINUTE,
  MONDAY_8,
  request,
  roomA,
  site,
  wang,
} from './fixtures.test-helpers.js';

type Decider = UntypedDecider<unknown, BookingState, BookingEvent>;
type Cmd = Record<string, unknown>;

const withRooms = (rooms: Partial<PolicyParameters['rooms']>): Decider =>
  untyped(
    createBookingDecider(() => ({
      ...DEFAULT_PARAMETERS,
      rooms: { ...DEFAULT_PARAMETERS.rooms, ...rooms },
    })),
  );

const plain: Decider = untyped(createBookingDecider());
const stateOf = (log: readonly BookingEvent[], d: Decider = plain): BookingState =>
  log.reduce((s, e) => d.evolve(s, e), d.initialState);
const decide = (log: readonly BookingEvent[], c: Cmd, d: Decider = plain) =>
  d.decide(c, stateOf(log, d));

const events = (r: Result<readonly BookingEvent[]>): readonly BookingEvent[] => {
  if (!r.ok) throw new Error(`expected events, got ${r.rejection.code}: ${r.rejection.message.en}`);
  return r.value;
};
const rejection = (r: Result<readonly BookingEvent[]>): Rejection => {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  return r.rejection;
};
/** Applies each command in turn, keeping its events; throws on a rejection. */
const history = (cmds: readonly Cmd[], d: Decider = plain, from = site): BookingEvent[] => {
  let log: BookingEvent[] = [...from];
  for (const c of cmds) log = [...log, ...events(decide(log, c, d))];
  return log;
};
const cmd = (type: string, over: Cmd = {}): Cmd => ({
  type,
  now: MONDAY_8,
  actor: wang,
  roomId: 'A',
  bookingId: 'b1',
  ...over,
});
const equipmentCmd = (type: string, over: Cmd = {}): Cmd => ({
  type,
  now: MONDAY_8,
  actor: wang,
  roomId: 'A',
  ...over,
});
const walkUp = (over: Cmd = {}): Cmd =>
  cmd('WalkUp', { actor: kiosk, bookingId: 'w1', minutes: 30, now: at(9, 7), ...over });

describe('R-1 and R-7: rooms and their equipment', () => {
  it('R-1: only the room admin registers or changes a room, and the refusal says so in both languages', () => {
    const r = rejection(decide([], { type: 'UpdateRoom', now: 0, actor: wang, room: roomA }));
    expect(r).toMatchObject({ rule: 'R-1', code: 'permission.room-admin' });
    expect(r.message.en).toBe('only the room admin may register or change a room');
    expect(r.message['zh-CN']).toContain('登记或修改会议室');
  });

  it('R-1: a room that is not registered cannot be updated; an unchanged update is nothing to do', () => {
    expect(
      rejection(decide([], { type: 'UpdateRoom', now: 0, actor: admin, room: roomA })),
    ).toMatchObject({ rule: 'R-1', code: 'room.unknown', data: { roomId: 'A' } });
    expect(events(decide(site, { type: 'UpdateRoom', now: 0, actor: admin, room: roomA }))).toEqual(
      [],
    );
    const bigger = { ...roomA, capacity: 12 };
    expect(
      events(decide(site, { type: 'UpdateRoom', now: 0, actor: admin, room: bigger })),
    ).toEqual([{ type: 'RoomUpdated', roomId: 'A', room: bigger }]);
  });

  it('R-7: anyone reports a fault once, with the note, who and when; the room admin alone repairs it', () => {
    const fault = equipmentCmd('ReportEquipmentFault', {
      actor: kiosk,
      equipmentId: 'A-proj',
      note: '投影仪不亮',
      now: at(9),
    });
    expect(events(decide(site, fault))).toEqual([
      {
        type: 'EquipmentFaultReported',
        roomId: 'A',
        equipmentId: 'A-proj',
        note: '投影仪不亮',
        reportedBy: 'zhao',
        at: at(9),
      },
    ]);
    const faulty = history([fault]);
    expect(events(decide(faulty, fault))).toEqual([]);
    const repair = equipmentCmd('RepairEquipment', {
      actor: admin,
      equipmentId: 'A-proj',
      now: at(11),
    });
    const byWang = rejection(decide(faulty, { ...repair, actor: wang }));
    expect(byWang).toMatchObject({ rule: 'R-7', code: 'permission.room-admin' });
    expect(byWang.message.en).toBe('only the room admin may mark equipment repaired');
    expect(byWang.message['zh-CN']).toContain('确认设备已修复');
    expect(events(decide(faulty, repair))).toEqual([
      { type: 'EquipmentRepaired', roomId: 'A', equipmentId: 'A-proj', by: 'admin', at: at(11) },
    ]);
    // repairing what is not faulty is nothing to do
    expect(events(decide(site, repair))).toEqual([]);
  });

  it('R-7: equipment the room does not have, or a room that does not exist, is refused', () => {
    expect(
      rejection(
        decide(
          site,
          equipmentCmd('ReportEquipmentFault', { equipmentId: 'B-vc', note: 'x', now: at(9) }),
        ),
      ),
    ).toMatchObject({
      rule: 'R-7',
      code: 'equipment.unknown',
      data: { roomId: 'A', equipmentId: 'B-vc' },
    });
    expect(
      rejection(
        decide(
          site,
          equipmentCmd('RepairEquipment', { actor: admin, roomId: 'Z', equipmentId: 'A-proj' }),
        ),
      ),
    ).toMatchObject({ rule: 'R-1', code: 'room.unknown' });
  });
});

describe('R-2: requests and their approval', () => {
  it('R-2: the room admin books for another organizer; the booking carries their department and series', () => {
    const [e] = events(
      decide(
        site,
        request({ actor: admin, organizerId: 'li', department: '售后服务部', seriesId: 's' }),
      ),
    );
    expect(e).toMatchObject({
      type: 'RoomBooked',
      booking: {
        organizerId: 'li',
        department: '售后服务部',
        seriesId: 's',
        equipment: [],
        confidential: false,
        requestedAt: MONDAY_8,
      },
    });
    // nothing that was not asked for
    const [plainBooking] = events(decide(site, request()));
    expect(plainBooking).toMatchObject({ booking: { organizerId: 'wang' } });
    expect(plainBooking && 'booking' in plainBooking && plainBooking.booking).not.toHaveProperty(
      'department',
    );
    expect(plainBooking && 'booking' in plainBooking && plainBooking.booking).not.toHaveProperty(
      'seriesId',
    );
  });

  it('R-3: booking on behalf of someone else is refused with the rule and the reason', () => {
    const r = rejection(decide(site, request({ organizerId: 'li' })));
    expect(r).toMatchObject({ rule: 'R-3', code: 'permission.room-admin' });
    expect(r.message.en).toBe('only the room admin may book on behalf of someone else');
    expect(r.message['zh-CN']).toContain('替他人预订');
  });

  it('R-2: in a room that needs approval, the room admin’s own request is confirmed at once', () => {
    expect(events(decide(site, request({ roomId: 'B', actor: admin })))[0]).toMatchObject({
      type: 'RoomBooked',
      booking: { status: 'confirmed' },
    });
    expect(events(decide(site, request({ roomId: 'B' })))[0]).toMatchObject({
      type: 'BookingRequested',
      booking: { status: 'pending' },
    });
  });

  const pending = history([request({ roomId: 'B' })]);
  const approve = cmd('ApproveBooking', { actor: admin, roomId: 'B', now: MONDAY_8 + MINUTE });
  const decline = cmd('DeclineBooking', {
    actor: admin,
    roomId: 'B',
    reason: '领导用会',
    now: MONDAY_8 + MINUTE,
  });

  it('R-2: only the room admin approves or declines, and the refusal says so', () => {
    for (const c of [approve, decline]) {
      const r = rejection(decide(pending, { ...c, actor: wang }));
      expect(r).toMatchObject({ rule: 'R-2', code: 'permission.room-admin' });
      expect(r.message.en).toBe('only the room admin may approve or decline bookings');
      expect(r.message['zh-CN']).toContain('审批预订');
    }
  });

  it('R-2: approving and declining record who, when and why', () => {
    expect(events(decide(pending, approve))).toEqual([
      { type: 'BookingApproved', roomId: 'B', bookingId: 'b1', by: 'admin', at: MONDAY_8 + MINUTE },
    ]);
    expect(events(decide(pending, decline))).toEqual([
      {
        type: 'BookingDeclined',
        roomId: 'B',
        bookingId: 'b1',
        by: 'admin',
        reason: '领导用会',
        at: MONDAY_8 + MINUTE,
      },
    ]);
  });

  it('R-2: only a pending booking is approved or declined; asking again for its state is nothing to do', () => {
    const approved = history([approve], plain, pending);
    const declined = history([decline], plain, pending);
    expect(events(decide(approved, approve))).toEqual([]);
    expect(events(decide(declined, decline))).toEqual([]);
    expect(rejection(decide(approved, decline))).toMatchObject({
      rule: 'R-2',
      code: 'booking.not-pending',
      data: { bookingId: 'b1' },
    });
    expect(rejection(decide(declined, approve))).toMatchObject({
      rule: 'R-2',
      code: 'booking.not-pending',
    });
    // a booking confirmed at once was never pending
    const confirmed = history([request()]);
    expect(rejection(decide(confirmed, { ...decline, roomId: 'A' })).code).toBe(
      'booking.not-pending',
    );
  });
});

describe('R-3: change and cancel', () => {
  const log = history([request()]);
  const change = (over: Cmd = {}) => cmd('ChangeBooking', { topic: '周例会(改)', ...over });

  it('R-3: a confirmed booking not checked in cannot be changed once it has started', () => {
    expect(events(decide(log, change({ now: at(9) - 1 })))).toHaveLength(1);
    const r = rejection(decide(log, change({ now: at(9) })));
    expect(r).toMatchObject({ rule: 'R-3', code: 'booking.started', data: { bookingId: 'b1' } });
  });

  it('R-3: a change records every field as it now is, and who made it', () => {
    expect(
      events(decide(log, change({ start: at(9, 30), end: at(10, 30), headcount: 4 }))),
    ).toEqual([
      {
        type: 'BookingChanged',
        roomId: 'A',
        bookingId: 'b1',
        start: at(9, 30),
        end: at(10, 30),
        headcount: 4,
        topic: '周例会(改)',
        equipment: [],
        pending: false,
        by: 'wang',
      },
    ]);
  });

  it('R-3: a change that changes nothing is nothing to do; a change that breaks a rule is refused', () => {
    expect(events(decide(log, change({ topic: '周例会' })))).toEqual([]);
    expect(events(decide(log, change({ topic: undefined, start: at(9) })))).toEqual([]);
    expect(rejection(decide(log, change({ headcount: 9 })))).toMatchObject({
      rule: 'R-2',
      code: 'booking.over-capacity',
    });
  });

  it('R-3: a booking cancelled, released or ended no longer changes', () => {
    const cancelled = history([cmd('CancelBooking')], plain, log);
    expect(rejection(decide(cancelled, change()))).toMatchObject({
      rule: 'R-3',
      code: 'booking.not-active',
      data: { bookingId: 'b1', status: 'cancelled' },
    });
    const released = history(
      [{ type: 'ReleaseNoShows', now: at(9, 30), actor: kiosk }],
      plain,
      log,
    );
    const r = rejection(decide(released, cmd('CancelBooking', { now: at(9, 30) })));
    expect(r).toMatchObject({ code: 'booking.not-active', data: { status: 'released' } });
    expect(r.message['zh-CN']).toContain('因未签到而释放');
  });

  it('R-2: a change to a booking in a room that needs approval waits for the room admin again', () => {
    const inB = history([request({ roomId: 'B', actor: admin, organizerId: 'wang' })]);
    const [byWang] = events(decide(inB, change({ roomId: 'B' })));
    expect(byWang).toMatchObject({ type: 'BookingChanged', pending: true });
    const [byAdmin] = events(decide(inB, change({ roomId: 'B', actor: admin })));
    expect(byAdmin).toMatchObject({ type: 'BookingChanged', pending: false, by: 'admin' });
    // a booking still pending stays pending whoever changes it
    const pendingB = history([request({ roomId: 'B' })]);
    const [stillPending] = events(decide(pendingB, change({ roomId: 'B', actor: admin })));
    expect(stillPending).toMatchObject({ pending: true });
  });

  it('R-3: a cancellation is late from exactly one hour before the start', () => {
    const cancelAt = (now: number) => events(decide(log, cmd('CancelBooking', { now })))[0];
    expect(cancelAt(at(8))).toMatchObject({ late: false });
    expect(cancelAt(at(8) + 1)).toMatchObject({ late: true });
  });

  it('R-3: a cancellation keeps its reason when one is given, and names who and when', () => {
    expect(events(decide(log, cmd('CancelBooking', { reason: '改期' })))).toEqual([
      {
        type: 'BookingCancelled',
        roomId: 'A',
        bookingId: 'b1',
        by: 'wang',
        late: false,
        at: MONDAY_8,
        reason: '改期',
      },
    ]);
    expect(events(decide(log, cmd('CancelBooking')))[0]).not.toHaveProperty('reason');
  });

  it('R-3: cancelling twice is nothing to do; a meeting checked in is ended early, not cancelled', () => {
    const cancelled = history([cmd('CancelBooking')], plain, log);
    expect(events(decide(cancelled, cmd('CancelBooking')))).toEqual([]);
    expect(rejection(decide(cancelled, cmd('CancelBooking', { actor: li })))).toMatchObject({
      rule: 'R-3',
      code: 'booking.not-organizer',
    });
    const inUse = history([cmd('CheckIn', { actor: kiosk, now: at(8, 55) })], plain, log);
    expect(rejection(decide(inUse, cmd('CancelBooking', { now: at(8, 56) })))).toMatchObject({
      rule: 'R-3',
      code: 'booking.started',
    });
  });
});

describe('R-4: check-in and no-shows', () => {
  const log = history([request()]);
  const checkIn = (now: number, over: Cmd = {}) => cmd('CheckIn', { actor: kiosk, now, ...over });

  it('R-4: a booking not checked in by start + 10 min is released at exactly that moment', () => {
    const release = (now: number) =>
      events(decide(log, { type: 'ReleaseNoShows', now, actor: kiosk }));
    expect(release(at(9, 10) - 1)).toEqual([]);
    expect(release(at(9, 10))).toEqual([
      { type: 'BookingReleased', roomId: 'A', bookingId: 'b1', at: at(9, 10) },
    ]);
    // the next command to the room settles it at that same moment
    const [released] = events(decide(log, walkUp({ now: at(9, 10) })));
    expect(released).toEqual({
      type: 'BookingReleased',
      roomId: 'A',
      bookingId: 'b1',
      at: at(9, 10),
    });
    // a moment before, it still holds the room
    expect(rejection(decide(log, walkUp({ now: at(9, 10) - 1 }))).code).toBe('walk-up.room-busy');
  });

  it('R-4: check-in is refused once released, naming the moment it closed', () => {
    const released = history(
      [{ type: 'ReleaseNoShows', now: at(9, 30), actor: kiosk }],
      plain,
      log,
    );
    expect(rejection(decide(released, checkIn(at(9, 31))))).toMatchObject({
      rule: 'R-4',
      code: 'check-in.too-late',
      data: { closed: at(9, 10) },
    });
  });

  it('R-4: checking in twice is nothing to do; a cancelled booking is not checked in', () => {
    const checked = history([checkIn(at(8, 55))], plain, log);
    expect(events(decide(checked, checkIn(at(8, 58))))).toEqual([]);
    const cancelled = history([cmd('CancelBooking')], plain, log);
    expect(rejection(decide(cancelled, checkIn(at(8, 55))))).toMatchObject({
      rule: 'R-3',
      code: 'booking.not-active',
      data: { status: 'cancelled' },
    });
  });

  it('R-4: a pending booking cannot be checked in, and says so', () => {
    const pending = history([request({ roomId: 'B' })]);
    const r = rejection(decide(pending, checkIn(at(8, 55), { roomId: 'B' })));
    expect(r).toMatchObject({ rule: 'R-4', code: 'check-in.pending' });
  });

  it('R-4: a booking of exactly 4 h is exempt: checked in until its end, never released', () => {
    const long = history([request({ start: at(9), end: at(13) })]);
    expect(events(decide(long, checkIn(at(13) - 1)))).toHaveLength(1);
    expect(rejection(decide(long, checkIn(at(13)))).code).toBe('check-in.too-late');
    expect(rejection(decide(long, checkIn(at(13)))).data).toEqual({ closed: at(13) });
    expect(events(decide(long, { type: 'ReleaseNoShows', now: at(13), actor: kiosk }))).toEqual([]);
    // one minute shorter is not exempt
    const shorter = history([request({ start: at(9), end: at(13) - MINUTE })]);
    expect(
      events(decide(shorter, { type: 'ReleaseNoShows', now: at(9, 10), actor: kiosk })),
    ).toHaveLength(1);
  });

  it('R-4: a pending booking nobody approved is released like any other', () => {
    const pending = history([request({ roomId: 'B' })]);
    expect(
      events(decide(pending, { type: 'ReleaseNoShows', now: at(9, 10), actor: kiosk })),
    ).toEqual([{ type: 'BookingReleased', roomId: 'B', bookingId: 'b1', at: at(9, 10) }]);
  });

  it('R-4: releasing no-shows in one room leaves the others; an unknown room is refused', () => {
    const two = history([request(), request({ bookingId: 'c1', roomId: 'C' })]);
    expect(
      events(decide(two, { type: 'ReleaseNoShows', now: at(9, 10), actor: kiosk, roomId: 'C' })),
    ).toEqual([{ type: 'BookingReleased', roomId: 'C', bookingId: 'c1', at: at(9, 10) }]);
    expect(
      events(decide(two, { type: 'ReleaseNoShows', now: at(9, 10), actor: kiosk })).map(
        (e) => e.type === 'BookingReleased' && e.roomId,
      ),
    ).toEqual(['A', 'C']);
    expect(
      rejection(decide(two, { type: 'ReleaseNoShows', now: at(9, 10), actor: kiosk, roomId: 'Z' })),
    ).toMatchObject({ rule: 'R-1', code: 'room.unknown' });
  });

  it('R-4: no-shows are released in order of start, and a series is flagged on its second in a row', () => {
    const s = history([
      request({ bookingId: 's2', seriesId: 'weekly', start: at(11), end: at(12) }),
      request({ bookingId: 's1', seriesId: 'weekly' }),
    ]);
    expect(events(decide(s, { type: 'ReleaseNoShows', now: at(13), actor: kiosk }))).toEqual([
      { type: 'BookingReleased', roomId: 'A', bookingId: 's1', at: at(9, 10) },
      { type: 'BookingReleased', roomId: 'A', bookingId: 's2', at: at(11, 10) },
      {
        type: 'SeriesNoShowsFlagged',
        roomId: 'A',
        seriesId: 'weekly',
        organizerId: 'wang',
        bookingIds: ['s1', 's2'],
      },
    ]);
  });

  it('R-4: the next command settles no-shows of the past week first, in the same batch; older ones are left to ReleaseNoShows', () => {
    const week = history([request({ start: at(9), end: at(10) })]);
    // a week after its start, the booking's hour still reaches into the look-back
    expect(events(decide(week, walkUp({ now: at(9) + 7 * DAY }))).map((e) => e.type)).toEqual([
      'BookingReleased',
      'RoomBooked',
      'BookingCheckedIn',
    ]);
    // a week after its end, it no longer does
    expect(events(decide(week, walkUp({ now: at(10) + 7 * DAY }))).map((e) => e.type)).toEqual([
      'RoomBooked',
      'BookingCheckedIn',
    ]);
  });
});

describe('R-5: walk-up', () => {
  it('R-5: a walk-up larger than the room is refused; one the room holds exactly is taken', () => {
    expect(rejection(decide(site, walkUp({ headcount: 9 })))).toMatchObject({
      rule: 'R-2',
      code: 'booking.over-capacity',
      data: { headcount: 9, capacity: 8 },
    });
    expect(events(decide(site, walkUp({ headcount: 8 })))[0]).toMatchObject({
      booking: { headcount: 8 },
    });
  });

  it('R-5: a walk-up is one person, a default topic and no equipment unless told; it keeps the department', () => {
    expect(events(decide(site, walkUp()))[0]).toEqual({
      type: 'RoomBooked',
      roomId: 'A',
      booking: {
        id: 'w1',
        roomId: 'A',
        organizerId: 'zhao',
        topic: '现场预订 Walk-up',
        headcount: 1,
        start: at(9, 7),
        end: at(9, 37),
        equipment: [],
        confidential: false,
        walkUp: true,
        status: 'confirmed',
        requestedAt: at(9, 7),
      },
    });
    expect(
      events(decide(site, walkUp({ topic: '临时讨论', department: '售后服务部' })))[0],
    ).toMatchObject({ booking: { topic: '临时讨论', department: '售后服务部' } });
  });

  it('R-5: a walk-up id already used by a booking is refused, even in another room', () => {
    const log = history([request({ bookingId: 'w1', start: at(11), end: at(12) })]);
    expect(rejection(decide(log, walkUp()))).toMatchObject({
      rule: 'R-2',
      code: 'booking.duplicate-id',
    });
    const walked = history([walkUp()]);
    expect(rejection(decide(walked, walkUp({ roomId: 'C' }))).code).toBe('booking.duplicate-id');
  });

  it('R-5: a walk-up keeps the buffer after the booking before it and before the next one', () => {
    const buffered = withRooms({ bufferMinutes: 10 });
    const log = history(
      [
        request({ start: at(8, 30), end: at(9) }),
        request({ bookingId: 'b2', start: at(10), end: at(11) }),
        cmd('CheckIn', { actor: kiosk, now: at(8, 30) }),
      ],
      buffered,
    );
    // five minutes after the last one ended is inside its buffer
    const busy = rejection(decide(log, walkUp({ now: at(9, 5) }), buffered));
    expect(busy).toMatchObject({
      rule: 'R-5',
      code: 'walk-up.room-busy',
      data: { freeFrom: at(9, 10) },
    });
    // from 09:10 it is free, and capped ten minutes before the next one
    const [booked] = events(decide(log, walkUp({ now: at(9, 10), minutes: 60 }), buffered));
    expect(booked).toMatchObject({ booking: { start: at(9, 10), end: at(9, 50) } });
  });

  it('R-5: a walk-up ends at closing time', () => {
    const [booked] = events(decide(site, walkUp({ now: at(19, 30), minutes: 60 })));
    expect(booked).toMatchObject({ booking: { start: at(19, 30), end: at(20) } });
  });

  it('R-5: a walk-up left exactly the minimum length is taken', () => {
    const log = history([request({ start: at(9, 30), end: at(10) })]);
    expect(events(decide(log, walkUp({ now: at(9, 15) })))[0]).toMatchObject({
      booking: { end: at(9, 30) },
    });
    expect(rejection(decide(log, walkUp({ now: at(9, 16) })))).toMatchObject({
      rule: 'R-5',
      code: 'walk-up.too-short',
      data: { freeMinutes: 14, minLengthMinutes: 15 },
    });
  });
});

describe('R-5: extend and end early', () => {
  const confirmed = history([request({ start: at(9), end: at(10) })]);
  const inUse = history([cmd('CheckIn', { actor: kiosk, now: at(9) })], plain, confirmed);
  const extend = (over: Cmd = {}) =>
    cmd('ExtendBooking', { actor: kiosk, now: at(9, 30), minutes: 15, fromEnd: at(10), ...over });
  const endEarly = (over: Cmd = {}) => cmd('EndEarly', { actor: kiosk, now: at(9, 30), ...over });

  it('R-5: a booking not checked in is neither extended nor ended early', () => {
    for (const c of [extend(), endEarly()]) {
      expect(rejection(decide(confirmed, c))).toMatchObject({
        rule: 'R-5',
        code: 'booking.not-in-progress',
        data: { bookingId: 'b1' },
      });
    }
  });

  it('R-5: a meeting is in progress until its end, not at it', () => {
    expect(events(decide(inUse, extend({ now: at(10) - 1 })))).toHaveLength(1);
    expect(events(decide(inUse, endEarly({ now: at(10) - 1 })))).toHaveLength(1);
    expect(rejection(decide(inUse, extend({ now: at(10) }))).code).toBe('booking.not-in-progress');
    expect(rejection(decide(inUse, endEarly({ now: at(10) }))).code).toBe(
      'booking.not-in-progress',
    );
  });

  it('R-5: an extension past closing time is refused', () => {
    const late = history([
      request({ now: at(18), start: at(19), end: at(19, 45) }),
      cmd('CheckIn', { actor: kiosk, now: at(19) }),
    ]);
    expect(events(decide(late, extend({ now: at(19, 30), fromEnd: at(19, 45) })))).toHaveLength(1);
    expect(
      rejection(decide(late, extend({ now: at(19, 30), fromEnd: at(19, 45), minutes: 30 }))),
    ).toMatchObject({ rule: 'R-2', code: 'booking.closed' });
  });

  it('R-5: an extension keeps the buffer before the next booking', () => {
    const buffered = withRooms({ bufferMinutes: 10 });
    const log = history(
      [
        request({ start: at(9), end: at(10) }),
        request({ bookingId: 'b2', start: at(10, 30), end: at(11) }),
        cmd('CheckIn', { actor: kiosk, now: at(9) }),
      ],
      buffered,
    );
    expect(events(decide(log, extend({ minutes: 15 }), buffered))).toEqual([
      { type: 'BookingExtended', roomId: 'A', bookingId: 'b1', end: at(10, 15), by: 'zhao' },
    ]);
    expect(rejection(decide(log, extend({ minutes: 30 }), buffered))).toMatchObject({
      rule: 'R-2',
      code: 'booking.room-busy',
      data: { conflict: { start: at(10, 30), end: at(11) } },
    });
  });

  it('R-5: ending early twice is nothing to do', () => {
    const ended = history([endEarly()], plain, inUse);
    expect(events(decide(ended, endEarly({ now: at(9, 40) })))).toEqual([]);
  });
});

describe('K-2: the door books one meeting at a time', () => {
  const door: Decider = untyped(createDoorBookingDecider());

  it('K-2: the door refuses a series and decides everything else as the office does', () => {
    const r = door.decide(
      {
        type: 'RequestSeries',
        now: MONDAY_8,
        actor: wang,
        roomId: 'A',
      },
      stateOf(site, door),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection).toMatchObject({ rule: 'K-2', code: 'door.not-taken' });
    expect(door.decide(walkUp(), stateOf(site, door))).toEqual(decide(site, walkUp()));
    expect(door.decide(request(), stateOf(site, door))).toEqual(decide(site, request()));
    // and refuses a malformed command as the office does
    expect(door.decide({ type: 'WalkUp' }, stateOf(site, door))).toEqual(
      decide(site, { type: 'WalkUp' }),
    );
    expect(door.decide(null, door.initialState).ok).toBe(false);
  });

  it('R-2: a command whose type is not a booking command is refused with the rule it answers to', () => {
    const r = rejection(plain.decide({ type: 'CheckIn', now: 0 }, plain.initialState));
    expect(r).toMatchObject({ rule: 'R-4', code: 'command.malformed' });
    expect(rejection(plain.decide({ type: 'EndEarly' }, plain.initialState)).rule).toBe('R-5');
    expect(rejection(plain.decide({ type: 'CancelBooking' }, plain.initialState)).rule).toBe('R-3');
    expect(rejection(plain.decide({ type: 'RepairEquipment' }, plain.initialState)).rule).toBe(
      'R-7',
    );
  });
});

describe('the rooms decider: what its mutation run found untested', () => {
  it('R-2: input that is not a command at all is refused under R-2, by the office and by the door', () => {
    for (const input of [undefined, null, 42, 'RequestSeries', { type: 'Nope' }]) {
      for (const parse of [parseBookingCommand, parseDoorBookingCommand]) {
        const r = parse(input);
        expect(r.ok, JSON.stringify(input)).toBe(false);
        if (!r.ok) expect(r.rejection).toMatchObject({ rule: 'R-2', code: 'command.malformed' });
      }
    }
  });

  it('K-2: the door’s refusal of a series names the command, in both languages', () => {
    const r = parseDoorBookingCommand({ type: 'RequestSeries' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection).toMatchObject({
      rule: 'K-2',
      code: 'door.not-taken',
      data: { type: 'RequestSeries' },
    });
    expect(r.rejection.message.en).toContain('RequestSeries');
    expect(r.rejection.message['zh-CN']).toContain('RequestSeries');
  });

  it('K-2: the door refuses every booking command it does not take by its type, before its fields, naming it', () => {
    for (const type of BOOKING_COMMAND_TYPES) {
      const r = parseDoorBookingCommand({ type, roomId: 7, stray: true });
      expect(r.ok, type).toBe(false);
      if (r.ok) continue;
      if (takenAtDoor(type)) expect(r.rejection.code, type).toBe('command.malformed');
      else expect(r.rejection, type).toEqual(notAtDoor(type));
      expect(isBookingCommandType(type), type).toBe(true);
    }
    for (const type of ['SignIn', 'RecordCleaning', 'Nope']) {
      expect(isBookingCommandType(type), type).toBe(false);
      expect(parseDoorBookingCommand({ type })).toMatchObject({
        ok: false,
        rejection: { rule: 'R-2', code: 'command.malformed', data: { path: 'command.type' } },
      });
    }
  });

  it('M-1: the office decider books a series through the same decide as everything else', () => {
    const series = {
      type: 'RequestSeries',
      now: MONDAY_8,
      actor: wang,
      seriesId: 'weekly',
      roomId: 'A',
      series: {
        rule: { freq: 'weekly', interval: 1, byWeekday: [1] },
        start: { year: 2026, month: 11, day: 30, hour: 9, minute: 0 },
        zone: 'Asia/Shanghai',
      },
      durationMinutes: 60,
      topic: '售后周例会',
      headcount: 6,
      mode: 'book-what-fits',
    };
    const booked = events(decide(site, series));
    expect(booked.filter((e) => e.type === 'RoomBooked')).toHaveLength(5);
    expect(booked.at(-1)).toMatchObject({ type: 'SeriesBooked', seriesId: 'weekly' });
  });

  it('R-4: a command that is nothing to do records nothing, not even the releases then due', () => {
    // b1 (09:00) is a no-show from 09:10; b2 was cancelled at 08:00, before anything was due
    const log = history([
      request(),
      request({ bookingId: 'b2', start: at(11), end: at(12) }),
      cmd('CancelBooking', { bookingId: 'b2' }),
    ]);
    const again = cmd('CancelBooking', { bookingId: 'b2', now: at(9, 30) });
    expect(events(decide(log, again))).toEqual([]);
    // a command that does something at that moment carries the release first
    expect(events(decide(log, walkUp({ now: at(9, 30) }))).map((e) => e.type)).toEqual([
      'BookingReleased',
      'RoomBooked',
      'BookingCheckedIn',
    ]);
  });

  it('R-4: ReleaseNoShows releases no-shows however long ago, not only those of the past week', () => {
    const log = history([request()]);
    expect(
      events(decide(log, { type: 'ReleaseNoShows', now: at(10) + 30 * DAY, actor: kiosk })),
    ).toEqual([{ type: 'BookingReleased', roomId: 'A', bookingId: 'b1', at: at(9, 10) }]);
  });

  it('R-3: a pending booking is cancelled like a confirmed one', () => {
    const pending = history([request({ roomId: 'B' })]);
    expect(events(decide(pending, cmd('CancelBooking', { roomId: 'B' })))).toEqual([
      {
        type: 'BookingCancelled',
        roomId: 'B',
        bookingId: 'b1',
        by: 'wang',
        late: false,
        at: MONDAY_8,
      },
    ]);
  });

  it('R-5: a walk-up told no department carries none', () => {
    const [booked] = events(decide(site, walkUp()));
    expect(booked?.type === 'RoomBooked' && 'department' in booked.booking).toBe(false);
  });

  it('R-5: a booking not in progress is not extended, and is told so before a stale end is looked at', () => {
    // confirmed, never checked in, 09:00–10:00: "extend from 09:45 by 15 min" names its end
    const confirmed = history([request()]);
    const asIfDone = cmd('ExtendBooking', {
      actor: kiosk,
      now: at(9, 5),
      minutes: 15,
      fromEnd: at(9, 45),
    });
    expect(rejection(decide(confirmed, asIfDone))).toMatchObject({
      rule: 'R-5',
      code: 'booking.not-in-progress',
    });
    // ended early, then asked again: not in progress either
    const inUse = history([cmd('CheckIn', { actor: kiosk, now: at(9) })], plain, confirmed);
    const ended = history([cmd('EndEarly', { actor: kiosk, now: at(9, 30) })], plain, inUse);
    expect(
      rejection(
        decide(
          ended,
          cmd('ExtendBooking', { actor: kiosk, now: at(9, 40), minutes: 15, fromEnd: at(9, 30) }),
        ),
      ),
    ).toMatchObject({ rule: 'R-5', code: 'booking.not-in-progress' });
    // checked in, at its end exactly, asked from an end it no longer has: over, not stale
    expect(
      rejection(
        decide(
          inUse,
          cmd('ExtendBooking', { actor: kiosk, now: at(10), minutes: 15, fromEnd: at(9, 30) }),
        ),
      ),
    ).toMatchObject({ rule: 'R-5', code: 'booking.not-in-progress' });
  });
});
