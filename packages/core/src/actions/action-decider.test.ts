import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { Result } from '../rejection/index.js';
import { givenFor } from '../testing/given.js';
import { isOverdue } from './action.js';
import { createActionDecider } from './action-decider.js';
import { actionStreamOf, type ActionEvent } from './action-events.js';
import { openActionsCommand } from './from-minutes.js';
import { ledgerStanding } from './ledger.js';
import {
  A1,
  acmd,
  actionDecider,
  actionHistory,
  aevents,
  at,
  chen,
  DUE,
  FACTS,
  HOUR,
  leader,
  li,
  liu,
  mcmd,
  minutesHistory,
  openFrom,
  PUBLISHED_AT,
  publishedMinutes,
  START_DUE,
  T,
  wang,
  zhou,
} from './fixtures.test-helpers.js';

const given = givenFor(actionDecider);
const rejected = (r: Result<readonly ActionEvent[]>) => {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  expect(r.rejection.message['zh-CN'].length).toBeGreaterThan(0);
  expect(r.rejection.message.en.length).toBeGreaterThan(0);
  return r.rejection;
};
const notices = (es: readonly ActionEvent[]) =>
  es.flatMap((e) => (e.type === 'ActionNoticeIssued' ? [e.notice] : []));
const to = (es: readonly ActionEvent[], kind: string) =>
  notices(es)
    .filter((n) => n.kind === kind)
    .map((n) => ('personId' in n.to ? n.to.personId : `role:${n.to.role}`));
const flags = (es: readonly ActionEvent[]) =>
  es.flatMap((e) => (e.type === 'ActionFlagged' ? [e.flag.kind] : []));

const MINUTES = publishedMinutes();
const opened = () => actionHistory(actionDecider, openFrom(MINUTES)).log;
const started = () =>
  actionHistory(actionDecider, openFrom(MINUTES), acmd('StartAction', li, at(3, 9))).log;
const completedAt = (when: number) =>
  actionHistory(
    actionDecider,
    openFrom(MINUTES),
    acmd('StartAction', li, at(3, 9)),
    acmd('SubmitCompletionReport', li, when, { result: '已全部回访' }),
  ).log;
const evaluated = (when: number, quality: number) => [
  ...completedAt(when),
  ...aevents(given(completedAt(when)).when(acmd('EvaluateAction', chen, at(10, 10), { quality }))),
];

