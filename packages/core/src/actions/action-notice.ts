import { recipientKey, type Recipient } from '../people/recipient.js';

/**
 * Why an action notice is sent: the action was assigned (F-1), amended or cancelled; a reminder to
 * start (F-1); a progress report for the chair or supervisor (F-3); a missed report (F-3); the
 * action is overdue (F-2); a problem was escalated to someone, or answered (F-4); a completion
 * report awaits evaluation (F-5); the evaluation and what it earned (F-6, F-7).
 */
export type ActionNoticeKind =
  | 'assigned'
  | 'amended'
  | 'cancelled'
  | 'start-reminder'
  | 'progress'
  | 'report-reminder'
  | 'overdue'
  | 'escalated'
  | 'escalation-answered'
  | 'completion'
  | 'evaluated';

/** Every action notice kind. */
export const ACTION_NOTICE_KINDS: readonly ActionNoticeKind[] = Object.freeze([
  'assigned',
  'amended',
  'cancelled',
  'start-reminder',
  'progress',
  'report-reminder',
  'overdue',
  'escalated',
  'escalation-answered',
  'completion',
  'evaluated',
]);

/**
 * Something that must be sent about an action, and why: data, not delivery. Integrators deliver it
 * by mail, OA or WeCom, keyed by `noticeId`, which is never issued twice.
 */
export interface ActionNotice {
  /** `actionId:kind:recipient:n`, `n` counting that recipient's notices of that kind from 1. */
  readonly noticeId: string;
  readonly kind: ActionNoticeKind;
  readonly to: Recipient;
  readonly actionId: string;
  /** What the message speaks of: the due date, the urgency, the report, the rung … */
  readonly data: Readonly<Record<string, unknown>>;
}

/** An action notice must be sent (in the action's stream). */
export interface ActionNoticeIssued {
  readonly type: 'ActionNoticeIssued';
  readonly actionId: string;
  readonly notice: ActionNotice;
}

/**
 * The next notice of a kind to each of some recipients, numbered after those already sent.
 *
 * @param counts - notices sent so far, by `kind:recipient`
 * @param actionId - the action
 * @param kind - the notice kind
 * @param recipients - who to send it to (a person id, or a recipient); repeats are sent once
 * @param data - what the message speaks of
 * @returns one `ActionNoticeIssued` per distinct recipient
 * @example
 * actionNotices(new Map(), 'm1:d1', 'assigned', ['li'], {})[0].notice.noticeId // => 'm1:d1:assigned:li:1'
 */
export function actionNotices(
  counts: ReadonlyMap<string, number>,
  actionId: string,
  kind: ActionNoticeKind,
  recipients: Iterable<string | Recipient | undefined>,
  data: Readonly<Record<string, unknown>>,
): ActionNoticeIssued[] {
  const seen = new Map<string, Recipient>();
  for (const r of recipients) {
    if (r === undefined) continue;
    const to: Recipient = typeof r === 'string' ? { personId: r } : r;
    seen.set(recipientKey(to), to);
  }
  return [...seen].map(([key, to]) => {
    const n = (counts.get(`${kind}:${key}`) ?? 0) + 1;
    return {
      type: 'ActionNoticeIssued',
      actionId,
      notice: { noticeId: `${actionId}:${kind}:${key}:${n}`, kind, to, actionId, data },
    };
  });
}
