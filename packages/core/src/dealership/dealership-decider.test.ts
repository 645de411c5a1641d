import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Actor } from '../people/actor.js';
import type { Result } from '../rejection/rejection.js';
import { at, roomA, roomB } from '../rooms/fixtures.test-helpers.js';
import { malformedInputLaws } from '../testing/malformed-input.js';
import { untyped } from '../testing/untyped.js';
import type { DealershipCommand, DealershipEvent } from './contexts.js';
import { DOOR_COMMAND_TYPES, notAtDoor } from '../rejection/not-at-door.js';
import { DEALERSHIP_COMMAND_TYPES, commandContext } from './contexts.js';
import { eventContext } from './event-context.js';
import { createDealershipDecider, parseDealershipCommand } from './dealership-decider.js';
import { initialDealershipState } from './dealership-state.js';
import { createDoorDecider } from './door-decider.js';
import { roomOfCommand, roomOfEvent } from './room-of.js';
import { streamOf } from './stream-of.js';

const dealership = createDealershipDecider();
const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const boss: Actor = { id: 'boss', roles: ['leadership'] };
const wang: Actor = { id: 'wang', roles: ['organizer'] };
const MONDAY_8 = at(8);

/** A small week's start: rooms, a person, a tariff, a booking, a meeting in room B. */
const setup: DealershipCommand[] = [
  { type: 'RegisterRoom', now: MONDAY_8, actor: admin, room: roomA },
  { type: 'RegisterRoom', now: MONDAY_8, actor: admin, room: roomB },
  {
    type: 'RegisterPerson',
    now: MONDAY_8,
    actor: admin,
    person: {
      id: 'wang',
      name: '王伟',
      department: '售后服务部',
      employeeNumber: 'S001',
      roles: ['organizer'],
    },
  },
  {
    type: 'SetTariff',
    now: MONDAY_8,
    actor: admin,
    roomId: 'A',
    effectiveFrom: MONDAY_8,
    baseFenPerHour: 6000,
    energyFenPerHour: 1000,
    wearFenPerHour: {},
    cleaningFenPerBooking: 500,
  },
  {
    type: 'RequestBooking',
    now: MONDAY_8,
    actor: wang,
    bookingId: 'b1',
    roomId: 'A',
    topic: '周例会',
    headcount: 6,
    start: at(9),
    end: at(10),
  },
  {
    type: 'PlanMeeting',
    now: MONDAY_8,
    actor: wang,
    meetingId: 'm1',
    kind: 'weekly-review',
    topic: '售后周例会',
    booking: { roomId: 'B', bookingId: 'b9', start: at(14), end: at(15) },
  },
];

/** Runs commands through the dealership decider, each of which must be accepted. */
function play(commands: readonly DealershipCommand[], from = initialDealershipState) {
  const events: DealershipEvent[] = [];
  let state = from;
  for (const c of commands) {
    const r = dealership.decide(c, state);
    if (!r.ok) throw new Error(`${c.type}: ${r.rejection.message.en}`);
    events.push(...r.value);
    state = dealership.fold(state, r.value);
  }
  return { events, state };
}

