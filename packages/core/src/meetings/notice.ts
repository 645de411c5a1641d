import { recipientKey, type Recipient } from '../people/recipient.js';

/**
 * Why a notice is sent: the meeting's invitation, a reminder (late minutes, N-5), a chase for an
 * answer past its deadline (M-3), a change of time or room (M-4), a cancellation (M-4), published
 * minutes (N-3), and the separate notice to each absentee (N-3).
 */
export type NoticeKind =
  | 'invitation'
  | 'reminder'
  | 'chase'
  | 'rescheduled'
  | 'cancelled'
  | 'minutes-published'
  | 'absentee';

/** Every notice kind. */
export const NOTICE_KINDS: readonly NoticeKind[] = /* @__PURE__ */ Object.freeze([
  'invitation',
  'reminder',
  'chase',
  'rescheduled',
  'cancelled',
  'minutes-published',
  'absentee',
]);

/** The notice kinds the minutes decider issues (N-3, N-5); the meetings decider issues the others. */
export const MINUTES_NOTICE_KINDS: readonly NoticeKind[] = Object.freeze([
  'reminder',
  'minutes-published',
  'absentee',
]);

/**
 * Something that must be sent to someone, and why: data, not delivery. Integrators deliver notices
 * by mail, OA or WeCom, keyed by `noticeId`, which is never issued twice.
 */
export interface Notice {
  /** `meetingId:kind:personId:n`, `n` counting that person's notices of that kind from 1. */
  readonly noticeId: string;
  readonly kind: NoticeKind;
  /** Who to send it to: a meeting's notices always go to a person, `{ personId }`. */
  readonly to: Recipient;
  readonly meetingId: string;
  /** What the message speaks of: the time, the room, the deadline, the minutes' version … */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A notice must be sent (meetings and minutes both issue them, each in its own stream). */
export interface NoticeIssued {
  readonly type: 'NoticeIssued';
  readonly meetingId: string;
  readonly notice: Notice;
}

/**
 * The id of the `n`-th notice of a kind to a person about a meeting.
 *
 * @param meetingId - the meeting
 * @param kind - the notice kind
 * @param personId - the recipient
 * @param n - 1 for the first such notice, 2 for the next …
 * @returns `meetingId:kind:personId:n`
 * @example
 * noticeId('m1', 'invitation', 'li', 1) // => 'm1:invitation:li:1'
 */
export function noticeId(meetingId: string, kind: NoticeKind, personId: string, n: number): string {
  return `${meetingId}:${kind}:${personId}:${n}`;
}

/**
 * The key of a per-person, per-kind notice count.
 *
 * @param kind - the notice kind
 * @param personId - the recipient
 * @returns `kind:personId`
 * @example
 * countKey('chase', 'li') // => 'chase:li'
 */
export const countKey = (kind: NoticeKind, personId: string): string => `${kind}:${personId}`;

/**
 * The next notice of a kind to each of some people, numbered after those already sent.
 *
 * @param counts - notices sent so far, by {@link countKey}
 * @param meetingId - the meeting
 * @param kind - the notice kind
 * @param people - the recipients (each once)
 * @param data - what the message speaks of, or a function of the recipient
 * @returns one `NoticeIssued` event per distinct recipient
 * @example
 * issueNotices(new Map(), 'm1', 'chase', ['li'], {})[0].notice.noticeId // => 'm1:chase:li:1'
 */
export function issueNotices(
  counts: ReadonlyMap<string, number>,
  meetingId: string,
  kind: NoticeKind,
  people: Iterable<string>,
  data: Readonly<Record<string, unknown>> | ((to: string) => Readonly<Record<string, unknown>>),
): NoticeIssued[] {
  return [...new Set(people)].map((to) => ({
    type: 'NoticeIssued',
    meetingId,
    notice: {
      noticeId: noticeId(meetingId, kind, to, (counts.get(countKey(kind, to)) ?? 0) + 1),
      kind,
      to: { personId: to },
      meetingId,
      data: typeof data === 'function' ? data(to) : data,
    },
  }));
}

/**
 * The count key of a notice already issued (its kind and its recipient), as {@link countKey} makes
 * it: what the meetings and minutes folds count.
 *
 * @param notice - the notice
 * @returns `kind:personId`
 * @example
 * noticeCountKey({ kind: 'chase', to: { personId: 'li' } }) // => 'chase:li'
 */
export const noticeCountKey = (notice: Pick<Notice, 'kind' | 'to'>): string =>
  `${notice.kind}:${recipientKey(notice.to)}`;
