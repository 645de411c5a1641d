// The dealership decider against its contexts' deciders, each with its own state folded apart from
// the events it decided (and, for upkeep and fees, the rooms' events they fold too).
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createActionDecider } from '../actions/action-decider.js';
import type { ActionEvent } from '../actions/action-events.js';
import { foldActionEvents, initialActionState } from '../actions/action-state.js';
import {
  PUBLISHED_AT,
  T,
  acmd,
  chen,
  draft,
  liu,
  mcmd,
  openFrom,
  publishedMinutes,
  ranThrough,
  wang as meetingWang,
} from '../actions/fixtures.test-helpers.js';
import { createFeeDecider } from '../fees/fee-decider.js';
import type { FeeEvent } from '../fees/fee-events.js';
import { foldFeeEvents, initialFeeState } from '../fees/fee-state.js';
import { tariffA } from '../fees/fixtures.test-helpers.js';
import { createMeetingDecider } from '../meetings/meeting-decider.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import { foldMeetingEvents, initialMeetingState } from '../meetings/meeting-state.js';
import { createMinutesDecider } from '../minutes/minutes-decider.js';
import type { MinutesEvent } from '../minutes/minutes-events.js';
import { foldMinutesEvents, initialMinutesState } from '../minutes/minutes-state.js';
import { directoryDecider, type PersonRegistered } from '../people/directory.js';
import { parametersIn } from '../policy/policy-at.js';
import { policyDecider } from '../policy/policy-decider.js';
import type { PolicyEvent } from '../policy/policy-events.js';
import type { Result } from '../rejection/rejection.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import { isBookingEvent, type BookingEvent } from '../rooms/booking-events.js';
import { foldBookingEvents, initialBookingState } from '../rooms/booking-state.js';
import { admin, at, request, roomA, roomB, wang } from '../rooms/fixtures.test-helpers.js';
import { untyped } from '../testing/untyped.js';
import { HOUR, MINUTE } from '../time/instant.js';
import { createWorkingCalendar } from '../time/working-calendar.js';
import { createUpkeepDecider } from '../upkeep/upkeep-decider.js';
import type { UpkeepLogEvent } from '../upkeep/upkeep-events.js';
import { foldUpkeepEvents, initialUpkeepState } from '../upkeep/upkeep-state.js';
import type { DealershipContext, DealershipEvent } from './contexts.js';
import { createDealershipDecider } from './dealership-decider.js';
import { feeStateOf } from './dealership-state.js';
import { upkeepStateOf } from './door-state.js';

const calendar = (() => {
  const c = createWorkingCalendar();
  if (!c.ok) throw new Error(c.rejection.message.en);
  return c.value;
})();
const typed = createDealershipDecider({ calendar });
const dealership = untyped(typed);
const boss = { id: 'boss', roles: ['leadership'] };

