import type { Duration, Instant } from '../time/instant.js';
import type { InvitationAnswer } from './invitation.js';
import type { AgendaItem, MeetingPlan, RoomBookingRef } from './meeting.js';
import { MINUTES_NOTICE_KINDS, type NoticeIssued } from './notice.js';
import type { Outcome } from './outcome.js';

/** A meeting was prepared as a draft (M-2). */
export interface MeetingPlanned {
  readonly type: 'MeetingPlanned';
  readonly meetingId: string;
  readonly plan: MeetingPlan;
  readonly by: string;
  readonly at: Instant;
}
/** A draft's plan changed; `plan` is the whole new plan. */
export interface MeetingEdited {
  readonly type: 'MeetingEdited';
  readonly meetingId: string;
  readonly plan: MeetingPlan;
  readonly by: string;
  readonly at: Instant;
}
/** The meeting was scheduled and its attendees invited (M-2, M-3). */
export interface MeetingScheduled {
  readonly type: 'MeetingScheduled';
  readonly meetingId: string;
  readonly invitees: readonly string[];
  readonly answerDeadline: Instant;
  readonly by: string;
  readonly at: Instant;
}
/** The meeting moved to another time or room (M-4); answers are kept, the deadline moves. */
export interface MeetingRescheduled {
  readonly type: 'MeetingRescheduled';
  readonly meetingId: string;
  readonly booking: RoomBookingRef;
  readonly previous: RoomBookingRef;
  readonly answerDeadline: Instant;
  readonly by: string;
  readonly at: Instant;
}
/** The meeting was cancelled (M-4). */
export interface MeetingCancelled {
  readonly type: 'MeetingCancelled';
  readonly meetingId: string;
  readonly by: string;
  readonly at: Instant;
  readonly reason?: string;
}
/** An invitee answered (M-3); a delegate becomes a participant and is invited. */
export interface InvitationAnswered {
  readonly type: 'InvitationAnswered';
  readonly meetingId: string;
  readonly personId: string;
  readonly answer: InvitationAnswer;
  readonly reason?: string;
  readonly delegatedTo?: string;
  readonly at: Instant;
}
/** An invitation was still open at its deadline: *no response* (M-3). */
export interface InvitationLapsed {
  readonly type: 'InvitationLapsed';
  readonly meetingId: string;
  readonly personId: string;
  readonly deadline: Instant;
  readonly at: Instant;
}
/** The chair accepted a declining with a reason as an excuse (M-6). */
export interface ExcuseAccepted {
  readonly type: 'ExcuseAccepted';
  readonly meetingId: string;
  readonly personId: string;
  readonly by: string;
  readonly at: Instant;
}
/** The chair opened the meeting (M-4). */
export interface MeetingStarted {
  readonly type: 'MeetingStarted';
  readonly meetingId: string;
  readonly by: string;
  readonly at: Instant;
}
/** An agenda item started (M-7). */
export interface AgendaItemStarted {
  readonly type: 'AgendaItemStarted';
  readonly meetingId: string;
  readonly itemId: string;
  readonly by: string;
  readonly at: Instant;
}
/** An agenda item ended, finished or not, with its overrun (M-7). */
export interface AgendaItemEnded {
  readonly type: 'AgendaItemEnded';
  readonly meetingId: string;
  readonly itemId: string;
  readonly finished: boolean;
  /** Actual length minus the timebox. */
  readonly overrun: Duration;
  readonly by: string;
  readonly at: Instant;
}
/** Unfinished items of an earlier occurrence were added to this draft's agenda (M-7). */
export interface ItemsCarriedOver {
  readonly type: 'ItemsCarriedOver';
  readonly meetingId: string;
  readonly fromMeetingId: string;
  readonly items: readonly AgendaItem[];
  readonly by: string;
  readonly at: Instant;
}
/** Someone arrived (M-5); `by` is who recorded it. */
export interface SignedIn {
  readonly type: 'SignedIn';
  readonly meetingId: string;
  readonly personId: string;
  readonly by: string;
  readonly at: Instant;
}
/** Someone left (M-5); `by` is who recorded it. */
export interface SignedOut {
  readonly type: 'SignedOut';
  readonly meetingId: string;
  readonly personId: string;
  readonly by: string;
  readonly at: Instant;
}
/**
 * A person signed a version of the confidentiality agreement. `signatureRef` names the drawn
 * signature; `signature` is the drawing itself when the command carried it (an SVG path, see
 * `signaturePath`), so that the hub's log keeps it.
 */
