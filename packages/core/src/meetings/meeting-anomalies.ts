import type { Instant } from '../time/instant.js';
import type { MeetingStatus } from './meeting.js';

/**
 * Why the meetings fold kept an event of the log without applying it:
 *
 * - `unreadable`: it lacks a field the fold reads (an import, an older or a broken writer);
 * - `unknown-meeting`: it names a meeting the log has not planned (yet);
 * - `planned-again`: a second plan for a meeting id the log already holds, with another plan;
 * - `out-of-turn`: what it says contradicts what the log said before (M-4: started after it was
 *   cancelled, signed in at a draft or a cancelled meeting or after its end, an answer from someone
 *   never invited …), as two doors, two tabs or a late sync deciding against stale states write;
 * - `repeat`: the same thing again (a second sign-in, a second cancellation): it changes nothing.
 */
export type MeetingAnomalyKind =
  'unreadable' | 'unknown-meeting' | 'planned-again' | 'out-of-turn' | 'repeat';

/** Every anomaly kind, in the order above. */
export const MEETING_ANOMALY_KINDS: readonly MeetingAnomalyKind[] = /* @__PURE__ */ Object.freeze([
  'unreadable',
  'unknown-meeting',
  'planned-again',
  'out-of-turn',
  'repeat',
]);

/**
 * An event of the log the meetings fold did not apply, and why. Nothing is lost: the event stays
 * in the log, and this record says it is there; the door and the reports show the ones that
 * contradict ({@link isContradiction}).
 */
export interface MeetingAnomaly {
  readonly kind: MeetingAnomalyKind;
  /** The event's type (`?` when it has none that reads as text). */
  readonly type: string;
  /** The meeting it names, when it names one. */
  readonly meetingId?: string;
  /** The person it is about (a sign-in, an answer), when there is one. */
  readonly personId?: string;
  /** When it says it happened, when it says so. */
  readonly at?: Instant;
  /** The meeting's status when the event came (`out-of-turn`, `repeat`). */
  readonly status?: MeetingStatus;
}

/**
 * Whether an anomaly contradicts the log (anything but a `repeat`, which changes nothing): what a
 * door and a report show for the room admin to settle.
 *
 * @param a - the anomaly
 * @returns true unless it is a repeat
 * @example
 * isContradiction({ kind: 'repeat', type: 'SignedIn' }) // => false
 */
export const isContradiction = (a: MeetingAnomaly): boolean => a.kind !== 'repeat';

type Fields = Readonly<Record<string, unknown>>;

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const obj = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(str);
const optional = (v: unknown, is: (v: unknown) => boolean): boolean => v === undefined || is(v);

/** An agenda item as the fold and the decider read it. */
const agendaItem = (v: unknown): boolean =>
  obj(v) && str(v.id) && num(v.timeboxMinutes) && str(v.title) && str(v.presenterId);

/** A booking reference as the fold and the decider read it. */
const bookingRef = (v: unknown): boolean =>
  obj(v) && str(v.roomId) && str(v.bookingId) && num(v.start) && num(v.end);

/** A plan with every field the decider, the door and the reports read, of the type they read. */
function plan(v: unknown): boolean {
  return (
    obj(v) &&
    str(v.kind) &&
    str(v.topic) &&
    typeof v.confidential === 'boolean' &&
    Array.isArray(v.agenda) &&
    v.agenda.every(agendaItem) &&
    strings(v.participants) &&
    strings(v.informed) &&
    optional(v.booking, bookingRef) &&
    optional(v.chairId, str) &&
    optional(v.recorderId, str) &&
    optional(v.signInOfficerId, str)
  );
}

