import type { Instant } from '../time/instant.js';
import type { Invitation } from './invitation.js';
import { PLAN_KEYS, type ItemRun, type Meeting, type MeetingPlan } from './meeting.js';
import type { MeetingEvent } from './meeting-events.js';
import { noticeCountKey } from './notice.js';
import type { Outcome } from './outcome.js';
import { isSignedIn, type SignInEntry } from './sign-in.js';

/** A signed version of the confidentiality agreement. */
export interface SignedAgreement {
  readonly version: number;
  /** Where the drawn signature is kept. */
  readonly signatureRef: string;
  readonly by: string;
  readonly at: Instant;
  readonly meetingId?: string;
}

/** Every meeting, and the confidentiality agreements people have signed. */
export interface MeetingState {
  readonly meetings: ReadonlyMap<string, Meeting>;
  /** Per person, the versions signed, oldest first. */
  readonly agreements: ReadonlyMap<string, readonly SignedAgreement[]>;
}

/** No meetings, no agreements. */
export const initialMeetingState: MeetingState = { meetings: new Map(), agreements: new Map() };

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A meeting being changed in place during a fold. */
interface Draft extends Writable<
  Omit<Meeting, 'invitations' | 'excused' | 'signIns' | 'agendaRun' | 'outcomes' | 'noticeCounts'>
> {
  invitations: Map<string, Invitation>;
  excused: Set<string>;
  signIns: SignInEntry[];
  agendaRun: Map<string, ItemRun>;
  outcomes: Map<string, Outcome>;
  noticeCounts: Map<string, number>;
}

const draftOf = (m: Meeting): Draft => ({
  ...m,
  invitations: new Map(m.invitations),
  excused: new Set(m.excused),
  signIns: [...m.signIns],
  agendaRun: new Map(m.agendaRun),
  outcomes: new Map(m.outcomes),
  noticeCounts: new Map(m.noticeCounts),
});

function newDraft(id: string, plan: MeetingPlan, by: string, at: Instant): Draft {
  return {
    ...plan,
    id,
    status: 'draft',
    organizerId: by,
    plannedAt: at,
    invitations: new Map(),
    excused: new Set(),
    signIns: [],
    agendaRun: new Map(),
    outcomes: new Map(),
    noticeCounts: new Map(),
  };
}

function setPlan(d: Draft, plan: MeetingPlan): void {
  const w = d as unknown as Record<string, unknown>;
  for (const k of PLAN_KEYS) delete w[k];
  Object.assign(d, plan);
}

function invite(d: Draft, personId: string, at: Instant, from?: string): void {
  d.invitations.set(personId, {
    personId,
    status: 'needs-action',
    invitedAt: at,
    ...(from === undefined ? {} : { delegatedFrom: from }),
  });
}

function updateInvitation(d: Draft, personId: string, change: (i: Invitation) => Invitation): void {
  const i = d.invitations.get(personId);
  if (i) d.invitations.set(personId, change(i));
}

function endItem(d: Draft, itemId: string, at: Instant, finished: boolean, overrun: number): void {
  const run = d.agendaRun.get(itemId);
  if (run) d.agendaRun.set(itemId, { ...run, endedAt: at, finished, overrun });
}

