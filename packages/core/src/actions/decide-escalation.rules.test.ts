// Escalation (F-4) at its edges: from which states, how often, what each notice carries, who
// answers, and when an unanswered one climbs or is flagged.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Rejection, Result } from '../rejection/index.js';
import { untyped } from '../testing/untyped.js';
import { createActionDecider } from './action-decider.js';
import type { ActionEvent } from './action-events.js';
import { foldActionEvents } from './action-state.js';
import {
  A1,
  acmd,
  actionDecider,
  actionHistory,
  aevents,
  at,
  chen,
  leader,
  li,
  openFrom,
  PUBLISHED_AT,
  publishedMinutes,
  wang,
  zhou,
} from './fixtures.test-helpers.js';

type Decider = typeof actionDecider;
const decideAfter = (
  log: readonly ActionEvent[],
  c: Record<string, unknown>,
  d: Decider = actionDecider,
) => d.decide(c, foldActionEvents(d.initialState, log));
const rejection = (r: Result<readonly ActionEvent[]>): Rejection => {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  return r.rejection;
};
const noticesOf = (es: readonly ActionEvent[]) =>
  es.flatMap((e) => (e.type === 'ActionNoticeIssued' ? [e.notice] : []));

const MINUTES = publishedMinutes();
const escalate = (now: number, problem = '客户联系不上') =>
  acmd('EscalateProblem', li, now, { problem });
const answer = (actor = chen, now = at(4, 10), response = '已协调门店经理') =>
  acmd('AnswerEscalation', actor, now, { response });
const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });
const opened = () => actionHistory(actionDecider, openFrom(MINUTES)).log;
const started = () =>
  actionHistory(actionDecider, openFrom(MINUTES), acmd('StartAction', li, at(3, 9))).log;

