import { malformedInputLaws } from '../testing/malformed-input.js';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { hasRole, type Actor } from '../people/actor.js';
import { deepEqual } from '../policy/records.js';
import { actionCommandArb, followUpInstantArb } from '../testing/action-arbitraries.js';
import { createWorkingCalendar } from '../time/working-calendar.js';
import { workingDeadline } from '../time/working-calendar.js';
import { canMoveAction, isOpenStatus, type ActionStatus } from './action.js';
import type { ActionEvent } from './action-events.js';
import type { ActionState } from './action-state.js';
import {
  actionDecider as decider,
  actionHistory,
  at,
  chen,
  leader,
  li,
  liu,
  openFrom,
  PUBLISHED_AT,
  publishedMinutes,
  wang,
  zhou,
} from './fixtures.test-helpers.js';

const cal = (() => {
  const c = createWorkingCalendar();
  if (!c.ok) throw new Error('calendar');
  return c.value;
})();

// Two decisions: o1 for li (due Wednesday 9 December, 18:00, no supervisor), o2 for wang (due
// Friday 4 December, 18:00, supervised by zhou).
const MINUTES = publishedMinutes([
  {
    id: 'o1',
    agendaItemId: 'i2',
    kind: 'decision',
    text: '投诉 48 小时内回访',
    work: { ownerId: 'li', due: at(9, 18), urgency: 'urgent', collaborators: ['wang'] },
  },
  {
    id: 'o2',
    agendaItemId: 'i1',
    kind: 'action',
    text: '整理回访记录',
    work: { ownerId: 'wang', due: at(4, 18) },
  },
]);
const OPEN = openFrom(MINUTES, PUBLISHED_AT, { supervisors: { o2: 'zhou' } });
const START = actionHistory(decider, OPEN).state;
const ACTORS: readonly Actor[] = [li, wang, chen, zhou, leader, liu];
const nowArb = followUpInstantArb(PUBLISHED_AT, 10);
const commandsArb = fc.array(
  fc.oneof(
    {
      arbitrary: actionCommandArb({
        actionIds: ['m1:o1', 'm1:o2', 'm1:o1', 'm1:o2', 'm1:zz'],
        actors: ACTORS,
        now: nowArb,
        people: ['li', 'wang'],
        owners: { 'm1:o1': li, 'm1:o2': wang },
        deciders: [chen, chen, zhou, leader],
      }),
      weight: 12,
    },
    { arbitrary: fc.constant(OPEN), weight: 1 },
  ),
  { minLength: 5, maxLength: 60, size: 'max' },
);

// ---- The model: the rules of F-1 – F-7 restated over a few plain fields ----

interface MEscalation {
  problem: string;
  ladder: ('chair' | 'supervisor' | 'leadership')[];
  rung: number;
  respondBy: number;
  resume: ActionStatus;
  answer?: { response: string; by: string };
}
interface MAction {
  owner: string;
  supervisor?: string;
  due: number;
  status: ActionStatus;
  started: boolean;
  lastProgress?: unknown;
  lastCompletion?: { round: number; at: number; report: unknown };
  evaluations: number;
  lastEvaluation?: { quality: number; by: string };
  rectificationDue?: number;
  escalation?: MEscalation;
}
interface MEntry {
  id: string;
  kind: string;
  by: string;
  corrects?: string;
  reason?: string;
}
interface Model {
  actions: Map<string, MAction>;
  ledger: Map<string, MEntry[]>;
}

const initialModel = (): Model => ({
  actions: new Map([
    ['m1:o1', { owner: 'li', due: at(9, 18), status: 'open', started: false, evaluations: 0 }],
    [
      'm1:o2',
      {
        owner: 'wang',
        supervisor: 'zhou',
        due: at(4, 18),
        status: 'open',
        started: false,
        evaluations: 0,
      },
    ],
  ]),
  ledger: new Map(),
});