describe('S-1: one decider for the whole dealership', () => {
  it('S-1: routes each command to its context and folds every event into one state', () => {
    const { events, state } = play(setup);
    expect(events.map((e) => e.type)).toEqual([
      'RoomRegistered',
      'RoomRegistered',
      'PersonRegistered',
      'TariffSet',
      'RoomBooked',
      'MeetingPlanned',
    ]);
    expect([...state.rooms.rooms.keys()]).toEqual(['A', 'B']);
    expect(state.directory.people.get('wang')?.name).toBe('王伟');
    expect(state.fees.tariffs.get('A')).toHaveLength(1);
    expect(state.rooms.rooms.get('A')?.bookings.get('b1')?.status).toBe('confirmed');
    expect(state.meetings.meetings.get('m1')?.status).toBe('draft');
    // One event at a time folds to the same state as the whole batch.
    expect(events.reduce(dealership.evolve, dealership.initialState)).toEqual(state);
  });

  it('S-1: a command repeated decides to nothing; one of no context is command.malformed', () => {
    const { state } = play(setup);
    expect(dealership.decide(setup[4] as DealershipCommand, state)).toEqual({
      ok: true,
      value: [],
    });
    const r = untyped(dealership).decide({ type: 'BookRoom', now: 0 }, state);
    expect(r).toMatchObject({
      ok: false,
      rejection: { code: 'command.malformed', data: { path: 'command.type' } },
    });
  });

  it('P-1: the policy announced through the dealership judges the commands after it takes effect', () => {
    const revise: DealershipCommand[] = [
      {
        type: 'ProposePolicyRevision',
        revisionId: 'r1',
        effectiveFrom: at(12),
        summary: '会议室最长预订 60 分钟',
        patch: { rooms: { maxLengthMinutes: 60 } },
        now: MONDAY_8,
        actor: wang,
      },
      { type: 'ApprovePolicyRevision', revisionId: 'r1', now: MONDAY_8, actor: boss },
      { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: MONDAY_8, actor: boss },
    ];
    const { state } = play([...setup, ...revise]);
    const book = (now: number, bookingId: string): DealershipCommand => ({
      type: 'RequestBooking',
      now,
      actor: wang,
      bookingId,
      roomId: 'A',
      topic: '客户回访',
      headcount: 2,
      start: at(16),
      end: at(17, 30),
    });
    expect(dealership.decide(book(at(11), 'b2'), state).ok).toBe(true);
    expect(dealership.decide(book(at(12), 'b3'), state)).toMatchObject({
      ok: false,
      rejection: { code: 'booking.too-long' },
    });
  });

  it('R-10: the fees context finds a booking organizer’s department in the directory', () => {
    const checkIn: DealershipCommand = {
      type: 'CheckIn',
      now: at(9),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
    };
    const { state } = play([...setup, checkIn]);
    const ask: DealershipCommand = {
      type: 'RequestWaiver',
      now: at(11),
      actor: wang,
      waiverId: 'w1',
      roomId: 'A',
      bookingId: 'b1',
      department: '售后服务部',
      reason: '客户接待',
    };
    expect(dealership.decide(ask, state)).toMatchObject({
      ok: true,
      value: [{ type: 'WaiverRequested', department: '售后服务部' }],
    });
    const unknown = { ...state, directory: initialDealershipState.directory };
    expect(dealership.decide(ask, unknown).ok).toBe(false);
  });
});

describe('S-1, S-3: streams and rooms', () => {
  it('S-1: every event names its stream, in the context’s own scheme', () => {
    const { events } = play(setup);
    expect(events.map(streamOf)).toEqual([
      'room:A',
      'room:B',
      'person:wang',
      'room:A',
      'room:A',
      'meeting:m1',
    ]);
    const policy: DealershipEvent = {
      type: 'PolicyRevisionApproved',
      revisionId: 'r1',
      by: 'boss',
      at: 0,
    };
    expect(streamOf(policy)).toBe('policy');
    const published: DealershipEvent = {
      type: 'NoticeIssued',
      meetingId: 'm1',
      notice: {
        noticeId: 'n',
        kind: 'minutes-published',
        to: { personId: 'li' },
        meetingId: 'm1',
        data: {},
      },
    };
    expect([eventContext(published), streamOf(published)]).toEqual(['minutes', 'minutes:m1']);
    const invited: DealershipEvent = {
      ...published,
      notice: { ...published.notice, kind: 'invitation' },
    };
    expect([eventContext(invited), streamOf(invited)]).toEqual(['meetings', 'meeting:m1']);
  });

  it('S-3: the room of a command or an event, from the command or from the state', () => {
    const { state, events } = play(setup);
    const signIn: DealershipCommand = {
      type: 'SignIn',
      now: at(14),
      actor: wang,
      meetingId: 'm1',
      personId: 'wang',
    };
    expect(roomOfCommand(signIn, state)).toBe('B');
    expect(roomOfCommand(setup[0] as DealershipCommand, state)).toBe('A');
    expect(
      roomOfCommand({ type: 'ReleaseNoShows', now: at(9), actor: admin }, state),
    ).toBeUndefined();
    expect(
      roomOfCommand({ type: 'SubmitMinutes', now: at(9), actor: wang, meetingId: 'm1' }, state),
    ).toBeUndefined();
    expect(events.map((e) => roomOfEvent(e, state))).toEqual(['A', 'B', undefined, 'A', 'A', 'B']);
  });

  it('S-1: commandContext sends the fault report to upkeep, and nothing else anywhere', () => {
    expect(commandContext({ type: 'ReportEquipmentFault' })).toBe('upkeep');
    expect(commandContext({ type: 'RequestSeries' })).toBe('rooms');
    for (const v of [null, 1, 'CheckIn', {}, { type: 'toString' }, { type: 'constructor' }])
      expect(commandContext(v)).toBeUndefined();
  });
});