/** Commands of every context, each with the context it belongs to; in this order, each is accepted. */
const POOL: readonly [DealershipContext, Record<string, unknown>][] = [
  ['rooms', { type: 'RegisterRoom', now: at(7), actor: admin, room: roomA }],
  ['rooms', { type: 'RegisterRoom', now: at(7), actor: admin, room: roomB }],
  [
    'directory',
    {
      type: 'RegisterPerson',
      now: at(7),
      actor: admin,
      person: { id: 'wang', name: '王伟', department: '售后服务部', employeeNumber: 'S001' },
    },
  ],
  ['fees', tariffA],
  ['rooms', request({ equipment: ['projector'] })],
  ['rooms', { type: 'CheckIn', now: at(9), actor: wang, roomId: 'A', bookingId: 'b1' }],
  [
    'upkeep',
    {
      type: 'CompleteChecklist',
      now: at(9, 1),
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
      answers: [{ equipmentId: 'A-proj', result: 'faulty', note: '投影仪不亮' }],
    },
  ],
  ['rooms', { type: 'EndEarly', now: at(9, 40), actor: wang, roomId: 'A', bookingId: 'b1' }],
  [
    'upkeep',
    { type: 'ConfirmPowerOff', now: at(9, 45), actor: wang, roomId: 'A', bookingId: 'b1' },
  ],
  [
    'upkeep',
    { type: 'RepairEquipment', now: at(12), actor: admin, roomId: 'A', equipmentId: 'A-proj' },
  ],
  ['upkeep', { type: 'RecordCleaning', now: at(12), actor: admin, roomId: 'A' }],
  [
    'fees',
    {
      type: 'RequestWaiver',
      now: at(13),
      actor: wang,
      waiverId: 'w1',
      roomId: 'A',
      bookingId: 'b1',
      department: '售后服务部',
      reason: '客户接待',
    },
  ],
  ['fees', { type: 'GrantWaiver', now: at(14), actor: admin, waiverId: 'w1' }],
  [
    'rooms',
    { type: 'WalkUp', now: at(15, 2), actor: wang, roomId: 'A', bookingId: 'w1', minutes: 30 },
  ],
  [
    'rooms',
    {
      type: 'ExtendBooking',
      now: at(15, 20),
      actor: wang,
      roomId: 'A',
      bookingId: 'w1',
      minutes: 15,
      fromEnd: at(15, 32),
    },
  ],
  ...ranThrough().map((c): [DealershipContext, Record<string, unknown>] => ['meetings', c]),
  ['minutes', draft(T)],
  ['minutes', mcmd('SubmitMinutes', liu, T + HOUR)],
  ['minutes', mcmd('ApproveMinutes', chen, T + 2 * HOUR)],
  ['minutes', mcmd('PublishMinutes', chen, PUBLISHED_AT)],
  ['actions', openFrom(publishedMinutes())],
  ['actions', acmd('StartAction', { id: 'li', roles: [] }, PUBLISHED_AT + HOUR)],
  [
    'actions',
    acmd('ReportProgress', { id: 'li', roles: [] }, PUBLISHED_AT + 2 * HOUR, {
      text: '已回访 12 位客户',
    }),
  ],
  [
    'policy',
    {
      type: 'ProposePolicyRevision',
      revisionId: 'r1',
      effectiveFrom: at(16),
      summary: '预订间隔 10 分钟',
      patch: { rooms: { bufferMinutes: 10 } },
      now: at(8),
      actor: meetingWang,
    },
  ],
  ['policy', { type: 'ApprovePolicyRevision', revisionId: 'r1', now: at(8, 30), actor: boss }],
  ['policy', { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: at(8, 40), actor: boss }],
  // Under the revision in force from 16:00 (a 10-minute buffer), read from the state:
  ['rooms', request({ bookingId: 'b2', now: at(17), start: at(18), end: at(18, 30) })],
  ['rooms', request({ bookingId: 'b3', now: at(17), start: at(18, 40), end: at(19) })],
  ['actions', acmd('ReviewActions', admin, PUBLISHED_AT + 10 * 24 * HOUR, { actionId: undefined })],
];