describe('F-1: publishing minutes opens an action per decision that asks for work', () => {
  it('F-1: owner, due date, urgency, collaborators, meeting and version; the owner starts within 2 working days', () => {
    const es = aevents(given([]).when(openFrom(MINUTES)));
    expect(es[0]).toEqual({
      type: 'ActionOpened',
      actionId: A1,
      meetingId: 'm1',
      itemId: 'o1',
      minutesVersion: 1,
      scope: { kind: 'weekly-review', roomId: 'A' },
      chairId: 'chen',
      work: {
        text: '投诉 48 小时内回访',
        ownerId: 'li',
        collaborators: ['wang'],
        due: DUE,
        urgency: 'urgent',
      },
      openedAt: PUBLISHED_AT,
      startDue: START_DUE,
      reportEveryDays: 7,
      by: 'chen',
      at: PUBLISHED_AT,
    });
    expect(JSON.parse(JSON.stringify(es))).toStrictEqual(es);
    expect(to(es, 'assigned')).toEqual(['li', 'wang']);
    expect(notices(es)[0]?.data).toMatchObject({
      due: DUE,
      urgency: 'urgent',
      startDue: START_DUE,
    });
    expect(actionStreamOf(es[0]!)).toBe('action:m1:o1');
  });

  it('F-1: information opens nothing; each decision or action with work opens one', () => {
    const items = [
      { id: 'n1', agendaItemId: 'i1', kind: 'information', text: '回访率 92%' },
      {
        id: 'd1',
        agendaItemId: 'i2',
        kind: 'decision',
        text: '整理投诉台账',
        work: { ownerId: 'wang', due: at(8, 18) },
      },
      {
        id: 'a1',
        agendaItemId: 'i2',
        kind: 'action',
        text: '联系备件供应商',
        work: { ownerId: 'zhao', due: at(7, 18), urgency: 'critical' },
      },
    ];
    const es = aevents(given([]).when(openFrom(publishedMinutes(items))));
    const ids = es.flatMap((e) => (e.type === 'ActionOpened' ? [e.actionId] : []));
    expect(ids).toEqual(['m1:d1', 'm1:a1']);
  });

  it('F-1: only the chair or the recorder opens them; the same or an older version changes nothing', () => {
    const c = openFrom(MINUTES);
    expect(rejected(given([]).when({ ...c, actor: wang })).code).toBe(
      'permission.chair-or-recorder',
    );
    expect(aevents(given([]).when({ ...c, actor: liu })).length).toBeGreaterThan(0);
    expect(aevents(given(opened()).when(c))).toEqual([]);
    const two = { ...c, items: [{ itemId: 'x', text: 't', ownerId: 'li', due: DUE }] };
    expect(rejected(given(opened()).when(two)).code).toBe('action.minutes-version-mismatch');
    expect(rejected(given([]).when({ ...two, items: [...two.items, ...two.items] })).code).toBe(
      'action.duplicate-item',
    );
    expect(
      rejected(
        given([]).when({
          ...two,
          items: [{ ...two.items[0], collaborators: ['li'] }],
        }),
      ).rule,
    ).toBe('M-8');
  });

  it('F-1: minutes not yet published open nothing', () => {
    const drafted = minutesHistory(
      mcmd('DraftMinutes', liu, T, { meeting: FACTS }),
    ).state.minutes.get('m1')!;
    const r = openActionsCommand(drafted, chen, T);
    expect(r.ok ? 'ok' : r.rejection.code).toBe('action.minutes-not-published');
    const r2 = openActionsCommand(MINUTES, chen, T, { version: 2 });
    expect(r2.ok ? 'ok' : r2.rejection.data).toEqual({ meetingId: 'm1', version: 2 });
    const withSupervisor = openFrom(MINUTES, PUBLISHED_AT, { supervisors: { o1: 'zhou' } });
    expect(withSupervisor['items']).toMatchObject([{ itemId: 'o1', supervisorId: 'zhou' }]);
  });

  it('N-4: an amendment amends changed decisions, opens new ones and withdraws removed ones', () => {
    const log = opened();
    const amended = {
      ...openFrom(MINUTES),
      version: 2,
      publishedAt: at(3, 10),
      items: [
        { itemId: 'o1', text: '投诉 24 小时内回访', ownerId: 'wang', due: at(8, 18) },
        { itemId: 'o2', text: '新增决议', ownerId: 'zhao', due: at(10, 18) },
      ],
    };
    const es = aevents(given(log).when(amended));
    expect(es.filter((e) => e.type !== 'ActionNoticeIssued')).toMatchObject([
      { type: 'ActionAmended', actionId: A1, minutesVersion: 2, work: { ownerId: 'wang' } },
      { type: 'ActionOpened', actionId: 'm1:o2', minutesVersion: 2, openedAt: at(3, 10) },
    ]);
    expect(to(es, 'amended')).toEqual(['li', 'wang']);
    const after = given([...log, ...es]);
    expect(after.state.actions.get(A1)).toMatchObject({ ownerId: 'wang', due: at(8, 18) });
    expect(aevents(after.when(openFrom(MINUTES)))).toEqual([]);
    const withdrawn = aevents(after.when({ ...amended, version: 3, items: [amended.items[1]] }));
    expect(withdrawn[0]).toMatchObject({
      type: 'ActionCancelled',
      actionId: A1,
      minutesVersion: 3,
    });
  });

  it('F-1: the owner starts, once; nobody else can', () => {
    const es = aevents(given(opened()).when(acmd('StartAction', li, at(3, 9))));
    expect(es).toEqual([{ type: 'ActionStarted', actionId: A1, by: 'li', at: at(3, 9) }]);
    expect(aevents(given(started()).when(acmd('StartAction', li, at(3, 10))))).toEqual([]);
    expect(rejected(given(opened()).when(acmd('StartAction', wang, at(3, 9)))).code).toBe(
      'permission.owner',
    );
    expect(rejected(given(opened()).when(acmd('StartAction', li, 0, { actionId: 'x' }))).code).toBe(
      'action.unknown',
    );
  });

  it('F-1: not started within 2 working days is flagged once, with a reminder to the owner and the chair', () => {
    const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });
    expect(aevents(given(opened()).when(review(START_DUE)))).toEqual([]);
    const es = aevents(given(opened()).when(review(START_DUE + 1)));
    expect(flags(es)).toEqual(['start-missed']);
    expect(to(es, 'start-reminder')).toEqual(['li', 'chen']);
    expect(aevents(given([...opened(), ...es]).when(review(START_DUE + HOUR)))).toEqual([]);
    expect(aevents(given(started()).when(review(START_DUE + 1)))).toEqual([]);
  });
});