describe('K-2: the door’s variant', () => {
  const door = createDoorDecider();

  it('K-2: decides what a door takes as the dealership does, and refuses the rest', () => {
    const { state } = play(setup);
    const walkUp: DealershipCommand = {
      type: 'WalkUp',
      now: at(10, 5),
      actor: wang,
      roomId: 'A',
      bookingId: 'w1',
      minutes: 30,
    };
    expect(door.decide(walkUp, state)).toEqual(dealership.decide(walkUp, state));
    expect(door.decide(walkUp, state).ok).toBe(true);
    const publish: DealershipCommand = {
      type: 'PublishMinutes',
      now: at(10),
      actor: wang,
      meetingId: 'm1',
    };
    expect(door.decide(publish, state)).toMatchObject({
      ok: false,
      rejection: { rule: 'K-2', code: 'command.malformed', data: { path: 'command.type' } },
    });
    expect(door.parse(publish)).toEqual(door.decide(publish, state));
    const start: DealershipCommand = {
      type: 'StartMeeting',
      now: at(14),
      actor: wang,
      meetingId: 'm1',
    };
    expect(door.decide(start, state)).toMatchObject({
      ok: false,
      rejection: { rule: 'K-2', code: 'door.not-taken' },
    });
    expect(door.parse({ type: 'RequestSeries' })).toMatchObject({
      ok: false,
      rejection: { code: 'door.not-taken' },
    });
    expect(door.parse(walkUp)).toEqual({ ok: true, value: walkUp });
  });

  it('K-2: refuses what the hub and the office do for a door: cancelling, cleaning, changing a meeting', () => {
    const { state } = play(setup);
    const office: DealershipCommand[] = [
      { type: 'CancelBooking', now: at(8, 30), actor: wang, roomId: 'A', bookingId: 'b1' },
      { type: 'RecordCleaning', now: at(8, 30), actor: admin, roomId: 'A' },
      { type: 'CancelMeeting', now: at(8, 30), actor: wang, meetingId: 'm1' },
    ];
    for (const c of office) {
      expect(dealership.decide(c, state).ok, c.type).toBe(true);
      expect(door.decide(c, state), c.type).toMatchObject({
        ok: false,
        rejection: { rule: 'K-2', code: 'door.not-taken', data: { type: c.type } },
      });
    }
  });

  it('K-2: reads only the commands a door takes; refuses the rest of its contexts by type, naming it; the others are none', () => {
    const elsewhere = new Set(['minutes', 'actions', 'fees', 'policy']);
    const taken = new Set<string>(DOOR_COMMAND_TYPES);
    for (const type of DEALERSHIP_COMMAND_TYPES) {
      const r = door.parse({ type });
      expect(r.ok, type).toBe(false);
      if (r.ok) continue;
      const other = elsewhere.has(commandContext({ type }) ?? '');
      if (taken.has(type)) {
        // A command a door takes is read field by field, as the dealership reads it.
        expect(r, type).toEqual(parseDealershipCommand({ type }));
        expect(r.rejection.data['path'], type).not.toBe('command.type');
      } else if (other) {
        expect(r.rejection, type).toMatchObject({
          rule: 'K-2',
          code: 'command.malformed',
          data: { path: 'command.type' },
        });
      } else {
        expect(r.rejection, type).toEqual(notAtDoor(type));
      }
    }
    expect(door.parse({ type: 'Nope' })).toMatchObject({
      ok: false,
      rejection: { rule: 'K-2', code: 'command.malformed', data: { path: 'command.type' } },
    });
  });

  it('K-2: the door takes exactly its own list: every command a door issues, and of each context what its door decider decides', () => {
    expect([...DOOR_COMMAND_TYPES].sort()).toEqual(
      [
        'CheckIn',
        'CompleteChecklist',
        'ConfirmPowerOff',
        'EndEarly',
        'ExtendBooking',
        'PlanMeeting',
        'RegisterPerson',
        'RegisterRoom',
        'ReleaseNoShows',
        'ReportEquipmentFault',
        'RequestBooking',
        'ScheduleMeeting',
        'SignConfidentialityAgreement',
        'SignIn',
        'SignOut',
        'WalkUp',
      ].sort(),
    );
    for (const type of DOOR_COMMAND_TYPES) expect(DEALERSHIP_COMMAND_TYPES, type).toContain(type);
  });

  it('K-2: folds the events a door reads and skips minutes, actions and fees', () => {
    const { events, state } = play(setup);
    const folded = door.fold(door.initialState, events);
    expect(folded.rooms).toEqual(state.rooms);
    expect(folded.meetings).toEqual(state.meetings);
    expect(folded.directory).toEqual(state.directory);
    expect(Object.keys(folded).sort()).toEqual(['directory', 'meetings', 'rooms', 'upkeep']);
  });
});