/** What each event type must hold for the fold (and the deciders after it) to read it. */
const READABLE: Readonly<Record<string, (e: Fields) => boolean>> = {
  MeetingPlanned: (e) => plan(e.plan) && str(e.by) && num(e.at),
  MeetingEdited: (e) => plan(e.plan),
  MeetingScheduled: (e) => strings(e.invitees) && num(e.answerDeadline) && num(e.at),
  MeetingRescheduled: (e) => bookingRef(e.booking) && num(e.answerDeadline),
  MeetingCancelled: (e) => num(e.at) && optional(e.reason, str),
  InvitationAnswered: (e) =>
    str(e.personId) &&
    str(e.answer) &&
    num(e.at) &&
    optional(e.reason, str) &&
    optional(e.delegatedTo, str),
  InvitationLapsed: (e) => str(e.personId),
  ExcuseAccepted: (e) => str(e.personId),
  MeetingStarted: (e) => num(e.at),
  AgendaItemStarted: (e) => str(e.itemId) && num(e.at),
  AgendaItemEnded: (e) =>
    str(e.itemId) && num(e.at) && typeof e.finished === 'boolean' && num(e.overrun),
  ItemsCarriedOver: (e) => Array.isArray(e.items) && e.items.every(agendaItem),
  SignedIn: (e) => str(e.personId) && str(e.by) && num(e.at),
  SignedOut: (e) => str(e.personId) && str(e.by) && num(e.at),
  OutcomeRecorded: (e) => obj(e.outcome) && str(e.outcome.id) && str(e.outcome.itemId),
  MeetingEnded: (e) => num(e.at),
  MeetingClosed: (e) => num(e.at),
  NoticeIssued: (e) => obj(e.notice) && str(e.notice.kind) && recipient(e.notice.to),
};

/** A notice's addressee: `{ personId }` or `{ role }` (a notice stored before 0.2: a bare id). */
function recipient(to: unknown): boolean {
  return str(to) || (obj(to) && (str(to.personId) || str(to.role)));
}

/**
 * Whether a value of the log is a meetings event the fold can read: an object with a known type,
 * the meeting's id (a signed agreement: the signer, the version and the signature's reference), and
 * each field the fold reads, of its type. An event of a later version's type is not one.
 *
 * @param e - anything the log holds
 * @returns true when the fold can apply it
 * @example
 * isReadableMeetingEvent({ type: 'SignedIn', meetingId: 'm1', personId: 'li', by: 'li', at: 0 }) // => true
 * isReadableMeetingEvent({ type: 'SignedIn', meetingId: 'm1' }) // => false
 */
export function isReadableMeetingEvent(e: unknown): boolean {
  if (!obj(e) || !str(e.type)) return false;
  if (e.type === 'ConfidentialityAgreementSigned')
    return (
      str(e.personId) &&
      num(e.version) &&
      str(e.signatureRef) &&
      str(e.by) &&
      num(e.at) &&
      optional(e.meetingId, str)
    );
  const readable = Object.hasOwn(READABLE, e.type) ? READABLE[e.type] : undefined;
  return readable !== undefined && str(e.meetingId) && readable(e);
}

/**
 * The anomaly of an event the fold could not read: its type and meeting, as far as they read.
 *
 * @param e - anything the log holds
 * @returns the `unreadable` anomaly
 * @example
 * unreadable({ type: 'SignedIn', meetingId: 'm1' }) // => { kind: 'unreadable', type: 'SignedIn', meetingId: 'm1' }
 */
export function unreadable(e: unknown): MeetingAnomaly {
  const f: Fields = obj(e) ? e : {};
  return anomalyOf('unreadable', f);
}

/**
 * The anomaly of an event, with what it names.
 *
 * @param kind - why it was not applied
 * @param e - the event
 * @param status - the meeting's status when it came
 * @returns the anomaly
 * @example
 * anomalyOf('repeat', { type: 'SignedIn', meetingId: 'm1', personId: 'li', at: 0 }, 'in-progress')
 * // => { kind: 'repeat', type: 'SignedIn', meetingId: 'm1', personId: 'li', at: 0, status: 'in-progress' }
 */
export function anomalyOf(
  kind: MeetingAnomalyKind,
  event: object,
  status?: MeetingStatus,
): MeetingAnomaly {
  const e = event as Fields;
  return {
    kind,
    type: str(e.type) ? e.type : '?',
    ...(str(e.meetingId) ? { meetingId: e.meetingId } : {}),
    ...(str(e.personId) ? { personId: e.personId } : {}),
    ...(num(e.at) ? { at: e.at } : {}),
    ...(status === undefined ? {} : { status }),
  };
}