/** Applies one event to a writable meeting; the decider guarantees the event fits the state. */
function apply(d: Draft, e: Exclude<MeetingEvent, { type: 'MeetingPlanned' }>): void {
  switch (e.type) {
    case 'MeetingEdited':
      setPlan(d, e.plan);
      return;
    case 'MeetingScheduled':
      d.status = 'scheduled';
      d.answerDeadline = e.answerDeadline;
      for (const p of e.invitees) invite(d, p, e.at);
      return;
    case 'MeetingRescheduled':
      d.booking = e.booking;
      d.answerDeadline = e.answerDeadline;
      return;
    case 'MeetingCancelled':
      d.status = 'cancelled';
      d.cancelledAt = e.at;
      if (e.reason !== undefined) d.cancelReason = e.reason;
      return;
    case 'InvitationAnswered': {
      const { answer, reason, delegatedTo } = e;
      updateInvitation(d, e.personId, ({ personId, invitedAt, delegatedFrom }) => ({
        personId,
        invitedAt,
        ...(delegatedFrom === undefined ? {} : { delegatedFrom }),
        status: answer,
        answeredAt: e.at,
        ...(reason === undefined ? {} : { reason }),
        ...(delegatedTo === undefined ? {} : { delegatedTo }),
      }));
      if (answer !== 'declined') d.excused.delete(e.personId);
      if (delegatedTo !== undefined) {
        d.participants = [...d.participants, delegatedTo];
        invite(d, delegatedTo, e.at, e.personId);
      }
      return;
    }
    case 'InvitationLapsed':
      updateInvitation(d, e.personId, (i) => ({ ...i, status: 'no-response' }));
      return;
    case 'ExcuseAccepted':
      d.excused.add(e.personId);
      return;
    case 'MeetingStarted':
      d.status = 'in-progress';
      d.startedAt = e.at;
      return;
    case 'AgendaItemStarted':
      d.agendaRun.set(e.itemId, { startedAt: e.at });
      return;
    case 'AgendaItemEnded':
      endItem(d, e.itemId, e.at, e.finished, e.overrun);
      return;
    case 'ItemsCarriedOver':
      d.agenda = [...d.agenda, ...e.items];
      return;
    case 'SignedIn':
    case 'SignedOut':
      // A repeat (a second door signed the same person in against a stale state) changes nothing:
      // the first arrival, or departure, stands.
      if (isSignedIn(d.signIns, e.personId) === (e.type === 'SignedIn')) return;
      d.signIns.push({
        personId: e.personId,
        kind: e.type === 'SignedIn' ? 'in' : 'out',
        at: e.at,
        by: e.by,
      });
      return;
    case 'OutcomeRecorded':
      d.outcomes.set(e.outcome.id, e.outcome);
      return;
    case 'MeetingEnded':
      d.status = 'ended';
      d.endedAt = e.at;
      return;
    case 'MeetingClosed':
      d.status = 'closed';
      d.closedAt = e.at;
      return;
    case 'NoticeIssued': {
      const key = noticeCountKey(e.notice);
      d.noticeCounts.set(key, (d.noticeCounts.get(key) ?? 0) + 1);
      return;
    }
    case 'ConfidentialityAgreementSigned':
      return; // kept beside the meetings, not in one
    default: {
      // An event this version does not know (a later one's): left as it is, never thrown.
      const never: never = e;
      return never;
    }
  }
}

/**
 * Folds many events into the state at once: each touched meeting is copied once, so a meeting's
 * whole log folds in linear time. Events for an unknown meeting are ignored.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldMeetingEvents(initialMeetingState, [{ type: 'MeetingPlanned', meetingId: 'm1', plan, by: 'li', at }]).meetings.get('m1')?.status // => 'draft'
 */
export function foldMeetingEvents(
  state: MeetingState,
  events: Iterable<MeetingEvent>,
): MeetingState {
  const drafts = new Map<string, Draft>();
  let agreements: Map<string, readonly SignedAgreement[]> | undefined;
  for (const e of events) {
    // The log may hold anything (an older version, an import, a bug): what cannot be read is passed over.
    if (typeof e !== 'object' || e === null) continue;
    if (e.type === 'ConfidentialityAgreementSigned') {
      agreements ??= new Map(state.agreements);
      const { personId, version, signatureRef, by, at, meetingId } = e;
      const signed = { version, signatureRef, by, at, ...(meetingId ? { meetingId } : {}) };
      agreements.set(personId, [...(agreements.get(personId) ?? []), signed]);
      continue;
    }
    if (typeof e.meetingId !== 'string') continue;
    let d = drafts.get(e.meetingId);
    if (d === undefined) {
      const existing = state.meetings.get(e.meetingId);
      if (existing) d = draftOf(existing);
      else if (e.type === 'MeetingPlanned') d = newDraft(e.meetingId, e.plan, e.by, e.at);
      else continue;
      drafts.set(e.meetingId, d);
      if (e.type === 'MeetingPlanned') continue;
    }
    if (e.type === 'MeetingPlanned') setPlan(d, e.plan);
    else apply(d, e);
  }
  if (drafts.size === 0 && agreements === undefined) return state;
  const meetings = new Map(state.meetings);
  for (const [id, d] of drafts) meetings.set(id, d);
  return { meetings, agreements: agreements ?? state.agreements };
}

/**
 * Applies one event (DESIGN: `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event the decider produced
 * @returns the next state
 * @example
 * evolveMeetings(initialMeetingState, planned).meetings.size // => 1
 */
export function evolveMeetings(state: MeetingState, event: MeetingEvent): MeetingState {
  return foldMeetingEvents(state, [event]);
}