describe('S-1: input from outside', () => {
  const { state } = play(setup);
  /** Valid commands of several contexts, to be mangled. */
  const commands = fc.constantFrom<Record<string, unknown>>(
    ...(setup as Record<string, unknown>[]),
    { type: 'CheckIn', now: at(9), actor: wang, roomId: 'A', bookingId: 'b1' },
    { type: 'RecordCleaning', now: at(9), actor: admin, roomId: 'A' },
    { type: 'ScheduleMeeting', now: at(9), actor: wang, meetingId: 'm1' },
    { type: 'ReviewActions', now: at(9), actor: admin },
  );
  const parseThenDecide = (input: unknown): Result<unknown> => {
    const parsed = parseDealershipCommand(input);
    return parsed.ok ? dealership.decide(parsed.value, state) : parsed;
  };
  const laws = malformedInputLaws(parseThenDecide, commands);
  test('S-1: anything at all is refused as command.malformed, parsed first', () =>
    fc.assert(laws.anything));
  test('S-1: a valid command with one field replaced is decided or refused, never thrown', () =>
    fc.assert(laws.oneFieldReplaced));
  const decidedUnparsed = malformedInputLaws(
    (input) => untyped(dealership).decide(input, state),
    commands,
  );
  test('S-1: decide itself checks what it is given', () => {
    fc.assert(decidedUnparsed.anything);
    fc.assert(decidedUnparsed.oneFieldReplaced);
  });

  it('S-1: parse gives the command as its context reads it, or the same rejection', () => {
    for (const c of setup) expect(parseDealershipCommand(c)).toEqual({ ok: true, value: c });
    const bad = { ...setup[4], headcount: 0 };
    const r = parseDealershipCommand(bad);
    expect(r).toMatchObject({
      ok: false,
      rejection: { rule: 'R-2', code: 'command.malformed', data: { path: 'command.headcount' } },
    });
    expect(untyped(dealership).decide(bad, state)).toEqual(r);
  });
});
