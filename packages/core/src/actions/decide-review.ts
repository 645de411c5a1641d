import { fail } from '../rejection/index.js';
import { DAY, type Instant } from '../time/instant.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import { deadlineOf, isOpenStatus, type Action } from './action.js';
import { hasFlag, type ActionFlag } from './action-flag.js';
import type { ReviewActions } from './action-commands.js';
import type { ActionEvent } from './action-events.js';
import { actionRejections as why } from './action-rejections.js';
import type { ActionState } from './action-state.js';
import { done, followers, noticesFor, type ActionDecision } from './decide-context.js';
import { climbs } from './decide-escalation.js';

/** The most missed reports one review flags on one action (a bound on a decision's size). */
export const MAX_MISSED_REPORTS_PER_REVIEW = 1000;

/**
 * The progress reports an action has missed by `now` and that are not flagged yet (F-3): reports
 * are due every `reportEveryDays` days after the last one (or after opening, or after a return for
 * rework), and each due time passed without a report is missed.
 *
 * @param a - the action
 * @param now - the review's time
 * @returns the due times missed and not yet flagged, oldest first
 * @example
 * missedReports({ openedAt: 0, reportEveryDays: 7, progress: [], flags: [], … }, 15 * DAY) // => [7 * DAY, 14 * DAY]
 */
export function missedReports(a: Action, now: Instant): Instant[] {
  if (!isOpenStatus(a.status)) return [];
  const period = a.reportEveryDays * DAY;
  const anchor = a.progress.reduce(
    (t, p) => Math.max(t, p.at),
    Math.max(a.openedAt, a.returnedAt ?? a.openedAt),
  );
  const last = a.flags.reduce(
    (t, f) => (f.kind === 'report-missed' ? Math.max(t, f.deadline) : t),
    anchor,
  );
  const out: Instant[] = [];
  for (
    let k = Math.floor((last - anchor) / period) + 1;
    anchor + k * period < now && out.length < MAX_MISSED_REPORTS_PER_REVIEW;
    k++
  )
    out.push(anchor + k * period);
  return out;
}

/** The flags and notices one action earns at `now`, and the climbs of its escalation. */
function reviewOne(a: Action, now: Instant, calendar: WorkingCalendar): ActionEvent[] {
  const notify = noticesFor(a);
  const out: ActionEvent[] = [];
  const flag = (kind: ActionFlag['kind'], deadline: Instant): void => {
    out.push({ type: 'ActionFlagged', actionId: a.id, flag: { kind, deadline, at: now } });
  };
  if (
    a.status === 'open' &&
    a.startedAt === undefined &&
    now > a.startDue &&
    !hasFlag(a.flags, 'start-missed', a.startDue)
  ) {
    flag('start-missed', a.startDue);
    out.push(...notify('start-reminder', [a.ownerId, a.chairId], { startDue: a.startDue }));
  }
  const missed = missedReports(a, now);
  for (const due of missed) flag('report-missed', due);
  if (missed.length > 0)
    out.push(...notify('report-reminder', [a.ownerId, ...followers(a)], { missed }));
  const deadline = deadlineOf(a);
  if (isOpenStatus(a.status) && now > deadline && !hasFlag(a.flags, 'overdue', deadline)) {
    flag('overdue', deadline);
    out.push(...notify('overdue', [a.ownerId, ...followers(a)], { deadline, urgency: a.urgency }));
  }
  out.push(...climbs(a, now, calendar, notify));
  return out;
}

/**
 * Applies the time-driven rules at `now` (F-1, F-2, F-3, F-4), to one action or every one:
 *
 * - F-1: still open (never started) past its start deadline → `start-missed`, a reminder to the
 *   owner and the chair;
 * - F-3: each progress report due and not made → `report-missed`, a reminder to the owner and a
 *   note to the chair and supervisor;
 * - F-2: work still owed past the deadline (the due date, or the rectification deadline) →
 *   `overdue`, to the owner, the chair and the supervisor;
 * - F-4: an escalation unanswered past its response time climbs the ladder; past the top rung's,
 *   it is flagged `escalation-unanswered` to leadership.
 *
 * Each flag is raised once (a flag is its kind and the deadline missed) and never taken back, so
 * the review is deterministic, idempotent for a given `now` (a second review decides `[]`) and
 * monotone as `now` advances; reviewing at `t₁` and then `t₂` raises the same flags as reviewing at
 * `t₂` alone.
 *
 * @param c - the command
 * @param state - every action
 * @param calendar - the site's working calendar
 * @returns `ActionFlagged`, `EscalationClimbed` and their notices; none when nothing is due
 * @example
 * reviewActions({ type: 'ReviewActions', now: wednesdayNight, … }, state, cal)
 * // => { ok: true, value: [{ type: 'ActionFlagged', flag: { kind: 'start-missed', … } }, { type: 'ActionNoticeIssued', … }, …] }
 */
export function reviewActions(
  c: ReviewActions,
  state: ActionState,
  calendar: WorkingCalendar,
): ActionDecision {
  if (c.actionId !== undefined) {
    const a = state.actions.get(c.actionId);
    return a ? done(reviewOne(a, c.now, calendar)) : fail(why.unknownAction(c.actionId));
  }
  return done([...state.actions.values()].flatMap((a) => reviewOne(a, c.now, calendar)));
}