describe('F-4: escalating a problem', () => {
  it('F-4: the escalation notice tells the chair which escalation, the problem, the rung and by when', () => {
    const es = aevents(decideAfter(started(), escalate(at(3, 10))));
    expect(noticesOf(es)).toEqual([
      {
        noticeId: `${A1}:escalated:chen:1`,
        kind: 'escalated',
        to: { personId: 'chen' },
        actionId: A1,
        data: { escalation: 1, problem: '客户联系不上', level: 'chair', respondBy: at(7, 18) },
      },
    ]);
    expect(es[0]).toMatchObject({
      type: 'ProblemEscalated',
      actionId: A1,
      problem: '客户联系不上',
      by: 'li',
      at: at(3, 10),
    });
  });

  it('F-4: an open action not yet started may be escalated too, and resumes as open', () => {
    const es = aevents(decideAfter(opened(), escalate(at(3, 10))));
    expect(es[0]).toMatchObject({ type: 'ProblemEscalated', resumeStatus: 'open' });
    const log = [...opened(), ...es];
    const answered = aevents(decideAfter(log, answer()));
    const after = foldActionEvents(actionDecider.initialState, [...log, ...answered]);
    expect(after.actions.get(A1)?.status).toBe('open');
  });

  it('F-4: only the owner escalates, and the refusal says what they may not do', () => {
    const r = rejection(
      decideAfter(started(), acmd('EscalateProblem', wang, at(3, 10), { problem: 'x' })),
    );
    expect(r).toMatchObject({ rule: 'F-4', code: 'permission.owner' });
    expect(r.message.en).toBe('only the owner may escalate a problem');
    expect(r.message['zh-CN']).toBe('只有责任人可以上报问题');
  });

  it('F-4: a second problem after the first was answered is escalation number 2', () => {
    const first = [...started(), ...aevents(decideAfter(started(), escalate(at(3, 10))))];
    const answered = [...first, ...aevents(decideAfter(first, answer()))];
    const es = aevents(decideAfter(answered, escalate(at(4, 11), '备件未到')));
    expect(es[0]).toMatchObject({ type: 'ProblemEscalated', escalation: 2, problem: '备件未到' });
    expect(noticesOf(es)[0]).toMatchObject({
      noticeId: `${A1}:escalated:chen:2`,
      data: { escalation: 2, problem: '备件未到' },
    });
  });

  it('F-4: work that is done, accepted or cancelled is not escalated', () => {
    const done = actionHistory(
      actionDecider,
      openFrom(MINUTES),
      acmd('StartAction', li, at(3, 9)),
      acmd('SubmitCompletionReport', li, at(4, 9), { result: '已全部回访' }),
    ).log;
    const r = rejection(decideAfter(done, escalate(at(4, 10))));
    expect(r).toMatchObject({
      rule: 'F-4',
      code: 'action.wrong-status',
      data: { actionId: A1, status: 'done' },
    });
    expect(r.message.en).toContain('take an escalation');
    const cancelled = [
      ...opened(),
      ...aevents(
        decideAfter(opened(), acmd('CancelAction', chen, at(4, 9), { reason: '客户撤诉' })),
      ),
    ];
    expect(rejection(decideAfter(cancelled, escalate(at(4, 10)))).data).toMatchObject({
      status: 'cancelled',
    });
  });

  it('F-4: work returned for rework may be escalated, and resumes as returned', () => {
    const returned = actionHistory(
      actionDecider,
      openFrom(MINUTES),
      acmd('StartAction', li, at(3, 9)),
      acmd('SubmitCompletionReport', li, at(10, 9), { result: '已全部回访' }),
      acmd('EvaluateAction', chen, at(10, 10), { quality: 1 }),
    ).log;
    expect(foldActionEvents(actionDecider.initialState, returned).actions.get(A1)?.status).toBe(
      'returned',
    );
    expect(aevents(decideAfter(returned, escalate(at(10, 11))))[0]).toMatchObject({
      resumeStatus: 'returned',
    });
  });

  it('F-4: with no ladder in force, a problem goes nowhere and nothing changes', () => {
    const noLadder: PolicyLookup = () => ({
      ...DEFAULT_PARAMETERS,
      actions: { ...DEFAULT_PARAMETERS.actions, escalationLadder: [] },
    });
    const d = untyped(createActionDecider(noLadder));
    const log = actionHistory(d, openFrom(MINUTES), acmd('StartAction', li, at(3, 9))).log;
    expect(aevents(decideAfter(log, escalate(at(3, 10)), d))).toEqual([]);
  });

  it('F-4: a ladder whose only rung is the supervisor still has the problem answered, by the chair when there is no supervisor', () => {
    const supervisorOnly: PolicyLookup = () => ({
      ...DEFAULT_PARAMETERS,
      actions: {
        ...DEFAULT_PARAMETERS.actions,
        escalationLadder: [{ level: 'supervisor', responseWorkingDays: 1 }],
      },
    });
    const d = untyped(createActionDecider(supervisorOnly));
    const log = actionHistory(d, openFrom(MINUTES), acmd('StartAction', li, at(3, 9))).log;
    const [e] = aevents(decideAfter(log, escalate(at(3, 10)), d));
    expect(e).toMatchObject({
      type: 'ProblemEscalated',
      rung: { level: 'supervisor', responderId: 'chen', respondBy: at(4, 18) },
    });
  });
});

describe('F-4: answering', () => {
  const blocked = () => [...started(), ...aevents(decideAfter(started(), escalate(at(3, 10))))];

  it('F-4: the answer reaches the owner with the escalation, the response and the rung that answered', () => {
    const es = aevents(decideAfter(blocked(), answer()));
    expect(es).toEqual([
      {
        type: 'EscalationAnswered',
        actionId: A1,
        escalation: 1,
        answer: { response: '已协调门店经理', by: 'chen', at: at(4, 10) },
      },
      {
        type: 'ActionNoticeIssued',
        actionId: A1,
        notice: {
          noticeId: `${A1}:escalation-answered:li:1`,
          kind: 'escalation-answered',
          to: { personId: 'li' },
          actionId: A1,
          data: { escalation: 1, response: '已协调门店经理', level: 'chair' },
        },
      },
    ]);
  });

  it('F-4: someone else than the rung’s responder is refused, naming the rung', () => {
    const r = rejection(decideAfter(blocked(), answer(zhou)));
    expect(r).toMatchObject({
      rule: 'F-4',
      code: 'permission.responder',
      data: { level: 'chair' },
    });
  });

  it('F-4: at the leadership rung, anyone of leadership answers, and the notice names that rung', () => {
    const log = blocked();
    const climbed = [...log, ...aevents(decideAfter(log, review(at(8, 9))))];
    expect(rejection(decideAfter(climbed, answer(chen, at(8, 10)))).data).toEqual({
      level: 'leadership',
    });
    const es = aevents(decideAfter(climbed, answer(leader, at(8, 10))));
    expect(noticesOf(es)[0]?.data).toMatchObject({ level: 'leadership' });
  });

  it('F-4: the same answer again changes nothing; a different one, or the same from someone else, is refused', () => {
    const log = blocked();
    const answered = [...log, ...aevents(decideAfter(log, answer()))];
    expect(aevents(decideAfter(answered, answer(chen, at(4, 11))))).toEqual([]);
    expect(rejection(decideAfter(answered, answer(chen, at(4, 11), '另一个答复')))).toMatchObject({
      rule: 'F-4',
      code: 'action.no-open-escalation',
      data: { actionId: A1 },
    });
    expect(rejection(decideAfter(answered, answer(leader, at(4, 11)))).code).toBe(
      'action.no-open-escalation',
    );
  });
});

