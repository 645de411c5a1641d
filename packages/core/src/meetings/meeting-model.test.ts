import { malformedInputLaws } from '../testing/malformed-input.js';
import { untyped } from '../testing/untyped.js';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  agenda,
  boss,
  chen,
  cmd,
  DAY,
  decider,
  END,
  history,
  HOUR,
  li,
  liu,
  ma,
  MINUTE,
  plan,
  PLANNED,
  ranThrough,
  scheduled,
  START,
  sun,
  wang,
  zhou,
} from './fixtures.test-helpers.js';
import { MEETING_COMMAND_TYPES } from './meeting-commands.js';
import { createDoorMeetingDecider } from './meeting-decider.js';
import { canMove, type MeetingStatus } from './meeting.js';
import type { MeetingEvent } from './meeting-events.js';
import type { MeetingState } from './meeting-state.js';

const WEEK = 7 * DAY;
const m2 = plan({
  meetingId: 'm2',
  confidential: true,
  occurrenceDate: '2026-12-09',
  agenda: [agenda[2]],
  booking: { roomId: 'A', bookingId: 'b2', start: START + WEEK, end: END + WEEK },
});
/** Where a run starts: m1 planned, scheduled, in progress, or run through; m2 a draft. */
const starts: readonly MeetingState[] = [
  history(plan(), m2).state,
  history(...scheduled(), m2).state,
  history(...scheduled(), m2, cmd('StartMeeting', chen, START)).state,
  history(...ranThrough(), m2).state,
];
const initial = starts[1]!;

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const qian = { id: 'qian', roles: [] };
const actors = [ma, chen, liu, zhou, wang, li, sun, boss, qian];
const people = ['chen', 'liu', 'zhou', 'wang', 'li', 'sun', 'qian', 'boss'];
/** Mostly someone allowed to, sometimes anyone. */
const actorFor = (...allowed: (typeof ma)[]) =>
  fc.oneof({ arbitrary: pick(allowed), weight: 4 }, { arbitrary: pick(actors), weight: 1 });
const meetingIdArb = fc.oneof(
  { arbitrary: fc.constant('m1'), weight: 6 },
  { arbitrary: pick(['m2', 'mz']), weight: 2 },
);
const moments = [
  PLANNED,
  PLANNED + HOUR,
  PLANNED + 2 * HOUR,
  START - 30 * HOUR,
  START - 25 * HOUR,
  START - 23 * HOUR,
  START - 15 * MINUTE,
  START - 5 * MINUTE,
  START,
  START + 5 * MINUTE,
  START + 25 * MINUTE,
  START + 50 * MINUTE,
  END,
  END + HOUR,
  START + WEEK - 10 * MINUTE,
  START + WEEK + 30 * MINUTE,
];
const nowArb = fc.oneof(
  { arbitrary: pick(moments), weight: 3 },
  {
    arbitrary: fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => PLANNED + m * MINUTE),
    weight: 1,
  },
);
const on = (...allowed: (typeof ma)[]) => ({
  now: nowArb,
  actor: actorFor(...allowed),
  meetingId: meetingIdArb,
});
const bookings = [
  { roomId: 'A', bookingId: 'b1', start: START, end: END },
  { roomId: 'B', bookingId: 'b3', start: START + DAY, end: END + DAY },
  { roomId: 'A', bookingId: 'b4', start: START, end: START + 30 * MINUTE },
];
const invitees = [chen, liu, zhou, wang, li, sun, qian];

