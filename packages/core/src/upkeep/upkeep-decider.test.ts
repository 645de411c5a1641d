import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { parametersIn } from '../policy/policy-at.js';
import { policyDecider } from '../policy/policy-decider.js';
import { run } from '../testing/given.js';
import { localDateOf, startOfLocalDay } from '../time/zone.js';
import {
  admin,
  at,
  eventsOf,
  given,
  kiosk,
  li,
  play,
  rejectionOf,
  request,
  rooms,
  siteLog,
  wang,
} from './fixtures.test-helpers.js';
import { createDoorUpkeepDecider, createUpkeepDecider } from './upkeep-decider.js';
import { foldUpkeepEvents, initialUpkeepState } from './upkeep-state.js';
import { overdueInspections } from './overdue.js';
import { checklistFor, faultyEquipment, powerOffPending } from './upkeep-queries.js';
import { isUpkeepOwnEvent, upkeepStreamOf } from './upkeep-events.js';
import { faultWarnings } from './fault-warnings.js';

const state = (log = siteLog) => foldUpkeepEvents(initialUpkeepState, log);
const inspect = (over: Record<string, unknown> = {}) => ({
  type: 'RecordInspection',
  now: at(8),
  actor: admin,
  roomId: 'A',
  equipmentId: 'A-proj',
  result: 'ok',
  ...over,
});
const report = (over: Record<string, unknown> = {}) => ({
  type: 'ReportEquipmentFault',
  now: at(8),
  actor: kiosk,
  roomId: 'A',
  equipmentId: 'A-proj',
  note: '投影仪不亮',
  ...over,
});
const repair = (over: Record<string, unknown> = {}) => ({
  type: 'RepairEquipment',
  now: at(12),
  actor: admin,
  roomId: 'A',
  equipmentId: 'A-proj',
  ...over,
});
/** Wang's 09:00–10:00 in A needing the projector, and Li's 14:00–15:00 needing it too. */
const twoBookings = play(
  siteLog,
  request({ equipment: ['projector'] }),
  request({ bookingId: 'b2', actor: li, start: at(14), end: at(15), equipment: ['projector'] }),
);