describe('F-4: climbing', () => {
  const blocked = () => [...started(), ...aevents(decideAfter(started(), escalate(at(3, 10))))];

  it('F-4: the climb to leadership notifies leadership with the escalation, the problem and the new deadline', () => {
    const es = aevents(decideAfter(blocked(), review(at(7, 18) + 1)));
    expect(es).toEqual([
      {
        type: 'EscalationClimbed',
        actionId: A1,
        escalation: 1,
        rung: { level: 'leadership', since: at(7, 18), respondBy: at(9, 18) },
        at: at(7, 18) + 1,
      },
      {
        type: 'ActionNoticeIssued',
        actionId: A1,
        notice: {
          noticeId: `${A1}:escalated:role:leadership:1`,
          kind: 'escalated',
          to: { role: 'leadership' },
          actionId: A1,
          data: {
            escalation: 1,
            problem: '客户联系不上',
            level: 'leadership',
            respondBy: at(9, 18),
          },
        },
      },
    ]);
  });

  it('F-4: unanswered at the top past its deadline, it is flagged to leadership once, with the deadline missed', () => {
    const log = blocked();
    const climbed = [...log, ...aevents(decideAfter(log, review(at(8, 9))))];
    const unanswered = (es: readonly ActionEvent[]) =>
      es.filter((e) => e.type === 'ActionFlagged' && e.flag.kind === 'escalation-unanswered');
    expect(unanswered(aevents(decideAfter(climbed, review(at(9, 18)))))).toEqual([]);
    const es = aevents(decideAfter(climbed, review(at(9, 18) + 1)));
    const flagged = es.filter((e) => e.type === 'ActionFlagged');
    expect(flagged).toContainEqual({
      type: 'ActionFlagged',
      actionId: A1,
      flag: { kind: 'escalation-unanswered', deadline: at(9, 18), at: at(9, 18) + 1 },
    });
    expect(noticesOf(es).filter((n) => n.kind === 'escalated')).toEqual([
      expect.objectContaining({
        to: { role: 'leadership' },
        data: { escalation: 1, problem: '客户联系不上', unanswered: true, respondBy: at(9, 18) },
      }),
    ]);
    const after = [...climbed, ...es];
    const again = aevents(decideAfter(after, review(at(10, 9))));
    expect(
      again.filter((e) => e.type === 'ActionFlagged' && e.flag.kind === 'escalation-unanswered'),
    ).toEqual([]);
  });

  it('F-4: an answered escalation no longer climbs', () => {
    const log = blocked();
    const answered = [...log, ...aevents(decideAfter(log, answer()))];
    expect(
      aevents(decideAfter(answered, review(at(8, 9)))).filter(
        (e) => e.type === 'EscalationClimbed',
      ),
    ).toEqual([]);
  });

  it('F-4: with a supervisor, the chair’s deadline passing hands it to the supervisor, counted from that deadline', () => {
    const log = actionHistory(
      actionDecider,
      openFrom(MINUTES, PUBLISHED_AT, { supervisors: { o1: 'zhou' } }),
      acmd('StartAction', li, at(3, 9)),
      escalate(at(3, 10)),
    ).log;
    const es = aevents(decideAfter(log, review(at(7, 18) + 1)));
    expect(es[0]).toEqual({
      type: 'EscalationClimbed',
      actionId: A1,
      escalation: 1,
      rung: { level: 'supervisor', responderId: 'zhou', since: at(7, 18), respondBy: at(9, 18) },
      at: at(7, 18) + 1,
    });
    expect(noticesOf(es)[0]).toMatchObject({ to: { personId: 'zhou' } });
  });
});

