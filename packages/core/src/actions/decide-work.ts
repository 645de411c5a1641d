import { hasRole } from '../people/actor.js';
import { deepEqual } from '../policy/records.js';
import { fail } from '../rejection/index.js';
import { isOpenStatus, type Action, type CompletionReport } from './action.js';
import type {
  CancelAction,
  ReportProgress,
  StartAction,
  SubmitCompletionReport,
} from './action-commands.js';
import { actionRejections as why } from './action-rejections.js';
import { done, followers, isOwner, noticesFor, type ActionDecision } from './decide-context.js';

/**
 * Starts work on an open action (F-1): the owner only. Starting again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @returns `ActionStarted`, or a rejection
 * @example
 * startAction({ type: 'StartAction', actor: li, … }, opened) // => { ok: true, value: [{ type: 'ActionStarted', … }] }
 */
export function startAction(c: StartAction, a: Action): ActionDecision {
  if (!isOwner(c.actor, a))
    return fail(why.ownerOnly('F-1', { 'zh-CN': '开始执行', en: 'start the work' }));
  if (a.startedAt !== undefined) return done();
  if (a.status !== 'open')
    return fail(why.wrongStatus('F-2', a.id, a.status, { 'zh-CN': '开始', en: 'be started' }));
  return done([{ type: 'ActionStarted', actionId: a.id, by: c.actor.id, at: c.now }]);
}

/**
 * Reports progress to the chair and the supervisor (F-3): the owner only, while work is owed.
 * The next report is due `progressReportEveryDays` days later. The same report again (a double
 * tap: same time, same words) changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @returns `ProgressReported` and a `progress` notice to each follower, or a rejection
 * @example
 * reportProgress({ type: 'ReportProgress', text: '已完成一半', percent: 50, … }, started) // => { ok: true, value: [{ type: 'ProgressReported', … }, { type: 'ActionNoticeIssued', … }] }
 */
export function reportProgress(c: ReportProgress, a: Action): ActionDecision {
  if (!isOwner(c.actor, a))
    return fail(why.ownerOnly('F-3', { 'zh-CN': '汇报进展', en: 'report progress' }));
  const report = {
    text: c.text,
    ...(c.percent === undefined ? {} : { percent: c.percent }),
    by: c.actor.id,
    at: c.now,
  };
  if (deepEqual(a.progress[a.progress.length - 1], report)) return done();
  if (!isOpenStatus(a.status))
    return fail(
      why.wrongStatus('F-3', a.id, a.status, { 'zh-CN': '汇报进展', en: 'take progress reports' }),
    );
  return done([
    { type: 'ProgressReported', actionId: a.id, report },
    ...noticesFor(a)('progress', followers(a), {
      text: c.text,
      ...(c.percent === undefined ? {} : { percent: c.percent }),
      at: c.now,
    }),
  ]);
}

/**
 * Submits the completion report (F-5): result, problems met, how they were solved, suggestions.
 * The owner only, once work has started (in progress, or returned for rework); the action is done
 * (F-2) and the chair is asked to evaluate it. The same report again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @returns `CompletionReported` and a `completion` notice to the followers, or a rejection
 * @example
 * submitCompletion({ type: 'SubmitCompletionReport', result: '已全部回访', … }, started) // => { ok: true, value: [{ type: 'CompletionReported', report: { round: 1, … } }, …] }
 */
export function submitCompletion(c: SubmitCompletionReport, a: Action): ActionDecision {
  if (!isOwner(c.actor, a))
    return fail(
      why.ownerOnly('F-5', { 'zh-CN': '提交完成报告', en: 'submit the completion report' }),
    );
  const report: CompletionReport = {
    round: a.evaluations.length + 1,
    result: c.result,
    ...(c.problems === undefined ? {} : { problems: c.problems }),
    ...(c.solutions === undefined ? {} : { solutions: c.solutions }),
    ...(c.suggestions === undefined ? {} : { suggestions: c.suggestions }),
    by: c.actor.id,
    at: c.now,
  };
  const last = a.completions[a.completions.length - 1];
  if (a.status === 'done')
    return deepEqual(last, report) ? done() : fail(why.alreadyReported(a.id));
  if (a.status !== 'in-progress' && a.status !== 'returned')
    return fail(
      why.wrongStatus('F-5', a.id, a.status, {
        'zh-CN': '提交完成报告',
        en: 'take a completion report',
      }),
    );
  return done([
    { type: 'CompletionReported', actionId: a.id, report },
    ...noticesFor(a)('completion', followers(a), { round: report.round, result: c.result }),
  ]);
}

/**
 * Cancels an action while work is owed (F-2): the chair or leadership, with a reason. Cancelling
 * again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @returns `ActionCancelled` and a `cancelled` notice to the owner, collaborators and supervisor
 * @example
 * cancelAction({ type: 'CancelAction', reason: '客户已撤诉', actor: chen, … }, opened) // => { ok: true, value: [{ type: 'ActionCancelled', … }, …] }
 */
export function cancelAction(c: CancelAction, a: Action): ActionDecision {
  if (c.actor.id !== a.chairId && !hasRole(c.actor, 'leadership'))
    return fail(why.chairOrLeadershipOnly());
  if (a.status === 'cancelled') return done();
  if (!isOpenStatus(a.status))
    return fail(why.wrongStatus('F-2', a.id, a.status, { 'zh-CN': '取消', en: 'be cancelled' }));
  return done([
    { type: 'ActionCancelled', actionId: a.id, reason: c.reason, by: c.actor.id, at: c.now },
    ...noticesFor(a)('cancelled', [a.ownerId, ...a.collaborators, a.supervisorId], {
      reason: c.reason,
    }),
  ]);
}
