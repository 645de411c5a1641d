import { deepEqual } from '../policy/records.js';
import type { Instant } from '../time/instant.js';
import type { Invitation } from './invitation.js';
import {
  anomalyOf,
  isReadableMeetingEvent,
  unreadable,
  type MeetingAnomaly,
  type MeetingAnomalyKind,
} from './meeting-anomalies.js';
import {
  PLAN_KEYS,
  planOf,
  type ItemRun,
  type Meeting,
  type MeetingPlan,
  type MeetingStatus,
} from './meeting.js';
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
  /**
   * The events of the log the fold kept without applying, and why, in log order (a sign-in at a
   * cancelled meeting, a meeting started twice, an event for a meeting never planned …); absent
   * when there are none.
   */
  readonly anomalies?: readonly MeetingAnomaly[];
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

/** The statuses a meeting takes sign-ins and sign-outs in (M-5); an ended one, only those before its end. */
const TAKES_SIGN_INS: ReadonlySet<MeetingStatus> = new Set(['scheduled', 'in-progress']);

/**
 * Why an event does not fit the meeting as the log left it (`undefined`: it fits). The decider
 * never writes such an event against the state it read; two doors, two tabs or a late sync can.
 */
function misfit(
  d: Draft,
  e: Exclude<MeetingEvent, { type: 'MeetingPlanned' | 'ConfidentialityAgreementSigned' }>,
): MeetingAnomalyKind | undefined {
  const is = (...statuses: MeetingStatus[]) => statuses.includes(d.status);
  /** A move of M-4: from `from`, a repeat once in `to`, out of turn otherwise. */
  const move = (to: MeetingStatus, ...from: MeetingStatus[]) =>
    is(...from) ? undefined : d.status === to ? 'repeat' : 'out-of-turn';
  switch (e.type) {
    case 'MeetingEdited':
    case 'ItemsCarriedOver':
      return is('draft') ? undefined : 'out-of-turn';
    case 'MeetingScheduled':
      return move('scheduled', 'draft');
    case 'MeetingRescheduled':
      return is('scheduled') ? undefined : 'out-of-turn';
    case 'MeetingCancelled':
      return move('cancelled', 'draft', 'scheduled');
    case 'MeetingStarted':
      return move('in-progress', 'scheduled');
    case 'MeetingEnded':
      return move('ended', 'in-progress');
    case 'MeetingClosed':
      return move('closed', 'ended');
    case 'InvitationAnswered':
    case 'InvitationLapsed':
    case 'ExcuseAccepted':
      return d.invitations.has(e.personId) ? undefined : 'out-of-turn';
    case 'AgendaItemStarted':
      if (d.agendaRun.has(e.itemId)) return 'repeat';
      return is('in-progress') && d.agenda.some((i) => i.id === e.itemId)
        ? undefined
        : 'out-of-turn';
    case 'AgendaItemEnded': {
      const run = d.agendaRun.get(e.itemId);
      if (run?.endedAt !== undefined) return 'repeat';
      return run && is('in-progress') ? undefined : 'out-of-turn';
    }
    case 'OutcomeRecorded':
      if (d.outcomes.has(e.outcome.id)) return 'repeat';
      return is('in-progress', 'ended') ? undefined : 'out-of-turn';
    case 'SignedIn': {
      const inTime =
        TAKES_SIGN_INS.has(d.status) || (is('ended', 'closed') && e.at <= (d.endedAt ?? -Infinity));
      if (!inTime) return 'out-of-turn';
      return isSignedIn(d.signIns, e.personId) ? 'repeat' : undefined;
    }
    case 'SignedOut':
      if (is('draft', 'cancelled')) return 'out-of-turn';
      if (isSignedIn(d.signIns, e.personId)) return undefined;
      // Out again: a repeat; out without ever arriving: a contradiction.
      return d.signIns.some((x) => x.personId === e.personId) ? 'repeat' : 'out-of-turn';
    default:
      // A notice: counted whenever it was issued.
      return undefined;
  }
}

/** Applies one event to a writable meeting; {@link misfit} said it fits. */
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
 * whole log folds in linear time. Total over whatever a log holds: an event it cannot read, an
 * event for a meeting never planned, one that contradicts what the log said before (M-4, M-5) and
 * one that repeats it are each kept as a {@link MeetingAnomaly} and change nothing else; the first
 * word stands. It never throws.
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
  let anomalies: MeetingAnomaly[] | undefined;
  const note = (a: MeetingAnomaly) => (anomalies ??= [...(state.anomalies ?? [])]).push(a);
  for (const e of events) {
    // The log may hold anything (an older version, an import, a bug): kept, never thrown.
    if (!isReadableMeetingEvent(e)) {
      note(unreadable(e));
      continue;
    }
    if (e.type === 'ConfidentialityAgreementSigned') {
      agreements ??= new Map(state.agreements);
      const { personId, version, signatureRef, by, at, meetingId } = e;
      const signed = agreements.get(personId) ?? [];
      if (signed.some((a) => a.version === version)) {
        note(anomalyOf('repeat', e));
        continue;
      }
      agreements.set(personId, [
        ...signed,
        { version, signatureRef, by, at, ...(meetingId ? { meetingId } : {}) },
      ]);
      continue;
    }
    let d = drafts.get(e.meetingId);
    if (d === undefined) {
      const existing = state.meetings.get(e.meetingId);
      if (existing) d = draftOf(existing);
      else if (e.type === 'MeetingPlanned') d = newDraft(e.meetingId, e.plan, e.by, e.at);
      else {
        note(anomalyOf('unknown-meeting', e));
        continue;
      }
      drafts.set(e.meetingId, d);
      if (e.type === 'MeetingPlanned' && !existing) continue;
    }
    if (e.type === 'MeetingPlanned') {
      // Planned again: the same plan is a repeat; another one does not replace the first.
      note(anomalyOf(deepEqual(planOf(d), e.plan) ? 'repeat' : 'planned-again', e, d.status));
      continue;
    }
    const wrong = misfit(d, e);
    if (wrong) note(anomalyOf(wrong, e, d.status));
    else apply(d, e);
  }
  if (drafts.size === 0 && agreements === undefined && anomalies === undefined) return state;
  const meetings = new Map(state.meetings);
  for (const [id, d] of drafts) meetings.set(id, d);
  const kept = anomalies ?? state.anomalies;
  return {
    meetings,
    agreements: agreements ?? state.agreements,
    ...(kept && kept.length > 0 ? { anomalies: kept } : {}),
  };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
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