describe('F-4: one escalation at a time, each deadline to the instant', () => {
  const blocked = () => [...started(), ...aevents(decideAfter(started(), escalate(at(3, 10))))];

  it('F-4: while an escalation waits, the same problem again changes nothing and another is refused', () => {
    const log = blocked();
    expect(aevents(decideAfter(log, escalate(at(3, 11))))).toEqual([]);
    expect(rejection(decideAfter(log, escalate(at(3, 11), '备件未到')))).toMatchObject({
      rule: 'F-4',
      code: 'action.already-escalated',
      data: { actionId: A1 },
    });
  });

  it('F-4: the escalation records the ladder it climbs, the first rung and the status work resumes in', () => {
    const [e] = aevents(decideAfter(started(), escalate(at(3, 10))));
    expect(e).toEqual({
      type: 'ProblemEscalated',
      actionId: A1,
      escalation: 1,
      problem: '客户联系不上',
      // the ladder in force, less the supervisor's rung: this action's owner has no supervisor
      ladder: [
        { level: 'chair', responseWorkingDays: 2 },
        { level: 'leadership', responseWorkingDays: 2 },
      ],
      rung: { level: 'chair', responderId: 'chen', since: at(3, 10), respondBy: at(7, 18) },
      resumeStatus: 'in-progress',
      by: 'li',
      at: at(3, 10),
    });
  });

  it('F-4: an escalation does not climb at its deadline, only after it', () => {
    expect(aevents(decideAfter(blocked(), review(at(7, 18)))).map((e) => e.type)).not.toContain(
      'EscalationClimbed',
    );
    expect(aevents(decideAfter(blocked(), review(at(7, 18) + 1))).map((e) => e.type)).toContain(
      'EscalationClimbed',
    );
  });

  it('F-4: a review long after climbs every rung due and flags the top once, in one batch', () => {
    const es = aevents(decideAfter(blocked(), review(at(14, 9))));
    expect(es.filter((e) => e.type === 'EscalationClimbed')).toHaveLength(1);
    expect(es.filter((e) => e.type === 'ActionFlagged')).toContainEqual({
      type: 'ActionFlagged',
      actionId: A1,
      flag: { kind: 'escalation-unanswered', deadline: at(9, 18), at: at(14, 9) },
    });
  });

  it('F-4: an answer when nothing was ever escalated is refused', () => {
    expect(rejection(decideAfter(started(), answer()))).toMatchObject({
      rule: 'F-4',
      code: 'action.no-open-escalation',
      data: { actionId: A1 },
    });
  });

  it('F-4: leadership may answer at the chair’s rung too, and the notice names the chair’s rung', () => {
    const es = aevents(decideAfter(blocked(), answer(leader)));
    expect(es[0]).toMatchObject({ type: 'EscalationAnswered', answer: { by: leader.id } });
    expect(noticesOf(es)[0]).toMatchObject({ to: { personId: 'li' }, data: { level: 'chair' } });
  });
});

describe('F-4: an escalation ends with the work it was about', () => {
  const blocked = () => [...started(), ...aevents(decideAfter(started(), escalate(at(3, 10))))];
  const cancelledWhileBlocked = () => {
    const log = blocked();
    return [
      ...log,
      ...aevents(decideAfter(log, acmd('CancelAction', chen, at(4, 9), { reason: '客户撤诉' }))),
    ];
  };

  it('F-4: work cancelled while an escalation waits takes no further escalation, and says why in both languages', () => {
    const log = cancelledWhileBlocked();
    for (const problem of ['客户联系不上', '备件未到']) {
      const r = rejection(decideAfter(log, escalate(at(4, 10), problem)));
      expect(r).toMatchObject({
        rule: 'F-4',
        code: 'action.wrong-status',
        data: { status: 'cancelled' },
      });
      expect(r.message['zh-CN']).toContain('上报问题');
    }
  });

  it('F-4: work cancelled while an escalation waits: the escalation is no longer answered', () => {
    expect(rejection(decideAfter(cancelledWhileBlocked(), answer()))).toMatchObject({
      rule: 'F-4',
      code: 'action.no-open-escalation',
    });
  });

  it('F-4: work cancelled while an escalation waits: the escalation no longer climbs nor is flagged', () => {
    const es = aevents(decideAfter(cancelledWhileBlocked(), review(at(14, 9))));
    expect(es.filter((e) => e.type === 'EscalationClimbed' || e.type === 'ActionFlagged')).toEqual(
      [],
    );
  });

  it('F-4: a review of work never escalated finds nothing to climb', () => {
    expect(aevents(decideAfter(started(), review(at(4, 9))))).toEqual([]);
  });
});
