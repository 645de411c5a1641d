import type { PolicyLookup } from '../policy/policy-at.js';
import { deepEqual } from '../policy/records.js';
import type { PolicyScope } from '../policy/resolve.js';
import { fail } from '../rejection/index.js';
import { workingDeadline, type WorkingCalendar } from '../time/working-calendar.js';
import { isOpenStatus, type Action, type ActionWork } from './action.js';
import type { OpenActionsFromMinutes } from './action-commands.js';
import type { ActionEvent } from './action-events.js';
import { actionRejections as why } from './action-rejections.js';
import type { ActionState } from './action-state.js';
import { done, noticesFor, type ActionDecision } from './decide-context.js';

type Item = OpenActionsFromMinutes['items'][number];

/**
 * The id of the action a decision of a meeting's minutes becomes.
 *
 * @param meetingId - the meeting
 * @param itemId - the item of its minutes
 * @returns `<meetingId>:<itemId>`
 * @example
 * actionIdOf('m1', 'o1') // => 'm1:o1'
 */
export function actionIdOf(meetingId: string, itemId: string): string {
  return `${meetingId}:${itemId}`;
}

const workOf = (i: Item): ActionWork => ({
  text: i.text,
  ownerId: i.ownerId,
  collaborators: i.collaborators ?? [],
  due: i.due,
  urgency: i.urgency ?? 'normal',
  ...(i.supervisorId === undefined ? {} : { supervisorId: i.supervisorId }),
});

const currentWork = (a: Action): ActionWork => ({
  text: a.text,
  ownerId: a.ownerId,
  collaborators: a.collaborators,
  due: a.due,
  urgency: a.urgency,
  ...(a.supervisorId === undefined ? {} : { supervisorId: a.supervisorId }),
});

/** Work can still be amended or withdrawn: owed, or done and not yet evaluated. */
const changeable = (a: Action): boolean => isOpenStatus(a.status) || a.status === 'done';

function itemProblem(items: readonly Item[]): ActionDecision | undefined {
  const seen = new Set<string>();
  for (const i of items) {
    if (seen.has(i.itemId)) return fail(why.duplicateItem(i.itemId));
    seen.add(i.itemId);
    if (i.collaborators?.includes(i.ownerId))
      return fail(why.ownerIsCollaborator(i.itemId, i.ownerId));
  }
  return undefined;
}

/**
 * Opens an action per published decision that asks for work (F-1): owner, collaborators, due date,
 * urgency, the meeting and the minutes' version. The owner must start within
 * `startWithinWorkingDays` working days of publication, and reports progress every
 * `progressReportEveryDays` days, by the policy in force at publication. The owner and the
 * collaborators are each sent an `assigned` notice.
 *
 * A later version of the minutes (N-4) opens its new decisions, amends the changed ones and cancels
 * the withdrawn ones while work is still owed; an action already accepted or cancelled is left as
 * it is. An older version, or the same one again, changes nothing.
 *
 * @param c - the command
 * @param state - every action
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns `ActionOpened`, `ActionAmended`, `ActionCancelled` and their notices, or a rejection
 * @example
 * openActions({ type: 'OpenActionsFromMinutes', version: 1, items: [{ itemId: 'o1', ownerId: 'li', … }], … }, state, policy, cal)
 * // => { ok: true, value: [{ type: 'ActionOpened', actionId: 'm1:o1', startDue, … }, { type: 'ActionNoticeIssued', … }, …] }
 */
export function openActions(
  c: OpenActionsFromMinutes,
  state: ActionState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): ActionDecision {
  if (c.actor.id !== c.chairId && c.actor.id !== c.recorderId)
    return fail(why.chairOrRecorderOnly());
  const problem = itemProblem(c.items);
  if (problem) return problem;
  const existing = [...state.actions.values()].filter((a) => a.meetingId === c.meetingId);
  const applied = Math.max(0, ...existing.map((a) => a.minutesVersion));
  if (c.version < applied) return done();
  const scope: PolicyScope =
    c.roomId === undefined ? { kind: c.kind } : { kind: c.kind, roomId: c.roomId };
  const params = policy(c.publishedAt, scope).actions;
  const startDue = workingDeadline(calendar, c.publishedAt, params.startWithinWorkingDays);
  const stamp = { by: c.actor.id, at: c.now };
  const events: ActionEvent[] = [];
  for (const item of c.items) {
    const actionId = actionIdOf(c.meetingId, item.itemId);
    const work = workOf(item);
    const a = state.actions.get(actionId);
    const notify = noticesFor(a ?? { id: actionId, noticeCounts: new Map() });
    const about = { meetingId: c.meetingId, version: c.version, ...work };
    if (a === undefined) {
      events.push(
        {
          type: 'ActionOpened',
          actionId,
          meetingId: c.meetingId,
          itemId: item.itemId,
          minutesVersion: c.version,
          scope,
          chairId: c.chairId,
          work,
          openedAt: c.publishedAt,
          startDue,
          reportEveryDays: params.progressReportEveryDays,
          ...stamp,
        },
        ...notify('assigned', [work.ownerId, ...work.collaborators], { ...about, startDue }),
      );
    } else if (changeable(a) && !deepEqual(currentWork(a), work)) {
      events.push(
        { type: 'ActionAmended', actionId, minutesVersion: c.version, work, ...stamp },
        ...notify('amended', [a.ownerId, work.ownerId, ...work.collaborators], about),
      );
    }
  }
  const kept = new Set(c.items.map((i) => actionIdOf(c.meetingId, i.itemId)));
  for (const a of existing) {
    if (kept.has(a.id) || !changeable(a)) continue;
    const reason = `纪要第 ${c.version} 版撤回了该决议 (withdrawn by version ${c.version} of the minutes)`;
    events.push(
      { type: 'ActionCancelled', actionId: a.id, reason, minutesVersion: c.version, ...stamp },
      ...noticesFor(a)('cancelled', [a.ownerId, ...a.collaborators, a.supervisorId], {
        reason,
        version: c.version,
      }),
    );
  }
  if (c.version === applied && events.length > 0)
    return fail(why.versionMismatch(c.meetingId, c.version));
  return done(events);
}
