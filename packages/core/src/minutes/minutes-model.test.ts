import { recipientKey } from '../people/recipient.js';
import { malformedInputLaws } from '../testing/malformed-input.js';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { deepEqual } from '../policy/records.js';
import { MEETING_CAST, signInLogArb } from '../testing/meeting-arbitraries.js';
import { absentees } from '../meetings/attendance.js';
import {
  at,
  boss,
  chen,
  END,
  FACTS,
  HOUR,
  li,
  liu,
  MINUTE,
  minutesDecider as decider,
  START,
  wang,
} from './fixtures.test-helpers.js';
import type { MeetingFacts } from './meeting-facts.js';
import { canMoveMinutes, recipientsOf } from './minutes.js';
import type { MinutesEvent } from './minutes-events.js';
import type { MinutesState } from './minutes-state.js';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** The facts of m1 with who was expected, informed, signed in and excused drawn at random. */
const factsArb: fc.Arbitrary<MeetingFacts> = fc
  .record({
    others: fc.subarray(MEETING_CAST.filter((p) => p !== 'chen' && p !== 'liu')),
    informed: fc.subarray(['boss', 'qian', 'li']),
    signIns: signInLogArb({ start: START, end: END }),
    excused: fc.subarray([...MEETING_CAST]),
  })
  .map(({ others, informed, signIns, excused }) => ({
    ...FACTS,
    expected: ['chen', 'liu', ...others],
    informed,
    signIns: signIns.map((e) => ({ ...e, by: e.by === 'self' ? e.personId : e.by })),
    excused,
  }));

const T = END + HOUR;
const nowArb = fc.integer({ min: 0, max: 4 * 24 * 60 }).map((m) => T + m * MINUTE);
const actors = [liu, chen, wang, li, boss];
const actorFor = (...allowed: (typeof liu)[]) =>
  fc.oneof({ arbitrary: pick(allowed), weight: 4 }, { arbitrary: pick(actors), weight: 1 });
const itemsArb = fc.array(
  fc.record(
    {
      id: pick(['d1', 'd2']),
      agendaItemId: pick(['i1', 'i2']),
      kind: pick(['decision', 'action']),
      text: fc.constant('决议'),
      work: fc.record(
        {
          ownerId: pick(['li', 'wang']),
          due: fc.constant(at(9, 18)),
          urgency: pick(['normal', 'critical']),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['id', 'agendaItemId', 'kind', 'text'] },
  ),
  { maxLength: 2 },
);

/** Well-formed minutes commands; `facts` stand for the meeting whose minutes they are. */
const commandArb = (facts: MeetingFacts): fc.Arbitrary<Record<string, unknown>> => {
  const on = (...allowed: (typeof liu)[]) => ({
    now: nowArb,
    actor: actorFor(...allowed),
    meetingId: fc.constant('m1'),
  });
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('DraftMinutes'),
        ...on(liu),
        meeting: fc.constant(facts),
        items: itemsArb,
      },
      { requiredKeys: ['type', 'now', 'actor', 'meetingId', 'meeting'] },
    ),
    fc.record({ type: fc.constant('EditMinutes'), ...on(liu), items: itemsArb }),
    fc.record({
      type: fc.constant('EditMinutes'),
      ...on(liu),
      summary: pick(['总结一', '总结二']),
    }),
    fc.record({ type: fc.constant('SubmitMinutes'), ...on(liu) }),
    fc.record({ type: fc.constant('ReturnMinutes'), ...on(chen), comments: fc.constant('请补充') }),
    fc.record({ type: fc.constant('ApproveMinutes'), ...on(chen) }),
    fc.record({ type: fc.constant('PublishMinutes'), ...on(chen, liu) }),
    fc.record({
      type: fc.constant('AcknowledgeMinutes'),
      ...on(...actors),
      version: pick([1, 2, 3]),
    }),
    fc.record({
      type: fc.constant('AmendMinutes'),
      ...on(liu),
      reason: pick(['更正', '补充']),
      summary: pick(['修订一', '修订二']),
    }),
    fc.record(
      { type: fc.constant('ReviewMinutes'), ...on(...actors), meeting: fc.constant(facts) },
      { requiredKeys: ['type', 'now', 'actor', 'meetingId'] },
    ),
  );
};

const runArb = factsArb.chain((facts) =>
  fc.tuple(
    fc.constant(facts),
    fc.nat(4),
    fc.array(commandArb(facts), { minLength: 5, maxLength: 40, size: 'max' }),
  ),
);