/** Each context's state, folded apart from the events its fold takes, and its decider. */
function apart() {
  const logs = {
    rooms: [] as BookingEvent[],
    upkeep: [] as UpkeepLogEvent[],
    fees: [] as (FeeEvent | BookingEvent)[],
    meetings: [] as MeetingEvent[],
    minutes: [] as MinutesEvent[],
    actions: [] as ActionEvent[],
    directory: [] as PersonRegistered[],
    policy: [] as PolicyEvent[],
  };
  const states = () => {
    const policy = logs.policy.reduce(policyDecider.evolve, policyDecider.initialState);
    const directory = logs.directory.reduce(directoryDecider.evolve, directoryDecider.initialState);
    return {
      policy,
      directory,
      rooms: foldBookingEvents(initialBookingState, logs.rooms),
      upkeep: foldUpkeepEvents(initialUpkeepState, logs.upkeep),
      fees: foldFeeEvents(initialFeeState, logs.fees),
      meetings: foldMeetingEvents(initialMeetingState, logs.meetings),
      minutes: foldMinutesEvents(initialMinutesState, logs.minutes),
      actions: foldActionEvents(initialActionState, logs.actions),
    };
  };
  const decide = (
    context: DealershipContext,
    c: Record<string, unknown>,
  ): Result<readonly DealershipEvent[]> => {
    const s = states();
    const policy = parametersIn(s.policy);
    switch (context) {
      case 'rooms':
        return untyped(createBookingDecider(policy)).decide(c, s.rooms);
      case 'upkeep':
        return untyped(createUpkeepDecider(policy)).decide(c, s.upkeep);
      case 'meetings':
        return untyped(createMeetingDecider(policy)).decide(c, s.meetings);
      case 'minutes':
        return untyped(createMinutesDecider(policy, calendar)).decide(c, s.minutes);
      case 'actions':
        return untyped(createActionDecider(policy, calendar)).decide(c, s.actions);
      case 'fees':
        return untyped(
          createFeeDecider(policy, (id) => s.directory.people.get(id)?.department),
        ).decide(c, s.fees);
      case 'directory':
        return untyped(directoryDecider).decide(c, s.directory);
      case 'policy':
        return untyped(policyDecider).decide(c, s.policy);
    }
  };
  const fold = (context: DealershipContext, events: readonly DealershipEvent[]) => {
    for (const e of events) {
      if (isBookingEvent(e)) {
        logs.rooms.push(e);
        logs.upkeep.push(e);
        logs.fees.push(e);
      } else (logs[context] as DealershipEvent[]).push(e);
    }
  };
  return { decide, fold, states };
}

/** Plays commands through the dealership decider and through the contexts apart, comparing each step. */
function compare(commands: readonly [DealershipContext, Record<string, unknown>][]) {
  const model = apart();
  let state = dealership.initialState;
  let accepted = 0;
  for (const [context, c] of commands) {
    const expected = model.decide(context, c);
    const actual = dealership.decide(c, state);
    expect(actual).toEqual(expected);
    if (!actual.ok) continue;
    if (actual.value.length > 0) accepted++;
    state = typed.fold(state, actual.value);
    model.fold(context, actual.value);
  }
  const s = model.states();
  expect(state.rooms).toEqual(s.rooms);
  expect(upkeepStateOf(state)).toEqual(s.upkeep);
  expect(feeStateOf(state)).toEqual(s.fees);
  expect(state.meetings).toEqual(s.meetings);
  expect(state.minutes).toEqual(s.minutes);
  expect(state.actions).toEqual(s.actions);
  expect(state.directory).toEqual(s.directory);
  expect(state.policy).toEqual(s.policy);
  return { state, accepted };
}

describe('S-1: the dealership decider decides as each context’s decider does', () => {
  it('S-1: every command of the pool, in order, is accepted, and the states agree', () => {
    const { accepted } = compare(POOL);
    expect(accepted).toBe(POOL.length);
  });

  test.prop([
    fc.nat({ max: POOL.length }),
    fc.array(fc.nat({ max: POOL.length - 1 }), { maxLength: 30 }),
    fc.integer({ min: -2 * 60, max: 2 * 60 }),
  ])(
    'S-1: any prefix of the pool then any commands of it, moved in time: the same decisions, the same states',
    (prefix, picks, shiftMinutes) => {
      const shifted = ([context, c]: [DealershipContext, Record<string, unknown>]) =>
        [context, { ...c, now: (c['now'] as number) + shiftMinutes * MINUTE }] as [
          DealershipContext,
          Record<string, unknown>,
        ];
      compare([
        ...POOL.slice(0, prefix),
        ...picks.map((i) => shifted(POOL[i] as [DealershipContext, Record<string, unknown>])),
      ]);
    },
  );
});
