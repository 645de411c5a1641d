import type { MeetingKind } from '../policy/meeting-kind.js';
import type { Duration, Instant } from '../time/instant.js';
import type { Invitation } from './invitation.js';
import type { Outcome } from './outcome.js';
import type { SignInEntry } from './sign-in.js';

/**
 * Where a meeting stands (M-4): `draft` → `scheduled` → `in-progress` → `ended` → `closed`, or
 * `cancelled` from a draft or a scheduled meeting.
 */
export type MeetingStatus =
  'draft' | 'scheduled' | 'in-progress' | 'ended' | 'closed' | 'cancelled';

/** Every status, in the order a meeting lives through them. */
export const MEETING_STATUSES: readonly MeetingStatus[] = /* @__PURE__ */ Object.freeze([
  'draft',
  'scheduled',
  'in-progress',
  'ended',
  'closed',
  'cancelled',
]);

/** The moves M-4 allows, from each status. */
export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> =
  /* @__PURE__ */ Object.freeze({
    draft: ['scheduled', 'cancelled'],
    scheduled: ['in-progress', 'cancelled'],
    'in-progress': ['ended'],
    ended: ['closed'],
    closed: [],
    cancelled: [],
  });

/**
 * Whether M-4 lets a meeting move from one status to another.
 *
 * @param from - the status it has
 * @param to - the status asked for
 * @returns true for an allowed move
 * @example
 * canMove('draft', 'scheduled') // => true
 * canMove('ended', 'scheduled') // => false
 */
export function canMove(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_TRANSITIONS[from].includes(to);
}

/** One agenda item (M-2): a title, who presents it, and its timebox. */
export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly presenterId: string;
  readonly timeboxMinutes: number;
  /** Carried over from an unfinished item of an earlier occurrence (M-7). */
  readonly carriedFrom?: { readonly meetingId: string; readonly itemId: string };
}

/**
 * The room booking a meeting holds (M-2), as data: the caller books the room with the rooms
 * decider first and passes the booking here; the meeting never books rooms itself.
 */
export interface RoomBookingRef {
  readonly roomId: string;
  readonly bookingId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** What the organizer prepares (M-2), all editable while the meeting is a draft. */
export interface MeetingPlan {
  readonly kind: MeetingKind;
  readonly topic: string;
  readonly goals?: string;
  /** In the order the chair runs them (M-7). */
  readonly agenda: readonly AgendaItem[];
  readonly chairId?: string;
  readonly recorderId?: string;
  readonly signInOfficerId?: string;
  readonly participants: readonly string[];
  /** Sent the minutes; they do not attend (N-3). */
  readonly informed: readonly string[];
  readonly booking?: RoomBookingRef;
  /** sign-in needs the confidentiality agreement signed. */
  readonly confidential: boolean;
  /** The regular series this is an occurrence of (M-1). */
  readonly seriesId?: string;
  /** The occurrence's date, `YYYY-MM-DD` on the site's wall calendar (M-1). */
  readonly occurrenceDate?: string;
}

/** The agenda as run (M-7): when an item actually started and ended, and whether it finished. */
export interface ItemRun {
  readonly startedAt: Instant;
  readonly endedAt?: Instant;
  /** Ended with its discussion finished; an unfinished one can be carried over (M-7). */
  readonly finished?: boolean;
  /** Actual length minus the timebox, once ended (M-7); negative when it ended early. */
  readonly overrun?: Duration;
}

/** A meeting as the meeting decider knows it. */
export interface Meeting extends MeetingPlan {
  readonly id: string;
  readonly status: MeetingStatus;
  /** Who planned it (the organizer prepares the meeting). */
  readonly organizerId: string;
  readonly plannedAt: Instant;
  /** M-3: answers are taken until this instant; set when scheduled or rescheduled. */
  readonly answerDeadline?: Instant;
  /** One per invitee, from scheduling on (M-3). */
  readonly invitations: ReadonlyMap<string, Invitation>;
  /** People whose declining with a reason the chair accepted before the start (M-6). */
  readonly excused: ReadonlySet<string>;
  /** Every arrival and departure in the order recorded (M-5). */
  readonly signIns: readonly SignInEntry[];
  readonly agendaRun: ReadonlyMap<string, ItemRun>;
  /** In the order recorded (M-8). */
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly startedAt?: Instant;
  readonly endedAt?: Instant;
  readonly closedAt?: Instant;
  readonly cancelledAt?: Instant;
  readonly cancelReason?: string;
  /** How many notices of each kind each person was sent: `kind:personId` → count. */
  readonly noticeCounts: ReadonlyMap<string, number>;
}

/** The keys of a {@link MeetingPlan}, for copying a plan out of a meeting. */
export const PLAN_KEYS: readonly (keyof MeetingPlan)[] = Object.freeze([
  'kind',
  'topic',
  'goals',
  'agenda',
  'chairId',
  'recorderId',
  'signInOfficerId',
  'participants',
  'informed',
  'booking',
  'confidential',
  'seriesId',
  'occurrenceDate',
]);

/**
 * The plan of a meeting: its editable fields only.
 *
 * @param m - the meeting
 * @returns a fresh plan holding the fields the meeting has
 * @example
 * planOf(meeting).topic // => '售后周例会'
 */
export function planOf(m: MeetingPlan): MeetingPlan {
  const out: Record<string, unknown> = {};
  for (const k of PLAN_KEYS) if (m[k] !== undefined) out[k] = m[k];
  return out as unknown as MeetingPlan;
}

/**
 * Who is asked to attend: the chair, the recorder, the sign-in officer and the participants, each
 * once, in that order. These are the people invited when the meeting is scheduled (M-3).
 *
 * @param m - the plan
 * @returns distinct person ids
 * @example
 * attendeesOf({ chairId: 'li', participants: ['li', 'wang'], … }) // => ['li', 'wang']
 */
export function attendeesOf(m: MeetingPlan): string[] {
  const all = [m.chairId, m.recorderId, m.signInOfficerId, ...m.participants];
  return [...new Set(all.filter((p): p is string => p !== undefined))];
}

/**
 * Who is expected at the meeting, for attendance (M-6): every invitee except those who delegated
 * their place (their delegate is expected instead). Before scheduling, the attendees of the plan.
 *
 * @param m - the meeting
 * @returns distinct person ids
 * @example
 * expectedAttendees(meetingWhereWangDelegatedToZhao) // => ['li', 'zhao', …] (no 'wang')
 */
export function expectedAttendees(m: Meeting): string[] {
  if (m.invitations.size === 0) return attendeesOf(m);
  return [...m.invitations.values()].filter((i) => i.status !== 'delegated').map((i) => i.personId);
}
