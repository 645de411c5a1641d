import type { Check, Checked } from '../input/index.js';
import { id, instant, listOf, object, oneOf, optional, text } from '../input/index.js';
import { expectedAttendees, type Meeting } from '../meetings/meeting.js';
import { OUTCOME_KINDS, URGENCIES } from '../meetings/outcome.js';
import type { SignInEntry } from '../meetings/sign-in.js';
import { fail, ok, type Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import type { MinutesItem } from './minutes.js';
import { minutesRejections as why } from './minutes-rejections.js';

/**
 * What the minutes are drafted from (N-1): the facts of an ended meeting. The minutes decider does
 * not read the meetings decider's state; the caller passes these, built with {@link meetingFacts}.
 */
export interface MeetingFacts {
  readonly meetingId: string;
  readonly kind: string;
  readonly topic: string;
  readonly chairId: string;
  readonly recorderId: string;
  readonly roomId?: string;
  /** The booked start and end: attendance is judged against them (M-6). */
  readonly start: Instant;
  readonly end: Instant;
  /** When the chair ended it: the minutes' due date counts from here (N-5). */
  readonly endedAt: Instant;
  /** Who was expected (invitees who did not delegate). */
  readonly expected: readonly string[];
  readonly informed: readonly string[];
  readonly agenda: readonly { readonly id: string; readonly title: string }[];
  readonly signIns: readonly SignInEntry[];
  /** Whose excuse the chair accepted (M-6). */
  readonly excused: readonly string[];
  /** The outcomes recorded in the meeting (M-8), as items of the minutes. */
  readonly outcomes: readonly MinutesItem[];
}

const people = listOf(id(), { max: 1000, unique: true });

/** The check of one item of the minutes, as typed by the recorder (owner and due may be open). */
export const minutesItemCheck = object({
  id: id(),
  agendaItemId: id(),
  kind: oneOf(OUTCOME_KINDS),
  text: text(),
  work: optional(
    object({
      ownerId: optional(id()),
      due: optional(instant()),
      urgency: optional(oneOf(URGENCIES)),
      collaborators: optional(listOf(id(), { max: 50, unique: true })),
    }),
  ),
});

/**
 * An item as stored: urgency `normal` and no collaborators unless said.
 *
 * @param i - the item as checked
 * @returns the item with its defaults
 * @example
 * normalItem({ id: 'd1', agendaItemId: 'i1', kind: 'action', text: '…', work: {} }).work // => { urgency: 'normal', collaborators: [] }
 */
export function normalItem(i: Checked<typeof minutesItemCheck>): MinutesItem {
  const { work, ...rest } = i;
  if (work === undefined) return rest;
  return {
    ...rest,
    work: { ...work, urgency: work.urgency ?? 'normal', collaborators: work.collaborators ?? [] },
  };
}

const factsShape = object({
  meetingId: id(),
  kind: id(),
  topic: text(200),
  chairId: id(),
  recorderId: id(),
  roomId: optional(id()),
  start: instant(),
  end: instant(),
  endedAt: instant(),
  expected: people,
  informed: people,
  agenda: listOf(object({ id: id(), title: text(200) }), { max: 100 }),
  signIns: listOf(object({ personId: id(), kind: oneOf(['in', 'out']), at: instant(), by: id() }), {
    max: 10_000,
  }),
  excused: people,
  outcomes: optional(listOf(minutesItemCheck, { max: 500 })),
});

/**
 * The check of meeting facts from outside: every field, and an outcome list defaulting to none.
 *
 * @param v - anything
 * @param path - where it sits
 * @returns the facts, or what was expected where
 * @example
 * checkMeetingFacts(meetingFacts(endedMeeting).value, 'meeting').ok // => true
 */
export const checkMeetingFacts: Check<MeetingFacts> = (v, path) => {
  const r = factsShape(v, path);
  if (!r.ok) return r;
  return { ok: true, value: { ...r.value, outcomes: (r.value.outcomes ?? []).map(normalItem) } };
};

/**
 * The facts of an ended meeting, for drafting its minutes (N-1).
 *
 * @param m - the meeting, from the meetings decider's state
 * @returns the facts, or an `N-1` rejection when the meeting has not ended
 * @example
 * meetingFacts(endedMeeting).ok // => true
 */
export function meetingFacts(m: Meeting): Result<MeetingFacts> {
  const { booking, chairId, recorderId, endedAt } = m;
  if (
    (m.status !== 'ended' && m.status !== 'closed') ||
    booking === undefined ||
    chairId === undefined ||
    recorderId === undefined ||
    endedAt === undefined
  )
    return fail(why.meetingNotEnded(m.id));
  return ok({
    meetingId: m.id,
    kind: m.kind,
    topic: m.topic,
    chairId,
    recorderId,
    roomId: booking.roomId,
    start: booking.start,
    end: booking.end,
    endedAt,
    expected: expectedAttendees(m),
    informed: [...m.informed],
    agenda: m.agenda.map((i) => ({ id: i.id, title: i.title })),
    signIns: [...m.signIns],
    excused: [...m.excused],
    outcomes: [...m.outcomes.values()].map((o) => ({
      id: o.id,
      agendaItemId: o.itemId,
      kind: o.kind,
      text: o.text,
      ...(o.work === undefined ? {} : { work: { ...o.work } }),
    })),
  });
}