const responder = (e: MEscalation, a: MAction): string | undefined => {
  const level = e.ladder[e.rung];
  return level === 'chair' ? 'chen' : level === 'supervisor' ? a.supervisor : undefined;
};

type Expected = 'rejected' | 'unchanged' | 'changed' | 'any';

/** What the model expects of a command, applying it to the model when accepted. */
function expect_(m: Model, c: Record<string, unknown>): Expected {
  const actor = c['actor'] as Actor;
  const now = c['now'] as number;
  const leaderRole = hasRole(actor, 'leadership');
  if (c['type'] === 'OpenActionsFromMinutes') return 'unchanged';
  if (c['type'] === 'ReviewActions') {
    if (c['actionId'] !== undefined && !m.actions.has(c['actionId'] as string)) return 'rejected';
    for (const [id, a] of m.actions) {
      if (c['actionId'] !== undefined && c['actionId'] !== id) continue;
      const e = a.escalation;
      if (a.status !== 'blocked' || e === undefined || e.answer) continue;
      while (now > e.respondBy && e.rung + 1 < e.ladder.length) {
        e.rung++;
        e.respondBy = workingDeadline(cal, e.respondBy, 2);
      }
    }
    return 'any';
  }
  if (c['type'] === 'CorrectLedgerEntry') {
    const entries = m.ledger.get(c['personId'] as string) ?? [];
    const entry = entries.find((e) => e.id === c['entryId']);
    if (!entry || (!leaderRole && actor.id !== entry.by) || entry.kind === 'correction')
      return 'rejected';
    const earlier = entries.find((e) => e.corrects === entry.id);
    if (earlier)
      return earlier.reason === c['reason'] && earlier.by === actor.id ? 'unchanged' : 'rejected';
    entries.push({
      id: `${c['personId']}#${entries.length + 1}`,
      kind: 'correction',
      by: actor.id,
      corrects: entry.id,
      reason: c['reason'] as string,
    });
    return 'changed';
  }
  const a = m.actions.get(c['actionId'] as string);
  if (!a) return 'rejected';
  const owner = actor.id === a.owner;
  switch (c['type']) {
    case 'StartAction':
      if (!owner) return 'rejected';
      if (a.started) return 'unchanged';
      if (a.status !== 'open') return 'rejected';
      a.status = 'in-progress';
      a.started = true;
      return 'changed';
    case 'ReportProgress': {
      if (!owner) return 'rejected';
      const report = { text: c['text'], percent: c['percent'], by: actor.id, at: now };
      if (deepEqual(JSON.parse(JSON.stringify(report)), a.lastProgress)) return 'unchanged';
      if (!isOpenStatus(a.status)) return 'rejected';
      a.lastProgress = JSON.parse(JSON.stringify(report));
      return 'changed';
    }
    case 'EscalateProblem': {
      if (!owner) return 'rejected';
      const e = a.escalation;
      if (e && !e.answer && a.status === 'blocked')
        return e.problem === c['problem'] ? 'unchanged' : 'rejected';
      if (a.status !== 'open' && a.status !== 'in-progress' && a.status !== 'returned')
        return 'rejected';
      a.escalation = {
        problem: c['problem'] as string,
        ladder: a.supervisor ? ['chair', 'supervisor', 'leadership'] : ['chair', 'leadership'],
        rung: 0,
        respondBy: workingDeadline(cal, now, 2),
        resume: a.status,
      };
      a.status = 'blocked';
      return 'changed';
    }
    case 'AnswerEscalation': {
      const e = a.escalation;
      if (!e || e.answer || a.status !== 'blocked') {
        const answer = e?.answer;
        return answer?.response === c['response'] && answer?.by === actor.id
          ? 'unchanged'
          : 'rejected';
      }
      if (responder(e, a) !== actor.id && !leaderRole) return 'rejected';
      e.answer = { response: c['response'] as string, by: actor.id };
      a.status = e.resume;
      return 'changed';
    }
    case 'SubmitCompletionReport': {
      if (!owner) return 'rejected';
      const report = {
        round: a.evaluations + 1,
        at: now,
        report: [c['result'], c['problems'], c['suggestions']],
      };
      if (a.status === 'done')
        return deepEqual(report, a.lastCompletion) ? 'unchanged' : 'rejected';
      if (a.status !== 'in-progress' && a.status !== 'returned') return 'rejected';
      a.lastCompletion = report;
      a.status = 'done';
      return 'changed';
    }
    case 'EvaluateAction': {
      const quality = c['quality'] as number;
      if (actor.id !== 'chen') return 'rejected';
      if (a.status === 'accepted' || a.status === 'returned')
        return a.lastEvaluation?.quality === quality && a.lastEvaluation.by === actor.id
          ? 'unchanged'
          : 'rejected';
      if (a.status !== 'done' || !a.lastCompletion) return 'rejected';
      const due =
        a.evaluations > 0 && a.rectificationDue !== undefined ? a.rectificationDue : a.due;
      const onTime = a.lastCompletion.at <= due;
      const verdict = !onTime || quality <= 2 ? 'penalty' : quality >= 4 ? 'commendation' : 'none';
      a.evaluations++;
      a.lastEvaluation = { quality, by: actor.id };
      if (verdict === 'penalty') {
        a.status = 'returned';
        a.rectificationDue = workingDeadline(cal, now, 5);
      } else a.status = 'accepted';
      if (verdict !== 'none') {
        const entries = m.ledger.get(a.owner) ?? [];
        entries.push({ id: `${a.owner}#${entries.length + 1}`, kind: verdict, by: actor.id });
        m.ledger.set(a.owner, entries);
      }
      return 'changed';
    }
    case 'CancelAction':
      if (actor.id !== 'chen' && !leaderRole) return 'rejected';
      if (a.status === 'cancelled') return 'unchanged';
      if (!isOpenStatus(a.status)) return 'rejected';
      a.status = 'cancelled';
      return 'changed';
    default:
      throw new Error(`unexpected ${String(c['type'])}`);
  }
}