export interface ConfidentialityAgreementSigned {
  readonly type: 'ConfidentialityAgreementSigned';
  readonly personId: string;
  readonly version: number;
  readonly signatureRef: string;
  readonly signature?: string;
  /** The meeting at whose door it was signed, if any. */
  readonly meetingId?: string;
  readonly by: string;
  readonly at: Instant;
}
/** An outcome of an agenda item was recorded (M-8). */
export interface OutcomeRecorded {
  readonly type: 'OutcomeRecorded';
  readonly meetingId: string;
  readonly outcome: Outcome;
}
/** The chair ended the meeting (M-4). */
export interface MeetingEnded {
  readonly type: 'MeetingEnded';
  readonly meetingId: string;
  readonly by: string;
  readonly at: Instant;
}
/** The meeting was closed (M-4). */
export interface MeetingClosed {
  readonly type: 'MeetingClosed';
  readonly meetingId: string;
  readonly by: string;
  readonly at: Instant;
}

/**
 * Every event of the meetings context. Each belongs to the stream `meeting:<meetingId>`, except a
 * signed confidentiality agreement, which belongs to its signer: `confidentiality:<personId>`.
 */
export type MeetingEvent =
  | MeetingPlanned
  | MeetingEdited
  | MeetingScheduled
  | MeetingRescheduled
  | MeetingCancelled
  | InvitationAnswered
  | InvitationLapsed
  | ExcuseAccepted
  | MeetingStarted
  | AgendaItemStarted
  | AgendaItemEnded
  | ItemsCarriedOver
  | SignedIn
  | SignedOut
  | ConfidentialityAgreementSigned
  | OutcomeRecorded
  | MeetingEnded
  | MeetingClosed
  | NoticeIssued;

/**
 * The stream an event of this context belongs to.
 *
 * @param e - the event
 * @returns `meeting:<meetingId>`, or `confidentiality:<personId>` for a signed agreement
 * @example
 * meetingStreamOf({ type: 'MeetingStarted', meetingId: 'm1', by: 'li', at: 0 }) // => 'meeting:m1'
 */
export function meetingStreamOf(e: MeetingEvent): string {
  return e.type === 'ConfidentialityAgreementSigned'
    ? `confidentiality:${e.personId}`
    : `meeting:${e.meetingId}`;
}

/** Every event type of the meetings context, for routing and projections. */
export const MEETING_EVENT_TYPES = [
  'MeetingPlanned',
  'MeetingEdited',
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'InvitationAnswered',
  'InvitationLapsed',
  'ExcuseAccepted',
  'MeetingStarted',
  'AgendaItemStarted',
  'AgendaItemEnded',
  'ItemsCarriedOver',
  'SignedIn',
  'SignedOut',
  'ConfidentialityAgreementSigned',
  'OutcomeRecorded',
  'MeetingEnded',
  'MeetingClosed',
  'NoticeIssued',
] as const satisfies readonly MeetingEvent['type'][];

// A new meeting event type that is missing above fails to compile here.
type Missing = Exclude<MeetingEvent['type'], (typeof MEETING_EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const meetingTypes: ReadonlySet<string> = new Set(MEETING_EVENT_TYPES);
const minutesKinds: ReadonlySet<string> = new Set(MINUTES_NOTICE_KINDS);

/**
 * Whether an event belongs to the meetings context. A `NoticeIssued` does when its notice is one
 * the meetings decider issues (an invitation, a chase, a change, a cancellation); the minutes
 * decider issues the others ({@link MINUTES_NOTICE_KINDS}).
 *
 * @param e - any event with a type
 * @returns true for the meetings context's events
 * @example
 * isMeetingEvent({ type: 'MeetingStarted', meetingId: 'm1', by: 'li', at: 0 }) // => true
 */
export function isMeetingEvent(e: { readonly type: string }): e is MeetingEvent {
  if (!meetingTypes.has(e.type)) return false;
  // A notice without one (a broken writer) is the meetings' to keep as an anomaly.
  return e.type !== 'NoticeIssued' || !minutesKinds.has((e as NoticeIssued).notice?.kind);
}
