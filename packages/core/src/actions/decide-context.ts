import type { Actor } from '../people/actor.js';
import type { EscalationStep } from '../policy/parameters.js';
import { ok, type Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import type { Action, EscalationRung } from './action.js';
import type { ActionEvent } from './action-events.js';
import { recipientKey, type Recipient } from '../people/recipient.js';
import { actionNotices, type ActionNoticeIssued, type ActionNoticeKind } from './action-notice.js';

/** What deciding an action command gives: events, or a rejection. */
export type ActionDecision = Result<ActionEvent[]>;

/**
 * A decision with these events (none: the command changes nothing).
 *
 * @param events - the events
 * @returns the successful decision
 * @example
 * done() // => { ok: true, value: [] }
 */
export const done = (events: ActionEvent[] = []): ActionDecision => ok(events);

/**
 * Issues notices about one action within one decision, numbering each after those already sent
 * and those issued earlier in the same decision, so that no notice id is ever issued twice.
 *
 * @param a - the action
 * @returns `(kind, recipients, data) => events`
 * @example
 * noticesFor(action)('progress', ['chen'], { text: '…' })[0].notice.noticeId // => 'm1:d1:progress:chen:1'
 */
export function noticesFor(
  a: Pick<Action, 'id' | 'noticeCounts'>,
): (
  kind: ActionNoticeKind,
  recipients: Iterable<string | Recipient | undefined>,
  data: Readonly<Record<string, unknown>>,
) => ActionNoticeIssued[] {
  const counts = new Map(a.noticeCounts);
  return (kind, recipients, data) => {
    const issued = actionNotices(counts, a.id, kind, recipients, data);
    for (const e of issued) {
      const key = `${kind}:${recipientKey(e.notice.to)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return issued;
  };
}

/**
 * Who follows an action besides its owner (F-3): the chair, and the supervisor if there is one.
 *
 * @param a - the action
 * @returns person ids
 * @example
 * followers({ chairId: 'chen', supervisorId: 'boss', … }) // => ['chen', 'boss']
 */
export function followers(a: Pick<Action, 'chairId' | 'supervisorId'>): string[] {
  return a.supervisorId === undefined ? [a.chairId] : [a.chairId, a.supervisorId];
}

/**
 * The rungs of a ladder that have someone to answer for an action (F-4): a `supervisor` rung is
 * left out when the action has no supervisor, unless it is the only rung (then the chair answers).
 *
 * @param ladder - the ladder in force
 * @param a - the action
 * @returns the rungs to climb, in order
 * @example
 * usableLadder(DEFAULT_PARAMETERS.actions.escalationLadder, { supervisorId: undefined, … }).map((s) => s.level) // => ['chair', 'leadership']
 */
export function usableLadder(
  ladder: readonly EscalationStep[],
  a: Pick<Action, 'supervisorId'>,
): EscalationStep[] {
  const usable = ladder.filter((s) => s.level !== 'supervisor' || a.supervisorId !== undefined);
  return usable.length > 0 ? usable : [...ladder];
}

/**
 * A rung of the ladder for an action: who answers there (the chair, the supervisor — or the chair
 * when there is none — or leadership as a body) and by when.
 *
 * @param step - the ladder step
 * @param a - the action
 * @param since - when the escalation reached it
 * @param respondBy - its response deadline
 * @returns the rung
 * @example
 * rungFor({ level: 'chair', responseWorkingDays: 2 }, action, t, due) // => { level: 'chair', responderId: 'chen', since: t, respondBy: due }
 */
export function rungFor(
  step: EscalationStep,
  a: Pick<Action, 'chairId' | 'supervisorId'>,
  since: Instant,
  respondBy: Instant,
): EscalationRung {
  const responderId =
    step.level === 'chair'
      ? a.chairId
      : step.level === 'supervisor'
        ? (a.supervisorId ?? a.chairId)
        : undefined;
  return responderId === undefined
    ? { level: step.level, since, respondBy }
    : { level: step.level, responderId, since, respondBy };
}

/**
 * Who a rung's notices go to: its responder, or leadership as a role.
 *
 * @param rung - the rung
 * @returns the recipient
 * @example
 * rungRecipient({ level: 'leadership', since: 0, respondBy: 1 }) // => { role: 'leadership' }
 */
export function rungRecipient(rung: EscalationRung): Recipient {
  return rung.responderId === undefined ? { role: 'leadership' } : { personId: rung.responderId };
}

/**
 * Whether the actor is the action's owner.
 *
 * @param actor - who asks
 * @param a - the action
 * @returns true for the owner
 * @example
 * isOwner({ id: 'li', roles: [] }, { ownerId: 'li', … }) // => true
 */
export const isOwner = (actor: Actor, a: Pick<Action, 'ownerId'>): boolean =>
  actor.id === a.ownerId;