/** Where a run starts: nothing, or the minutes drafted, submitted, approved, or published. */
function startAfter(facts: MeetingFacts, steps: number): MinutesState {
  const prefix = [
    { type: 'DraftMinutes', now: T, actor: liu, meetingId: 'm1', meeting: facts },
    { type: 'SubmitMinutes', now: T, actor: liu, meetingId: 'm1' },
    { type: 'ApproveMinutes', now: T, actor: chen, meetingId: 'm1' },
    { type: 'PublishMinutes', now: T, actor: chen, meetingId: 'm1' },
  ].slice(0, steps);
  let state = decider.initialState;
  for (const c of prefix) {
    const r = decider.decide(c, state);
    if (!r.ok) throw new Error(r.rejection.message.en);
    state = r.value.reduce(decider.evolve, state);
  }
  return state;
}

function checkStep(
  before: MinutesState,
  after: MinutesState,
  events: readonly MinutesEvent[],
  facts: MeetingFacts,
): void {
  const was = before.minutes.get('m1');
  const now = after.minutes.get('m1');
  if (!now) return;
  const old = was?.versions ?? [];
  // N-4: versions only grow, numbered 1, 2, …; all but the newest are published
  expect(now.versions.length).toBeGreaterThanOrEqual(old.length);
  now.versions.forEach((v, i) => {
    expect(v.version).toBe(i + 1);
    if (i < now.versions.length - 1) expect(v.status).toBe('published');
  });
  old.forEach((v, i) => {
    const next = now.versions[i]!;
    // N-4: published minutes never change
    if (v.status === 'published') expect(next).toBe(v);
    // N-2: each version moves only along the allowed transitions
    else if (next.status !== v.status) expect(canMoveMinutes(v.status, next.status)).toBe(true);
  });
  for (const e of events) {
    if (e.type !== 'MinutesPublished') continue;
    const v = now.versions[e.version - 1]!;
    const sent = events.flatMap((x) => (x.type === 'NoticeIssued' ? [x.notice] : []));
    const to = (kind: string) =>
      sent
        .filter((n) => n.kind === kind)
        .map((n) => recipientKey(n.to))
        .sort();
    // N-3: every participant and informed person exactly one notice, every absentee exactly one absentee notice
    expect(to('minutes-published')).toEqual(recipientsOf(facts).sort());
    expect(to('absentee')).toEqual(
      absentees(v.content.attendance)
        .map((p) => p.personId)
        .sort(),
    );
    expect(sent.every((n) => (n.data['version'] as number) === e.version)).toBe(true);
    // N-3: each published item carries its urgency and due date
    for (const i of v.content.items)
      if (i.work)
        expect([i.work.urgency, typeof i.work.due]).toEqual([expect.any(String), 'number']);
  }
}

describe('N-1 … N-5: the minutes decider under arbitrary commands', () => {
  test.prop([runArb], { numRuns: 150 })(
    'N-4: versions only grow and published ones never change; N-2: statuses move as allowed; N-3: one notice each; no notice id twice; a repeat changes nothing',
    ([facts, steps, commands]) => {
      let state = startAfter(facts, steps);
      const noticeIds = new Set<string>(
        [...(state.minutes.get('m1')?.noticeCounts ?? [])].flatMap(([key, n]) =>
          Array.from({ length: n }, (_, i) => `m1:${key}:${i + 1}`),
        ),
      );
      for (const command of commands) {
        const result = decider.decide(command, state);
        const events = result.ok ? result.value : [];
        const next = events.reduce(decider.evolve, state);
        checkStep(state, next, events, facts);
        for (const e of events) {
          if (e.type !== 'NoticeIssued') continue;
          expect(noticeIds.has(e.notice.noticeId)).toBe(false);
          noticeIds.add(e.notice.noticeId);
        }
        const again = decider.decide(command, next);
        expect(again.ok ? again.value : []).toEqual([]);
        state = next;
      }
      const m = state.minutes.get('m1');
      if (m)
        expect(
          deepEqual(
            [...m.receipts.keys()].every((v) => m.versions[v - 1]?.status === 'published'),
            true,
          ),
        ).toBe(true);
    },
  );
});

describe('N-1: arbitrary JSON is rejected, never thrown', () => {
  const laws = malformedInputLaws(
    (c) => decider.decide(c, decider.initialState),
    factsArb.chain(commandArb),
  );
  test('anything at all', () => fc.assert(laws.anything));
  test('a valid command with one field replaced by anything', () =>
    fc.assert(laws.oneFieldReplaced));
});