function checkAgainstModel(state: ActionState, m: Model): void {
  for (const [id, ma] of m.actions) {
    const a = state.actions.get(id)!;
    expect(a.status).toBe(ma.status);
    expect(a.evaluations.length).toBe(ma.evaluations);
    const open = a.escalations[a.escalations.length - 1];
    if (ma.escalation && !ma.escalation.answer)
      expect([open?.rungs.length, open?.rungs.at(-1)?.respondBy]).toEqual([
        ma.escalation.rung + 1,
        ma.escalation.respondBy,
      ]);
  }
  for (const [person, entries] of m.ledger)
    expect(
      (state.ledger.get(person) ?? []).map((e) => [e.entryId, e.kind, e.by, e.corrects]),
    ).toEqual(entries.map((e) => [e.id, e.kind, e.by, e.corrects]));
}

/** The invariants of one step: F-2 moves, the ledger only grows (F-7), flags only grow. */
function checkStep(before: ActionState, after: ActionState, events: readonly ActionEvent[]): void {
  for (const [id, was] of before.actions) {
    const now = after.actions.get(id)!;
    if (now.status !== was.status) expect(canMoveAction(was.status, now.status)).toBe(true);
    expect(now.flags.slice(0, was.flags.length)).toEqual(was.flags);
    was.flags.forEach((f, i) => expect(now.flags[i]).toBe(f));
  }
  for (const [person, entries] of before.ledger) {
    const later = after.ledger.get(person) ?? [];
    expect(later.length).toBeGreaterThanOrEqual(entries.length);
    entries.forEach((e, i) => expect(later[i]).toBe(e));
  }
  const ledgerEvents = events.filter((e) => e.type === 'LedgerEntryRecorded').length;
  const grew = [...after.ledger.values()].reduce((n, es) => n + es.length, 0);
  const had = [...before.ledger.values()].reduce((n, es) => n + es.length, 0);
  expect(grew - had).toBe(ledgerEvents);
}