describe('R-7: inspections', () => {
  it('R-7: the room admin records an inspection; anyone else, an unknown room or item is refused', () => {
    expect(given(siteLog).when(inspect()).thenAccepted()).toEqual([
      {
        type: 'EquipmentInspected',
        roomId: 'A',
        equipmentId: 'A-proj',
        result: 'ok',
        by: 'admin',
        at: at(8),
      },
    ]);
    expect(
      given(siteLog)
        .when(inspect({ actor: wang }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-7',
      code: 'permission.room-admin',
    });
    expect(
      given(siteLog)
        .when(inspect({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(siteLog)
        .when(inspect({ equipmentId: 'X' }))
        .thenRefused().code,
    ).toBe('equipment.unknown');
  });

  it('R-7: a faulty inspection needs a note, reports the rooms context’s fault, and R-2 then refuses the item', () => {
    expect(
      given(siteLog)
        .when(inspect({ result: 'faulty' }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-7',
      code: 'equipment.note-required',
    });
    const log = play(siteLog, inspect({ result: 'faulty', note: '灯泡老化' }));
    expect(log.slice(siteLog.length)).toEqual([
      {
        type: 'EquipmentFaultReported',
        roomId: 'A',
        equipmentId: 'A-proj',
        note: '灯泡老化',
        reportedBy: 'admin',
        at: at(8),
      },
      expect.objectContaining({ type: 'EquipmentInspected', result: 'faulty', note: '灯泡老化' }),
    ]);
    const s = state(log);
    expect(s.rooms.rooms.get('A')?.faulty.get('A-proj')).toBe('灯泡老化');
    expect(rejectionOf(rooms.decide(request({ equipment: ['projector'] }), s.rooms))).toMatchObject(
      { rule: 'R-2', code: 'booking.equipment-faulty' },
    );
  });

  it('R-7: an item is faulty until repaired: it cannot be found ok before, and can after', () => {
    const log = play(siteLog, report());
    expect(
      given(log)
        .when(inspect({ now: at(9) }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-7',
      code: 'equipment.still-faulty',
      data: { since: at(8) },
    });
    // A second faulty finding is recorded without a second fault.
    expect(
      given(log)
        .when(inspect({ now: at(9), result: 'faulty', note: '仍不亮' }))
        .thenAccepted(),
    ).toEqual([expect.objectContaining({ type: 'EquipmentInspected', result: 'faulty' })]);
    const repaired = play(log, repair());
    expect(
      given(repaired)
        .when(inspect({ now: at(13) }))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      eventsOf(
        rooms.decide(
          request({ now: at(13), start: at(14), end: at(15), equipment: ['projector'] }),
          state(repaired).rooms,
        ),
      ),
    ).toHaveLength(1);
  });

  it('R-7: a repeated inspection decides to no events', () => {
    for (const c of [inspect(), inspect({ result: 'faulty', note: '灯泡老化' })]) {
      const log = play(siteLog, c);
      given(log).when(c).thenNothingHappened();
    }
  });
});

describe('R-7: overdue inspections', () => {
  it('R-7: never inspected is overdue; inspected, it is overdue from the day after its interval, on the wall calendar', () => {
    const log = play(siteLog, inspect({ now: at(16) }));
    const s = state(log);
    const a = (now: number) => overdueInspections(s, now, undefined, 'A');
    expect(a(at(9))).toEqual([
      { roomId: 'A', equipmentId: 'A-screen', kind: 'screen', faulty: false },
    ]);
    // Inspected Monday 30 Nov at 16:00, every 7 days: due Monday 7 Dec, overdue from Tuesday 8 Dec 00:00.
    const overdue = startOfLocalDay({ year: 2026, month: 12, day: 8 }, 'Asia/Shanghai');
    expect(a(overdue - 1)).toHaveLength(1);
    expect(a(overdue)).toEqual([
      {
        roomId: 'A',
        equipmentId: 'A-proj',
        kind: 'projector',
        lastInspectedAt: at(16),
        overdueSince: overdue,
        faulty: false,
      },
      { roomId: 'A', equipmentId: 'A-screen', kind: 'screen', faulty: false },
    ]);
    expect(localDateOf(overdue, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12, day: 8 });
  });

  it('R-7 / P-3: the interval is the room’s own, from the policy in force', () => {
    const boss = { id: 'boss', roles: ['leadership'] as const };
    const { state: policy } = run(policyDecider, [
      {
        type: 'ProposePolicyRevision',
        revisionId: 'r1',
        now: at(7),
        actor: admin,
        effectiveFrom: at(7, 30),
        summary: '培训室设备每天检查',
        patch: {},
        overrides: { rooms: { D: { rooms: { equipmentInspectionIntervalDays: 1 } } } },
      },
      {
        type: 'ApprovePolicyRevision',
        revisionId: 'r1',
        now: at(7, 10),
        actor: { ...boss, roles: [...boss.roles] },
      },
      { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: at(7, 20), actor: admin },
    ]);
    const d = untyped(createUpkeepDecider(parametersIn(policy)));
    let log = siteLog;
    for (const [roomId, equipmentId] of [
      ['A', 'A-proj'],
      ['A', 'A-screen'],
      ['D', 'D-proj1'],
      ['D', 'D-proj2'],
      ['D', 'D-mic'],
    ] as const) {
      const r = d.decide(
        inspect({ roomId, equipmentId }),
        foldUpkeepEvents(initialUpkeepState, log),
      );
      log = [...log, ...eventsOf(r)];
    }
    const wednesday = startOfLocalDay({ year: 2026, month: 12, day: 2 }, 'Asia/Shanghai');
    // Rooms B and C were never inspected: overdue whatever the interval. Of the rest, D's items
    // (daily) are overdue on Wednesday; A's (weekly) are not.
    const inspected = (now: number, policy?: Parameters<typeof overdueInspections>[2]) =>
      overdueInspections(foldUpkeepEvents(initialUpkeepState, log), now, policy)
        .filter((o) => o.lastInspectedAt !== undefined)
        .map((o) => o.equipmentId);
    expect(inspected(wednesday, parametersIn(policy))).toEqual(['D-proj1', 'D-proj2', 'D-mic']);
    expect(inspected(wednesday)).toEqual([]);
  });
});

const checklist = (over: Record<string, unknown> = {}) => ({
  type: 'CompleteChecklist',
  now: at(8, 55),
  actor: wang,
  roomId: 'A',
  bookingId: 'b1',
  answers: [{ equipmentId: 'A-proj', result: 'ok' }],
  ...over,
});

describe('R-7: the checklist at the door', () => {
  it('R-7: the organizer checks every working item the booking needs, at check-in', () => {
    const s = state(twoBookings);
    expect(checklistFor(s, 'A', 'b1')).toEqual([{ equipmentId: 'A-proj', kind: 'projector' }]);
    expect(given(twoBookings).when(checklist()).thenAccepted()).toEqual([
      {
        type: 'ChecklistCompleted',
        roomId: 'A',
        bookingId: 'b1',
        answers: [{ equipmentId: 'A-proj', result: 'ok' }],
        by: 'wang',
        at: at(8, 55),
      },
    ]);
    // Items the booking does not need may be answered too.
    const more = checklist({
      answers: [
        { equipmentId: 'A-proj', result: 'ok' },
        { equipmentId: 'A-screen', result: 'ok' },
      ],
    });
    expect(given(twoBookings).when(more).thenAccepted()).toHaveLength(1);
  });

  it('R-7: a faulty answer reports the fault, R-2 refuses the item, and later bookings that need it are warned — not the one that found it', () => {
    const c = checklist({ answers: [{ equipmentId: 'A-proj', result: 'faulty', note: '无信号' }] });
    const log = play(twoBookings, c);
    const decided = log.slice(twoBookings.length);
    expect(decided.map((e) => e.type)).toEqual([
      'EquipmentFaultReported',
      'ChecklistCompleted',
      'FaultWarningIssued',
    ]);
    expect(decided[2]).toEqual({
      type: 'FaultWarningIssued',
      roomId: 'A',
      bookingId: 'b2',
      to: { personId: 'li' },
      noticeId: `b2:fault:${at(8, 55)}`,
      start: at(14),
      faults: [{ equipmentId: 'A-proj', kind: 'projector', note: '无信号', reportedAt: at(8, 55) }],
      at: at(8, 55),
    });
    const s = state(log);
    expect(
      rejectionOf(
        rooms.decide(
          request({
            bookingId: 'b3',
            now: at(9),
            start: at(16),
            end: at(17),
            equipment: ['projector'],
          }),
          s.rooms,
        ),
      ).code,
    ).toBe('booking.equipment-faulty');
    // Both bookings still to come need the projector; b1's organizer found the fault, b2's was told.
    expect(faultWarnings(s, at(9)).map((w) => w.bookingId)).toEqual(['b1', 'b2']);
    expect(
      given(log).when({ type: 'IssueFaultWarnings', now: at(9), actor: admin }).result,
    ).toEqual({
      ok: true,
      value: [],
    });
  });

  it('R-7: every needed working item, each once, faulty ones with what is wrong, and never a faulty item called ok', () => {
    expect(
      given(twoBookings)
        .when(checklist({ answers: [] }))
        .thenRefused(),
    ).toMatchObject({
      code: 'checklist.incomplete',
      data: { missing: ['A-proj'] },
    });
    const twice = [
      { equipmentId: 'A-proj', result: 'ok' },
      { equipmentId: 'A-proj', result: 'ok' },
    ];
    expect(
      given(twoBookings)
        .when(checklist({ answers: twice }))
        .thenRefused().code,
    ).toBe('checklist.duplicate-item');
    expect(
      given(twoBookings)
        .when(checklist({ answers: [{ equipmentId: 'A-proj', result: 'faulty' }] }))
        .thenRefused().code,
    ).toBe('equipment.note-required');
    expect(
      given(twoBookings)
        .when(checklist({ answers: [{ equipmentId: 'B-vc', result: 'ok' }] }))
        .thenRefused().code,
    ).toBe('equipment.unknown');
    const faultyLog = play(twoBookings, report({ now: at(8, 30) }));
    const faulty = state(faultyLog);
    expect(checklistFor(faulty, 'A', 'b1')).toEqual([
      {
        equipmentId: 'A-proj',
        kind: 'projector',
        fault: { equipmentId: 'A-proj', note: '投影仪不亮', reportedBy: 'zhao', at: at(8, 30) },
      },
    ]);
    expect(given(faultyLog).when(checklist()).thenRefused().code).toBe('equipment.still-faulty');
    // A faulty item need not be checked; said to be faulty again, it reports nothing new.
    expect(
      given(faultyLog)
        .when(checklist({ answers: [] }))
        .thenAccepted(),
    ).toHaveLength(1);
  });

  it('R-7: only the organizer or the room admin, and only from check-in until the meeting ends', () => {
    expect(
      given(twoBookings)
        .when(checklist({ actor: li }))
        .thenRefused().code,
    ).toBe('upkeep.not-organizer');
    expect(
      given(twoBookings)
        .when(checklist({ actor: admin }))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(twoBookings)
        .when(checklist({ now: at(8, 49) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'checklist.not-at-check-in',
      data: { opens: at(8, 50), closes: at(9, 10) },
    });
    expect(
      given(twoBookings)
        .when(checklist({ now: at(9, 10) }))
        .thenRefused().code,
    ).toBe('checklist.not-at-check-in');
    const checkedIn = play(twoBookings, {
      type: 'CheckIn',
      now: at(8, 55),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(
      given(checkedIn)
        .when(checklist({ now: at(9, 45) }))
        .thenAccepted(),
    ).toHaveLength(1);
    const cancelled = play(twoBookings, {
      type: 'CancelBooking',
      now: at(8),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(given(cancelled).when(checklist()).thenRefused().code).toBe(
      'checklist.booking-not-active',
    );
    expect(
      given(twoBookings)
        .when(checklist({ bookingId: 'nope' }))
        .thenRefused().code,
    ).toBe('booking.unknown');
  });

  it('R-7: done once: the same checklist again decides to nothing, a different one is refused', () => {
    const log = play(twoBookings, checklist());
    expect(given(log).when(checklist({ now: at(8, 56) })).result).toEqual({
      ok: true,
      value: [],
    });
    expect(
      given(log)
        .when(checklist({ answers: [{ equipmentId: 'A-proj', result: 'faulty', note: '坏了' }] }))
        .thenRefused().code,
    ).toBe('checklist.already-completed');
  });
});

describe('R-7: faults and warnings', () => {
  it('R-7: a fault reported at the door warns every later booking that needs it, once', () => {
    const log = play(twoBookings, report());
    expect(log.slice(twoBookings.length).map((e) => e.type)).toEqual([
      'EquipmentFaultReported',
      'FaultWarningIssued',
      'FaultWarningIssued',
    ]);
    given(log).when(report()).thenNothingHappened();
    expect(
      given(log).when({ type: 'IssueFaultWarnings', now: at(8), actor: kiosk }).result,
    ).toEqual({
      ok: true,
      value: [],
    });
    expect(
      given(log)
        .when(report({ equipmentId: 'nope' }))
        .thenRefused().code,
    ).toBe('equipment.unknown');
  });

  it('R-7: no warning while another working item of the kind remains; a warning once the last one fails', () => {
    const booked = play(
      siteLog,
      request({
        roomId: 'D',
        bookingId: 'd1',
        start: at(10),
        end: at(11),
        equipment: ['projector'],
      }),
    );
    const one = play(booked, report({ roomId: 'D', equipmentId: 'D-proj1' }));
    expect(one.slice(booked.length).map((e) => e.type)).toEqual(['EquipmentFaultReported']);
    expect(faultWarnings(state(one), at(8))).toEqual([]);
    expect(
      eventsOf(
        rooms.decide(
          request({
            roomId: 'D',
            bookingId: 'd2',
            start: at(12),
            end: at(13),
            equipment: ['projector'],
          }),
          state(one).rooms,
        ),
      ),
    ).toHaveLength(1);
    const both = play(
      one,
      report({ roomId: 'D', equipmentId: 'D-proj2', now: at(8, 5), note: '无画面' }),
    );
    const warning = both.at(-1);
    expect(warning).toMatchObject({
      type: 'FaultWarningIssued',
      bookingId: 'd1',
      faults: [
        { equipmentId: 'D-proj1', note: '投影仪不亮' },
        { equipmentId: 'D-proj2', note: '无画面' },
      ],
    });
    expect(faultyEquipment(state(both), 'D').map((f) => [f.equipmentId, f.label])).toEqual([
      ['D-proj1', '左投影仪'],
      ['D-proj2', '右投影仪'],
    ]);
  });

  it('R-7: faults reported through the rooms decider are warned by IssueFaultWarnings, never twice', () => {
    const viaRooms = [
      ...twoBookings,
      ...eventsOf(rooms.decide(report(), state(twoBookings).rooms)),
    ];
    const sweep = { type: 'IssueFaultWarnings', now: at(10), actor: admin, roomId: 'A' };
    const warned = given(viaRooms).when(sweep).thenAccepted();
    // At 10:00 only Li's 14:00 booking is still to come.
    expect(warned).toEqual([expect.objectContaining({ bookingId: 'b2', to: { personId: 'li' } })]);
    given([...viaRooms, ...warned])
      .when(sweep)
      .thenNothingHappened();
    expect(
      given(viaRooms)
        .when({ ...sweep, roomId: 'Z' })
        .thenRefused().code,
    ).toBe('room.unknown');
  });

  it('R-7: only the room admin repairs; a repaired item is offered again and warns no more', () => {
    const log = play(twoBookings, report());
    expect(
      given(log)
        .when(repair({ actor: wang }))
        .thenRefused().code,
    ).toBe('permission.room-admin');
    const repaired = play(log, repair());
    expect(repaired.at(-1)).toEqual({
      type: 'EquipmentRepaired',
      roomId: 'A',
      equipmentId: 'A-proj',
      by: 'admin',
      at: at(12),
    });
    const s = state(repaired);
    expect(faultyEquipment(s, 'A')).toEqual([]);
    expect(faultyEquipment(s, 'Z')).toEqual([]);
    expect(faultWarnings(s, at(12))).toEqual([]);
    given(repaired).when(repair()).thenNothingHappened();
  });
});

describe('R-7: power off after the meeting', () => {
  const used = play(twoBookings, {
    type: 'CheckIn',
    now: at(8, 55),
    actor: wang,
    roomId: 'A',
    bookingId: 'b1',
  });
  const off = (over: Record<string, unknown> = {}) => ({
    type: 'ConfirmPowerOff',
    now: at(10),
    actor: wang,
    roomId: 'A',
    bookingId: 'b1',
    ...over,
  });

  it('R-7: once the meeting is over the organizer confirms everything is off, once', () => {
    expect(given(used).when(off()).thenAccepted()).toEqual([
      { type: 'PowerOffConfirmed', roomId: 'A', bookingId: 'b1', by: 'wang', at: at(10) },
    ]);
    const log = play(used, off());
    expect(given(log).when(off({ now: at(10, 5), actor: admin })).result).toEqual({
      ok: true,
      value: [],
    });
  });

  it('R-7: not before it is over (end it early first), not for a booking never used, only its organizer or the room admin', () => {
    expect(
      given(used)
        .when(off({ now: at(9, 30) }))
        .thenRefused(),
    ).toMatchObject({
      code: 'power-off.meeting-not-over',
      data: { end: at(10) },
    });
    const ended = play(used, {
      type: 'EndEarly',
      now: at(9, 30),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    });
    expect(
      given(ended)
        .when(off({ now: at(9, 31) }))
        .thenAccepted(),
    ).toHaveLength(1);
    expect(
      given(used)
        .when(off({ bookingId: 'b2', actor: li, now: at(16) }))
        .thenRefused().code,
    ).toBe('power-off.not-checked-in');
    expect(
      given(used)
        .when(off({ actor: li }))
        .thenRefused().code,
    ).toBe('upkeep.not-organizer');
    expect(
      given(used)
        .when(off({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
  });
});

describe('R-7: what the admin screen asks', () => {
  it('R-7: the meetings over, used and not confirmed powered off, oldest first', () => {
    const log = play(
      twoBookings,
      { type: 'CheckIn', now: at(8, 55), actor: wang, roomId: 'A', bookingId: 'b1' },
      { type: 'CheckIn', now: at(14), actor: li, roomId: 'A', bookingId: 'b2' },
      { type: 'EndEarly', now: at(14, 30), actor: li, roomId: 'A', bookingId: 'b2' },
    );
    expect(powerOffPending(state(log), at(9, 59))).toEqual([]);
    expect(powerOffPending(state(log), at(10))).toEqual([
      { roomId: 'A', bookingId: 'b1', organizerId: 'wang', endedAt: at(10) },
    ]);
    expect(powerOffPending(state(log), at(15))).toEqual([
      { roomId: 'A', bookingId: 'b1', organizerId: 'wang', endedAt: at(10) },
      { roomId: 'A', bookingId: 'b2', organizerId: 'li', endedAt: at(14, 30) },
    ]);
    const confirmed = play(log, {
      type: 'ConfirmPowerOff',
      now: at(15),
      actor: li,
      roomId: 'A',
      bookingId: 'b2',
    });
    expect(powerOffPending(state(confirmed), at(15), 'A').map((p) => p.bookingId)).toEqual(['b1']);
    expect(powerOffPending(state(confirmed), at(15), 'C')).toEqual([]);
  });

  it('R-7: events go to their room’s stream, beside the rooms context’s', () => {
    const log = play(twoBookings, report());
    for (const e of log.slice(twoBookings.length))
      if (isUpkeepOwnEvent(e)) expect(upkeepStreamOf(e)).toBe('room:A');
    expect(isUpkeepOwnEvent({ type: 'RoomBooked' })).toBe(false);
    // Events of other contexts in the same log are left alone.
    const s = state(log);
    expect(foldUpkeepEvents(s, [{ type: 'NoticeIssued' } as never])).toBe(s);
  });
});

describe('malformed commands', () => {
  it('R-7: malformed commands and unknown types are refused with the field named, never thrown', () => {
    expect(given(siteLog).when({ type: 'Nope' }).thenRefused()).toMatchObject({
      rule: 'R-7',
      code: 'command.malformed',
    });
    expect(given(siteLog).when(null).thenRefused().code).toBe('command.malformed');
    expect(
      given(siteLog)
        .when(inspect({ result: 'fine' }))
        .thenRefused().data,
    ).toMatchObject({
      path: 'command.result',
    });
    expect(
      given(siteLog).when({ type: 'RecordCleaning', now: 0, actor: admin }).thenRefused(),
    ).toMatchObject({ rule: 'R-9', data: { path: 'command.roomId' } });
  });

  it('P-1: every command is judged by the policy in force (default: the defaults)', () => {
    expect(
      untyped(createUpkeepDecider(() => DEFAULT_PARAMETERS)).decide(inspect(), state()).ok,
    ).toBe(true);
  });
});

describe('K-2: the upkeep decider of a door', () => {
  const door = untyped(createDoorUpkeepDecider());
  const full = untyped(createUpkeepDecider());

  it('K-2: takes the fault seen at the door, the checklist and the power-off; refuses the repair, the inspection, the warnings on demand and the cleaning', () => {
    const s = state();
    const taken = [report()];
    const refused = [
      { type: 'RepairEquipment', now: at(9), actor: admin, roomId: 'A', equipmentId: 'A-proj' },
      inspect(),
      { type: 'IssueFaultWarnings', now: at(9), actor: admin },
      { type: 'RecordCleaning', now: at(15), actor: admin, roomId: 'A' },
      {
        type: 'ReportCleaningProblem',
        now: at(10),
        actor: kiosk,
        roomId: 'A',
        problemId: 'p1',
        note: '地毯有咖啡渍',
      },
      { type: 'ResolveCleaningProblem', now: at(16), actor: admin, roomId: 'A', problemId: 'p1' },
    ];
    for (const c of taken) expect(door.decide(c, s), c.type).toEqual(full.decide(c, s));
    for (const c of refused)
      expect(door.decide(c, s), c.type).toEqual({
        ok: false,
        rejection: expect.objectContaining({
          rule: 'K-2',
          code: 'door.not-taken',
          data: { type: c.type },
        }),
      });
  });
});
