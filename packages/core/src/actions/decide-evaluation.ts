import { hasRole } from '../people/actor.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { fail } from '../rejection/index.js';
import { workingDeadline, type WorkingCalendar } from '../time/working-calendar.js';
import type { Action, EvaluationRecord } from './action.js';
import type { CorrectLedgerEntry, EvaluateAction } from './action-commands.js';
import type { ActionEvent } from './action-events.js';
import { actionRejections as why } from './action-rejections.js';
import type { ActionState } from './action-state.js';
import { done, noticesFor, type ActionDecision } from './decide-context.js';
import { evaluate } from './evaluation.js';
import { ledgerEntryId, type LedgerEntry } from './ledger.js';

/**
 * Evaluates done work (F-6): the chair only, quality 1–5, by the policy in force now. The
 * completion is judged against the due date (or, for a rework, the rectification deadline).
 * What it earns (F-7) goes into the owner's ledger: a commendation, or a penalty with a
 * rectification task — the action is returned for rework, due `rectificationWorkingDays` working
 * days from now (F-2). Otherwise, and after a commendation, the action is accepted. The same
 * evaluation again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @param state - every action and ledger
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns `ActionEvaluated`, a `LedgerEntryRecorded` unless it earned nothing, and an `evaluated` notice
 * @example
 * evaluateAction({ type: 'EvaluateAction', quality: 5, actor: chen, … }, doneOnTime, state, policy, cal)
 * // => { ok: true, value: [{ type: 'ActionEvaluated', evaluation: { onTime: true, verdict: 'commendation', … } }, { type: 'LedgerEntryRecorded', … }, …] }
 */
export function evaluateAction(
  c: EvaluateAction,
  a: Action,
  state: ActionState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): ActionDecision {
  if (c.actor.id !== a.chairId)
    return fail(why.chairOnly({ 'zh-CN': '评估行动项', en: 'evaluate an action' }));
  if (a.status === 'accepted' || a.status === 'returned') {
    const last = a.evaluations[a.evaluations.length - 1];
    const same =
      last?.quality === c.quality && last.comment === c.comment && last.by === c.actor.id;
    return same ? done() : fail(why.alreadyEvaluated(a.id));
  }
  const completion = a.completions[a.completions.length - 1];
  if (a.status !== 'done' || completion === undefined)
    return fail(why.wrongStatus('F-6', a.id, a.status, { 'zh-CN': '评估', en: 'be evaluated' }));
  const round = a.evaluations.length + 1;
  const params = policy(c.now, a.scope).actions;
  const due = round > 1 && a.rectificationDue !== undefined ? a.rectificationDue : a.due;
  const evaluation = evaluate({ due, completedAt: completion.at, quality: c.quality }, params);
  const rectificationDue =
    evaluation.verdict === 'penalty'
      ? workingDeadline(calendar, c.now, params.rectificationWorkingDays)
      : undefined;
  const record: EvaluationRecord = {
    ...evaluation,
    round,
    ...(c.comment === undefined ? {} : { comment: c.comment }),
    ...(rectificationDue === undefined ? {} : { rectificationDue }),
    by: c.actor.id,
    at: c.now,
  };
  const events: ActionEvent[] = [{ type: 'ActionEvaluated', actionId: a.id, evaluation: record }];
  if (evaluation.verdict !== 'none') {
    const entries = state.ledger.get(a.ownerId) ?? [];
    const entry: LedgerEntry = {
      entryId: ledgerEntryId(a.ownerId, entries.length + 1),
      personId: a.ownerId,
      kind: evaluation.verdict,
      actionId: a.id,
      meetingId: a.meetingId,
      evaluation,
      ...(rectificationDue === undefined ? {} : { rectificationDue }),
      ...(c.comment === undefined ? {} : { reason: c.comment }),
      by: c.actor.id,
      at: c.now,
    };
    events.push({ type: 'LedgerEntryRecorded', personId: a.ownerId, entry });
  }
  return done([
    ...events,
    ...noticesFor(a)('evaluated', [a.ownerId], {
      round,
      quality: c.quality,
      onTime: evaluation.onTime,
      lateBy: evaluation.lateBy,
      verdict: evaluation.verdict,
      ...(rectificationDue === undefined ? {} : { rectificationDue }),
    }),
  ]);
}

/**
 * Corrects a commendation or a penalty (F-7): a new `correction` entry that withdraws it, with a
 * reason. Leadership, or whoever recorded the entry. The entry corrected is never changed or
 * deleted; a correction is not itself corrected, and an entry is corrected once. The same
 * correction again changes nothing.
 *
 * @param c - the command
 * @param state - every action and ledger
 * @returns `LedgerEntryRecorded` with the correction, or a rejection
 * @example
 * correctLedgerEntry({ type: 'CorrectLedgerEntry', personId: 'li', entryId: 'li#1', reason: '评分有误', actor: boss, … }, state)
 * // => { ok: true, value: [{ type: 'LedgerEntryRecorded', entry: { entryId: 'li#2', kind: 'correction', corrects: 'li#1', … } }] }
 */
export function correctLedgerEntry(c: CorrectLedgerEntry, state: ActionState): ActionDecision {
  const entries = state.ledger.get(c.personId) ?? [];
  const entry = entries.find((e) => e.entryId === c.entryId);
  if (entry === undefined) return fail(why.unknownEntry(c.personId, c.entryId));
  if (!hasRole(c.actor, 'leadership') && c.actor.id !== entry.by) return fail(why.correctorOnly());
  if (entry.kind === 'correction') return fail(why.correctionOfCorrection(c.entryId));
  const earlier = entries.find((e) => e.corrects === c.entryId);
  if (earlier !== undefined)
    return earlier.reason === c.reason && earlier.by === c.actor.id
      ? done()
      : fail(why.alreadyCorrected(c.entryId));
  return done([
    {
      type: 'LedgerEntryRecorded',
      personId: c.personId,
      entry: {
        entryId: ledgerEntryId(c.personId, entries.length + 1),
        personId: c.personId,
        kind: 'correction',
        actionId: entry.actionId,
        meetingId: entry.meetingId,
        corrects: entry.entryId,
        reason: c.reason,
        by: c.actor.id,
        at: c.now,
      },
    },
  ]);
}