const run = (state: ActionState, commands: readonly Record<string, unknown>[]): ActionState =>
  commands.reduce((s, c) => {
    const r = decider.decide(c, s);
    return r.ok ? r.value.reduce(decider.evolve, s) : s;
  }, state);

const flagKeys = (s: ActionState): string[] =>
  [...s.actions.values()]
    .flatMap((a) => a.flags.map((f) => `${a.id}:${f.kind}:${f.deadline}`))
    .sort();
const rungs = (s: ActionState) =>
  [...s.actions.values()].map((a) =>
    a.escalations.map((e) => e.rungs.map((r) => [r.level, r.respondBy])),
  );
const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });

describe('F-1 … F-7: the actions decider against a model', () => {
  test.prop([commandsArb], { numRuns: 200 })(
    'each command is accepted, refused or a no-op as the model says; F-2 moves only as allowed; F-7 the ledger only grows, entries never change; flags never go; a repeat changes nothing; no notice id twice',
    (commands) => {
      const model = initialModel();
      let state = START;
      const noticeIds = new Set<string>();
      for (const command of commands) {
        const expected = expect_(model, command);
        const result = decider.decide(command, state);
        const events = result.ok ? result.value : [];
        if (expected === 'rejected') expect(result.ok).toBe(false);
        else expect(result.ok).toBe(true);
        if (expected === 'unchanged') expect(events).toEqual([]);
        if (expected === 'changed') expect(events.length).toBeGreaterThan(0);
        const next = events.reduce(decider.evolve, state);
        // events are JSON, as the store keeps them: nothing lost or added on the way
        expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
        checkStep(state, next, events);
        checkAgainstModel(next, model);
        for (const e of events) {
          if (e.type !== 'ActionNoticeIssued') continue;
          expect(noticeIds.has(e.notice.noticeId)).toBe(false);
          noticeIds.add(e.notice.noticeId);
        }
        const again = decider.decide(command, next);
        expect(again.ok ? again.value : []).toEqual([]);
        state = next;
      }
    },
  );
});

describe('F-1 – F-4: the review at `now`', () => {
  test.prop([commandsArb, nowArb], { numRuns: 100 })(
    'is idempotent for a fixed now: the second review decides []',
    (commands, t) => {
      const s = run(START, commands);
      const first = decider.decide(review(t), s);
      expect(first.ok).toBe(true);
      const after = run(s, [review(t)]);
      const second = decider.decide(review(t), after);
      expect(second.ok ? second.value : 'rejected').toEqual([]);
    },
  );

  test.prop([commandsArb, nowArb, nowArb], { numRuns: 100 })(
    'is monotone as now advances: flags raised stay raised, and reviewing at t₁ then t₂ raises what reviewing at t₂ alone does',
    (commands, a, b) => {
      const [t1, t2] = a <= b ? [a, b] : [b, a];
      const s = run(START, commands);
      const one = run(s, [review(t1)]);
      const both = run(one, [review(t2)]);
      const direct = run(s, [review(t2)]);
      expect(flagKeys(both)).toEqual(flagKeys(direct));
      expect(flagKeys(both)).toEqual(expect.arrayContaining(flagKeys(one)));
      expect(flagKeys(one)).toEqual(expect.arrayContaining(flagKeys(s)));
      expect(rungs(both)).toEqual(rungs(direct));
    },
  );
});

describe('F-1: arbitrary JSON is rejected, never thrown', () => {
  const laws = malformedInputLaws(
    (c) => decider.decide(c, START),
    commandsArb.map((cs) => cs[0]!),
  );
  test('anything at all', () => fc.assert(laws.anything));
  test('a valid command with one field replaced by anything', () =>
    fc.assert(laws.oneFieldReplaced));
});