describe('F-2: action states; overdue is derived', () => {
  it('F-2: open → in progress → done → accepted', () => {
    const log = evaluated(at(8, 10), 3);
    const a = given(log).state.actions.get(A1)!;
    expect(a.status).toBe('accepted');
    expect(a.startedAt).toBe(at(3, 9));
    expect(a.completions).toHaveLength(1);
  });

  it('F-2: cancelled from any open state by the chair or leadership, with a reason; not once done', () => {
    const cancel = (actor = chen) => acmd('CancelAction', actor, at(4, 9), { reason: '客户撤诉' });
    const es = aevents(given(started()).when(cancel()));
    expect(es[0]).toMatchObject({ type: 'ActionCancelled', reason: '客户撤诉', by: 'chen' });
    expect(to(es, 'cancelled')).toEqual(['li', 'wang']);
    expect(aevents(given(opened()).when(cancel(leader))).length).toBeGreaterThan(0);
    expect(aevents(given([...started(), ...es]).when(cancel()))).toEqual([]);
    expect(rejected(given(started()).when(cancel(li))).code).toBe('permission.chair-or-leadership');
    expect(rejected(given(completedAt(at(8, 10))).when(cancel())).code).toBe('action.wrong-status');
  });

  it('F-2: overdue is past the due date and not done; the review flags it once', () => {
    const a = given(started()).state.actions.get(A1)!;
    expect(isOverdue(a, DUE)).toBe(false);
    expect(isOverdue(a, DUE + 1)).toBe(true);
    expect(isOverdue(given(completedAt(at(8, 10))).state.actions.get(A1)!, DUE + 1)).toBe(false);
    const review = { type: 'ReviewActions', now: DUE + HOUR, actor: chen, actionId: A1 };
    const es = aevents(given(started()).when(review));
    expect(flags(es)).toContain('overdue');
    expect(to(es, 'overdue')).toEqual(['li', 'chen']);
    expect(aevents(given([...started(), ...es]).when(review))).toEqual([]);
    expect(rejected(given([]).when({ ...review, actionId: 'nope' })).code).toBe('action.unknown');
  });
});

describe('F-3: progress reports on the cadence', () => {
  it('F-3: the owner reports to the chair and the supervisor; a double tap changes nothing', () => {
    const log = actionHistory(
      actionDecider,
      openFrom(MINUTES, PUBLISHED_AT, { supervisors: { o1: 'zhou' } }),
    ).log;
    const report = acmd('ReportProgress', li, at(4, 9), { text: '已回访 5 起', percent: 40 });
    const es = aevents(given(log).when(report));
    expect(es[0]).toEqual({
      type: 'ProgressReported',
      actionId: A1,
      report: { text: '已回访 5 起', percent: 40, by: 'li', at: at(4, 9) },
    });
    expect(to(es, 'progress')).toEqual(['chen', 'zhou']);
    expect(aevents(given([...log, ...es]).when(report))).toEqual([]);
    expect(rejected(given(log).when({ ...report, actor: wang })).code).toBe('permission.owner');
    expect(rejected(given(completedAt(at(8, 10))).when(report)).rule).toBe('F-3');
  });

  it('F-3: each report due and not made is flagged once; a report restarts the cadence', () => {
    const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });
    const week = PUBLISHED_AT + 7 * 24 * HOUR; // Wednesday 9 December, 14:00
    const first = aevents(given(started()).when(review(week + 1)));
    expect(first.filter((e) => e.type === 'ActionFlagged')).toEqual([
      {
        type: 'ActionFlagged',
        actionId: A1,
        flag: { kind: 'report-missed', deadline: week, at: week + 1 },
      },
    ]);
    expect(to(first, 'report-reminder')).toEqual(['li', 'chen']);
    const reported = aevents(
      given([...started(), ...first]).when(
        acmd('ReportProgress', li, week + HOUR, { text: '进行中' }),
      ),
    );
    const log = [...started(), ...first, ...reported];
    expect(flags(aevents(given(log).when(review(week + 2 * HOUR))))).toEqual([]);
    const later = aevents(given(log).when(review(week + HOUR + 7 * 24 * HOUR + 1)));
    expect(later.filter((e) => e.type === 'ActionFlagged')).toMatchObject([
      { flag: { kind: 'report-missed', deadline: week + HOUR + 7 * 24 * HOUR } },
      { flag: { kind: 'overdue', deadline: DUE } },
    ]);
  });
});