/** Well-formed commands of every type; their outcomes are left to the decider. */
const commandArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: pick(['ScheduleMeeting', 'CloseMeeting']), ...on(ma, chen) }),
  {
    weight: 1,
    arbitrary: fc
      .record({ type: fc.constant('CancelMeeting'), ...on(ma, chen), coin: fc.nat(7) })
      .map(({ coin, ...c }) => ({ ...c, meetingId: coin === 0 ? 'm1' : coin === 1 ? 'm2' : 'mz' })),
  },
  fc.record({ type: pick(['StartMeeting', 'EndMeeting']), ...on(chen) }),
  fc.record({ type: fc.constant('RescheduleMeeting'), ...on(ma, chen), booking: pick(bookings) }),
  fc.record({
    type: fc.constant('EditMeeting'),
    ...on(ma, chen),
    goals: pick(['新目标', '另一个目标']),
  }),
  fc
    .record(
      {
        type: fc.constant('AnswerInvitation'),
        ...on(...invitees),
        answer: pick(['accepted', 'tentative', 'declined', 'delegated']),
        reason: fc.constant('出差'),
        delegateTo: pick(['qian', 'boss', 'li']),
      },
      { requiredKeys: ['type', 'now', 'actor', 'meetingId', 'answer'] },
    )
    .map(({ delegateTo, ...c }) =>
      c.answer === 'delegated' && delegateTo !== undefined ? { ...c, delegateTo } : c,
    ),
  fc.record(
    {
      type: fc.constant('ReviewInvitations'),
      now: nowArb,
      actor: pick(actors),
      meetingId: meetingIdArb,
    },
    { requiredKeys: ['type', 'now', 'actor'] },
  ),
  fc.record({ type: fc.constant('AcceptExcuse'), ...on(chen), personId: pick(people) }),
  fc.record({
    type: pick(['StartAgendaItem', 'EndAgendaItem']),
    ...on(chen),
    itemId: pick(['i1', 'i2', 'i3']),
  }),
  fc.record({
    type: fc.constant('EndAgendaItem'),
    ...on(chen),
    itemId: pick(['i1', 'i2', 'i3']),
    finished: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('CarryOverItems'),
    ...on(ma, chen),
    meetingId: pick(['m2', 'm1']),
    fromMeetingId: pick(['m1', 'm2', 'mz']),
  }),
  {
    weight: 3,
    arbitrary: fc
      .record({ type: pick(['SignIn', 'SignOut']), ...on(...invitees), personId: pick(people) })
      .map(({ personId, ...c }) => (c.actor === zhou ? { ...c, personId } : c)),
  },
  fc
    .record(
      {
        type: fc.constant('SignConfidentialityAgreement'),
        now: nowArb,
        actor: actorFor(...invitees),
        personId: pick(people),
        version: fc.oneof(
          { arbitrary: fc.constant(1), weight: 4 },
          { arbitrary: fc.constant(2), weight: 1 },
        ),
        signatureRef: fc.constant('sig/1'),
        meetingId: meetingIdArb,
      },
      { requiredKeys: ['type', 'now', 'actor', 'version', 'signatureRef'] },
    )
    .map((c) => ({ ...c, personId: c.personId ?? (c.actor as typeof ma).id })),
  fc.record(
    {
      type: fc.constant('RecordOutcome'),
      ...on(chen, liu),
      outcomeId: pick(['o1', 'o2']),
      itemId: pick(['i1', 'i2', 'i3']),
      kind: pick(['information', 'decision', 'action']),
      text: fc.constant('决定'),
      work: fc.record({
        ownerId: pick(people),
        due: pick([START + WEEK, START]),
        urgency: pick(['normal', 'urgent', 'critical']),
      }),
    },
    { requiredKeys: ['type', 'now', 'actor', 'meetingId', 'outcomeId', 'itemId', 'kind', 'text'] },
  ),
);

/** Commands in the order of their `now`, as they would arrive. */
const runArb = (maxLength: number) =>
  fc
    .array(commandArb, { minLength: 10, maxLength, size: 'max' })
    .map((cs) => [...cs].sort((a, b) => (a['now'] as number) - (b['now'] as number)));

/** The simple model: the status each command type moves a meeting to when it changes anything. */
const MOVES: Record<string, MeetingStatus> = {
  ScheduleMeeting: 'scheduled',
  CancelMeeting: 'cancelled',
  StartMeeting: 'in-progress',
  EndMeeting: 'ended',
  CloseMeeting: 'closed',
};

function checkStep(
  before: MeetingState,
  after: MeetingState,
  command: Record<string, unknown>,
  events: readonly MeetingEvent[],
  model: Map<string, MeetingStatus>,
): void {
  for (const [id, m] of after.meetings) {
    const was = before.meetings.get(id)?.status ?? m.status;
    // M-4: states only move along the allowed transitions
    if (was !== m.status) expect(canMove(was, m.status)).toBe(true);
    // …and exactly as the model says
    const target = MOVES[command['type'] as string];
    const expected =
      events.length > 0 && target !== undefined && command['meetingId'] === id
        ? target
        : model.get(id);
    expect(m.status).toBe(expected);
    model.set(id, m.status);
    // M-3: a lapsed or delegated invitation never changes again
    for (const [p, inv] of before.meetings.get(id)?.invitations ?? []) {
      if (inv.status === 'no-response' || inv.status === 'delegated')
        expect(m.invitations.get(p)).toEqual(inv);
    }
  }
  for (const e of events) {
    if (e.type !== 'SignedIn') continue;
    const m = before.meetings.get(e.meetingId)!;
    // M-5: only invitees sign in; R-8: at a confidential meeting, only with the agreement signed
    expect(m.invitations.has(e.personId)).toBe(true);
    if (m.confidential) expect(before.agreements.get(e.personId)?.length ?? 0).toBeGreaterThan(0);
  }
}

