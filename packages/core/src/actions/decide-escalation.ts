import { hasRole } from '../people/actor.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { fail } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import { workingDeadline, type WorkingCalendar } from '../time/working-calendar.js';
import { openEscalation, type Action, type EscalationRung } from './action.js';
import { hasFlag } from './action-flag.js';
import type { AnswerEscalation, EscalateProblem } from './action-commands.js';
import type { ActionEvent } from './action-events.js';
import { actionRejections as why } from './action-rejections.js';
import {
  done,
  isOwner,
  noticesFor,
  rungFor,
  rungRecipient,
  usableLadder,
  type ActionDecision,
} from './decide-context.js';

/**
 * Escalates a problem (F-4): the owner only, while work is owed and no other escalation waits.
 * It goes to the first rung of the ladder in force (the chair, by default), which has
 * `responseWorkingDays` working days to answer; the action is blocked until then. The same
 * problem again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns `ProblemEscalated` and an `escalated` notice to the responder, or a rejection
 * @example
 * escalateProblem({ type: 'EscalateProblem', problem: '配件缺货', actor: li, … }, started, policy, cal)
 * // => { ok: true, value: [{ type: 'ProblemEscalated', rung: { level: 'chair', responderId: 'chen', respondBy, … }, … }, …] }
 */
export function escalateProblem(
  c: EscalateProblem,
  a: Action,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): ActionDecision {
  if (!isOwner(c.actor, a))
    return fail(why.ownerOnly('F-4', { 'zh-CN': '上报问题', en: 'escalate a problem' }));
  const pending = openEscalation(a);
  if (pending && a.status === 'blocked')
    return pending.problem === c.problem ? done() : fail(why.alreadyEscalated(a.id));
  if (a.status !== 'open' && a.status !== 'in-progress' && a.status !== 'returned')
    return fail(
      why.wrongStatus('F-4', a.id, a.status, { 'zh-CN': '上报问题', en: 'take an escalation' }),
    );
  const ladder = usableLadder(policy(c.now, a.scope).actions.escalationLadder, a);
  const first = ladder[0];
  if (first === undefined) return done();
  const rung = rungFor(
    first,
    a,
    c.now,
    workingDeadline(calendar, c.now, first.responseWorkingDays),
  );
  const number = a.escalations.length + 1;
  return done([
    {
      type: 'ProblemEscalated',
      actionId: a.id,
      escalation: number,
      problem: c.problem,
      ladder,
      rung,
      resumeStatus: a.status,
      by: c.actor.id,
      at: c.now,
    },
    ...noticesFor(a)('escalated', [rungRecipient(rung)], {
      escalation: number,
      problem: c.problem,
      level: rung.level,
      respondBy: rung.respondBy,
    }),
  ]);
}

/**
 * Answers the open escalation (F-4): whoever answers at its current rung, or anyone of
 * leadership. Work resumes where it was. The same answer again changes nothing.
 *
 * @param c - the command
 * @param a - the action
 * @returns `EscalationAnswered` and an `escalation-answered` notice to the owner, or a rejection
 * @example
 * answerEscalation({ type: 'AnswerEscalation', response: '已协调调货', actor: chen, … }, blocked) // => { ok: true, value: [{ type: 'EscalationAnswered', escalation: 1, … }, …] }
 */
export function answerEscalation(c: AnswerEscalation, a: Action): ActionDecision {
  const open = openEscalation(a);
  const last = a.escalations[a.escalations.length - 1];
  // Stryker disable next-line ConditionalExpression: work is blocked only while an escalation waits, so the status alone tells
  if (open === undefined || a.status !== 'blocked') {
    const same = last?.answer?.response === c.response && last.answer.by === c.actor.id;
    return same ? done() : fail(why.noOpenEscalation(a.id));
  }
  // an escalation is raised at its first rung, so it always has one
  const rung = open.rungs[open.rungs.length - 1] as EscalationRung;
  const level = rung.level;
  if (rung.responderId !== c.actor.id && !hasRole(c.actor, 'leadership'))
    return fail(why.notTheResponder(level));
  return done([
    {
      type: 'EscalationAnswered',
      actionId: a.id,
      escalation: open.number,
      answer: { response: c.response, by: c.actor.id, at: c.now },
    },
    ...noticesFor(a)('escalation-answered', [a.ownerId], {
      escalation: open.number,
      response: c.response,
      level,
    }),
  ]);
}

/**
 * The climbs an unanswered escalation makes by `now` (F-4): past its rung's response time it goes
 * to the next rung, whose response time counts from the moment the rung below ran out (so the
 * result does not depend on how often reviews run); past the top rung's, it is flagged once.
 *
 * @param a - the action
 * @param now - the review's time
 * @param calendar - the site's working calendar
 * @param notify - issues notices about the action within this decision
 * @returns `EscalationClimbed`, `ActionFlagged` and their notices (none when nothing is due)
 * @example
 * climbs(blockedSinceMonday, friday, cal, noticesFor(blockedSinceMonday)) // => [{ type: 'EscalationClimbed', rung: { level: 'leadership', … } }, …]
 */
export function climbs(
  a: Action,
  now: Instant,
  calendar: WorkingCalendar,
  notify: ReturnType<typeof noticesFor>,
): ActionEvent[] {
  const e = openEscalation(a);
  // Stryker disable next-line ConditionalExpression: work is blocked only while an escalation waits, so the status alone tells
  if (e === undefined || a.status !== 'blocked') return [];
  const out: ActionEvent[] = [];
  let index = e.rungs.length - 1;
  // an escalation is raised at its first rung, so it always has one
  let rung = e.rungs[index] as EscalationRung;
  while (now > rung.respondBy) {
    const next = e.ladder[index + 1];
    if (next === undefined) {
      if (!hasFlag(a.flags, 'escalation-unanswered', rung.respondBy)) {
        const flag = { kind: 'escalation-unanswered' as const, deadline: rung.respondBy, at: now };
        out.push(
          { type: 'ActionFlagged', actionId: a.id, flag },
          ...notify('escalated', [{ role: 'leadership' }], {
            escalation: e.number,
            problem: e.problem,
            unanswered: true,
            respondBy: rung.respondBy,
          }),
        );
      }
      break;
    }
    const respondBy = workingDeadline(calendar, rung.respondBy, next.responseWorkingDays);
    rung = rungFor(next, a, rung.respondBy, respondBy);
    index++;
    out.push(
      { type: 'EscalationClimbed', actionId: a.id, escalation: e.number, rung, at: now },
      ...notify('escalated', [rungRecipient(rung)], {
        escalation: e.number,
        problem: e.problem,
        level: rung.level,
        respondBy,
      }),
    );
  }
  return out;
}