describe('F-4: escalation up the ladder', () => {
  const withSupervisor = () =>
    actionHistory(
      actionDecider,
      openFrom(MINUTES, PUBLISHED_AT, { supervisors: { o1: 'zhou' } }),
      acmd('StartAction', li, at(3, 9)),
      acmd('EscalateProblem', li, at(3, 10), { problem: '客户联系不上' }),
    ).log;
  const review = (now: number) => ({ type: 'ReviewActions', now, actor: chen });

  it('F-4: a problem goes to the chair, who has 2 working days; the action is blocked', () => {
    const es = aevents(
      given(started()).when(acmd('EscalateProblem', li, at(3, 10), { problem: '客户联系不上' })),
    );
    expect(es[0]).toMatchObject({
      type: 'ProblemEscalated',
      escalation: 1,
      rung: { level: 'chair', responderId: 'chen', since: at(3, 10), respondBy: at(7, 18) },
      resumeStatus: 'in-progress',
    });
    expect(to(es, 'escalated')).toEqual(['chen']);
    const log = [...started(), ...es];
    expect(given(log).state.actions.get(A1)?.status).toBe('blocked');
    expect(
      aevents(given(log).when(acmd('EscalateProblem', li, at(3, 11), { problem: '客户联系不上' }))),
    ).toEqual([]);
    expect(
      rejected(given(log).when(acmd('EscalateProblem', li, at(3, 11), { problem: '另一个问题' })))
        .code,
    ).toBe('action.already-escalated');
    expect(
      rejected(given(opened()).when(acmd('EscalateProblem', wang, at(3, 11), { problem: 'x' })))
        .code,
    ).toBe('permission.owner');
  });

  it('F-4: unanswered, it climbs to the supervisor and to leadership, then is flagged', () => {
    const log = withSupervisor();
    expect(aevents(given(log).when(review(at(7, 18))))).toEqual([]);
    const climb = aevents(given(log).when(review(at(7, 18) + 1)));
    expect(climb[0]).toMatchObject({
      type: 'EscalationClimbed',
      rung: { level: 'supervisor', responderId: 'zhou', since: at(7, 18), respondBy: at(9, 18) },
    });
    expect(to(climb, 'escalated')).toEqual(['zhou']);
    const all = aevents(given(log).when(review(at(14, 9))));
    const kinds = all.filter((e) => e.type !== 'ActionNoticeIssued').map((e) => e.type);
    expect(kinds).toEqual([
      'ActionFlagged', // the weekly report, missed on the 9th
      'ActionFlagged', // overdue since the 9th, 18:00
      'EscalationClimbed',
      'EscalationClimbed',
      'ActionFlagged', // unanswered at the top, past the 11th, 18:00
    ]);
    expect(all.filter((e) => e.type === 'EscalationClimbed')).toMatchObject([
      { rung: { level: 'supervisor' } },
      { rung: { level: 'leadership', since: at(9, 18), respondBy: at(11, 18) } },
    ]);
    expect(to(all, 'escalated')).toEqual(['zhou', 'role:leadership', 'role:leadership']);
    const ids = notices(all).map((n) => n.noticeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(aevents(given([...log, ...all]).when(review(at(14, 9))))).toEqual([]);
  });

  it('F-4: without a supervisor, the supervisor rung is left out', () => {
    const log = [
      ...started(),
      ...aevents(
        given(started()).when(acmd('EscalateProblem', li, at(3, 10), { problem: '缺货' })),
      ),
    ];
    const es = aevents(given(log).when(review(at(8, 9))));
    expect(es[0]).toMatchObject({
      type: 'EscalationClimbed',
      rung: { level: 'leadership', respondBy: at(9, 18) },
    });
  });

  it('F-4: answered by whoever answers at the rung, or by leadership; work resumes', () => {
    const log = withSupervisor();
    const answer = (actor = chen) =>
      acmd('AnswerEscalation', actor, at(4, 10), { response: '已协调门店经理' });
    const es = aevents(given(log).when(answer()));
    expect(es[0]).toMatchObject({
      type: 'EscalationAnswered',
      escalation: 1,
      answer: { response: '已协调门店经理', by: 'chen' },
    });
    expect(to(es, 'escalation-answered')).toEqual(['li']);
    expect(given([...log, ...es]).state.actions.get(A1)?.status).toBe('in-progress');
    expect(aevents(given([...log, ...es]).when(answer()))).toEqual([]);
    expect(rejected(given(log).when(answer(zhou))).code).toBe('permission.responder');
    expect(aevents(given(log).when(answer(leader))).length).toBeGreaterThan(0);
    expect(rejected(given(started()).when(answer())).code).toBe('action.no-open-escalation');
  });
});

describe('F-5, F-6, F-7: completion, evaluation, the ledger', () => {
  it('F-5: the owner reports result, problems, solutions and suggestions once work has started', () => {
    const report = acmd('SubmitCompletionReport', li, at(8, 10), {
      result: '12 起投诉全部回访',
      problems: '2 位客户电话停机',
      solutions: '上门回访',
      suggestions: '登记备用联系方式',
    });
    const es = aevents(given(started()).when(report));
    expect(es[0]).toEqual({
      type: 'CompletionReported',
      actionId: A1,
      report: {
        round: 1,
        result: '12 起投诉全部回访',
        problems: '2 位客户电话停机',
        solutions: '上门回访',
        suggestions: '登记备用联系方式',
        by: 'li',
        at: at(8, 10),
      },
    });
    expect(to(es, 'completion')).toEqual(['chen']);
    expect(aevents(given([...started(), ...es]).when(report))).toEqual([]);
    expect(rejected(given([...started(), ...es]).when({ ...report, result: '改' })).code).toBe(
      'action.already-reported',
    );
    expect(rejected(given(opened()).when(report)).rule).toBe('F-5');
    expect(rejected(given(started()).when({ ...report, actor: wang })).code).toBe(
      'permission.owner',
    );
  });

  it('F-6: the chair evaluates done work: on time or late by how much, quality 1–5', () => {
    const es = aevents(
      given(completedAt(DUE + 2 * HOUR)).when(
        acmd('EvaluateAction', chen, at(10, 10), { quality: 4 }),
      ),
    );
    expect(es[0]).toMatchObject({
      type: 'ActionEvaluated',
      evaluation: { round: 1, onTime: false, lateBy: 2 * HOUR, quality: 4, verdict: 'penalty' },
    });
    const c = acmd('EvaluateAction', chen, at(10, 10), { quality: 4 });
    expect(rejected(given(completedAt(at(8, 10))).when({ ...c, actor: li })).code).toBe(
      'permission.chair',
    );
    expect(rejected(given(started()).when(c)).rule).toBe('F-6');
    expect(rejected(given(started()).when({ ...c, quality: 6 })).code).toBe('command.malformed');
  });

  it('F-7: on time with quality ≥ 4 earns a commendation in the ledger; the action is accepted', () => {
    const log = evaluated(at(8, 10), 4);
    const { state } = given(log);
    expect(state.actions.get(A1)?.status).toBe('accepted');
    expect(state.ledger.get('li')).toEqual([
      {
        entryId: 'li#1',
        personId: 'li',
        kind: 'commendation',
        actionId: A1,
        meetingId: 'm1',
        evaluation: {
          due: DUE,
          completedAt: at(8, 10),
          quality: 4,
          onTime: true,
          lateBy: 0,
          verdict: 'commendation',
        },
        by: 'chen',
        at: at(10, 10),
      },
    ]);
    expect(actionStreamOf(log.find((e) => e.type === 'LedgerEntryRecorded')!)).toBe('ledger:li');
  });

  it('F-7: late, or quality ≤ 2, earns a penalty and a rectification task due in 5 working days', () => {
    const late = given(evaluated(DUE + HOUR, 5)).state;
    expect(late.ledger.get('li')?.[0]).toMatchObject({
      kind: 'penalty',
      rectificationDue: at(17, 18),
    });
    expect(late.actions.get(A1)).toMatchObject({
      status: 'returned',
      rectificationDue: at(17, 18),
    });
    expect(given(evaluated(at(8, 10), 2)).state.ledger.get('li')?.[0]?.kind).toBe('penalty');
    const neither = given(evaluated(at(8, 10), 3)).state;
    expect(neither.ledger.get('li')).toBeUndefined();
    expect(neither.actions.get(A1)?.status).toBe('accepted');
  });

  it('F-7: the rework is owed by the rectification deadline and judged against it', () => {
    const log = evaluated(DUE + HOUR, 5);
    const a = given(log).state.actions.get(A1)!;
    expect(isOverdue(a, at(12, 9))).toBe(false);
    expect(isOverdue(a, at(17, 18) + 1)).toBe(true);
    const rework = [
      ...log,
      ...aevents(
        given(log).when(acmd('SubmitCompletionReport', li, at(15, 10), { result: '整改完成' })),
      ),
    ];
    const es = aevents(
      given(rework).when(acmd('EvaluateAction', chen, at(16, 10), { quality: 4 })),
    );
    expect(es[0]).toMatchObject({
      evaluation: { round: 2, due: at(17, 18), onTime: true, verdict: 'commendation' },
    });
    expect(
      given([...rework, ...es])
        .state.ledger.get('li')
        ?.map((e) => e.entryId),
    ).toEqual(['li#1', 'li#2']);
  });

  it('F-7: the policy in force at the evaluation decides', () => {
    const strict = untyped(
      createActionDecider(() => ({
        ...DEFAULT_PARAMETERS,
        actions: { ...DEFAULT_PARAMETERS.actions, commendationMinQuality: 5 },
      })),
    );
    const es = aevents(
      givenFor(strict)(completedAt(at(8, 10))).when(
        acmd('EvaluateAction', chen, at(10, 10), { quality: 4 }),
      ),
    );
    expect(es[0]).toMatchObject({ evaluation: { verdict: 'none' } });
  });

  it('F-7: a correction is a new entry; the entry corrected never changes', () => {
    const log = evaluated(DUE + HOUR, 5);
    const before = given(log).state.ledger.get('li')!;
    const correct = (actor = leader, reason = '延期经领导批准') => ({
      type: 'CorrectLedgerEntry',
      now: at(11, 9),
      actor,
      personId: 'li',
      entryId: 'li#1',
      reason,
    });
    const es = aevents(given(log).when(correct()));
    expect(es).toEqual([
      {
        type: 'LedgerEntryRecorded',
        personId: 'li',
        entry: {
          entryId: 'li#2',
          personId: 'li',
          kind: 'correction',
          actionId: A1,
          meetingId: 'm1',
          corrects: 'li#1',
          reason: '延期经领导批准',
          by: 'leader',
          at: at(11, 9),
        },
      },
    ]);
    const after = given([...log, ...es]).state.ledger.get('li')!;
    expect(after[0]).toBe(before[0]);
    expect(ledgerStanding(before)).toEqual({ commendations: 0, penalties: 1, corrected: 0 });
    expect(ledgerStanding(after)).toEqual({ commendations: 0, penalties: 0, corrected: 1 });
    expect(aevents(given([...log, ...es]).when(correct()))).toEqual([]);
    expect(rejected(given([...log, ...es]).when(correct(leader, '另一理由'))).code).toBe(
      'ledger.already-corrected',
    );
    expect(rejected(given([...log, ...es]).when({ ...correct(), entryId: 'li#2' })).code).toBe(
      'ledger.correction-of-correction',
    );
    expect(rejected(given(log).when(correct(li))).code).toBe('permission.ledger');
    expect(aevents(given(log).when(correct(chen))).length).toBe(1);
    expect(rejected(given(log).when({ ...correct(), entryId: 'li#9' })).code).toBe(
      'ledger.unknown-entry',
    );
  });

  it('F-6: evaluating again changes nothing; another score is refused', () => {
    const log = evaluated(at(8, 10), 4);
    const c = acmd('EvaluateAction', chen, at(10, 10), { quality: 4 });
    expect(aevents(given(log).when(c))).toEqual([]);
    expect(rejected(given(log).when({ ...c, quality: 2 })).code).toBe('action.already-evaluated');
  });
});