describe('M-2 … M-8: the meeting decider under arbitrary commands', () => {
  test.prop([fc.constantFrom(...starts), runArb(60)], { numRuns: 120 })(
    'M-4: states move only along allowed transitions, as the model says; no notice id twice; a repeat changes nothing',
    (start, commands) => {
      let state = start;
      const model = new Map([...start.meetings].map(([id, m]) => [id, m.status]));
      const noticeIds = new Set(
        [...start.meetings.values()].flatMap((m) =>
          [...m.noticeCounts].flatMap(([key, n]) =>
            Array.from({ length: n }, (_, i) => `${m.id}:${key}:${i + 1}`),
          ),
        ),
      );
      for (const command of commands) {
        const result = decider.decide(command, state);
        const events = result.ok ? result.value : [];
        const next = events.reduce(decider.evolve, state);
        checkStep(state, next, command, events, model);
        for (const e of events) {
          if (e.type !== 'NoticeIssued') continue;
          expect(noticeIds.has(e.notice.noticeId)).toBe(false);
          noticeIds.add(e.notice.noticeId);
        }
        const again = decider.decide(command, next);
        expect(again.ok ? again.value : []).toEqual([]);
        state = next;
      }
    },
  );

  test.prop([fc.constantFrom(...starts), runArb(40)], { numRuns: 40 })(
    'evolving one event at a time equals folding them all at once',
    (start, commands) => {
      let state = start;
      const log: MeetingEvent[] = [];
      for (const command of commands) {
        const result = decider.decide(command, state);
        if (!result.ok) continue;
        for (const e of result.value) {
          log.push(e);
          state = decider.evolve(state, e);
        }
      }
      expect(log.reduce(decider.evolve, start)).toEqual(state);
    },
  );
});

describe('K-2: the meeting decider of a door', () => {
  const door = untyped(createDoorMeetingDecider());
  /**
   * What a door takes: planning and scheduling (a schedule file), sign-in and sign-out, the
   * agreement. Editing, rescheduling and cancelling, the run and the invitations it refuses.
   */
  const atDoor = new Set([
    'PlanMeeting',
    'ScheduleMeeting',
    'SignIn',
    'SignOut',
    'SignConfidentialityAgreement',
  ]);

  test.prop([fc.constantFrom(...starts), runArb(60)], { numRuns: 80 })(
    'K-2: decides what the door takes exactly as the full decider, and refuses the rest with its reason',
    (start, commands) => {
      let state = start;
      for (const command of commands) {
        const full = decider.decide(command, state);
        const mine = door.decide(command, state);
        if (atDoor.has(command['type'] as string)) expect(mine).toEqual(full);
        else
          expect(mine.ok ? 'accepted' : [mine.rejection.rule, mine.rejection.code]).toEqual([
            'K-2',
            'door.not-taken',
          ]);
        state = (full.ok ? full.value : []).reduce(decider.evolve, state);
      }
    },
  );

  test.prop([fc.anything()])(
    'K-2: refuses anything malformed as the full decider does, at the same field; an unknown type naming only what a door takes',
    (input) => {
      const full = decider.decide(input, initial);
      const mine = door.decide(input, initial);
      if (full.ok || full.rejection.data['path'] !== 'command.type') expect(mine).toEqual(full);
      else
        expect(mine).toMatchObject({
          ok: false,
          rejection: {
            rule: full.rejection.rule,
            code: 'command.malformed',
            data: { path: 'command.type' },
            message: {
              en: `malformed command: command.type must be one of: ${[...atDoor].join(', ')}`,
            },
          },
        });
    },
  );

  test.prop([fc.constantFrom(...MEETING_COMMAND_TYPES), fc.anything()])(
    'K-2: refuses a command it does not take by its type alone, naming it, whatever its fields',
    (type, fields) => {
      const input = { ...(typeof fields === 'object' ? fields : {}), type };
      const mine = door.decide(input, initial);
      if (atDoor.has(type)) expect(mine).toEqual(decider.decide(input, initial));
      else
        expect(mine).toEqual({
          ok: false,
          rejection: {
            kind: 'rejection',
            rule: 'K-2',
            code: 'door.not-taken',
            message: {
              'zh-CN': `门口屏不受理此操作（${type}），请在预订或会议系统中办理`,
              en: `the door does not take ${type}: use the booking or meeting system`,
            },
            data: { type },
          },
        });
    },
  );
});

describe('M-4: arbitrary JSON is rejected, never thrown', () => {
  const laws = malformedInputLaws((c) => decider.decide(c, initial), commandArb);
  test('anything at all', () => fc.assert(laws.anything));
  test('a valid command with one field replaced by anything', () =>
    fc.assert(laws.oneFieldReplaced));
});
