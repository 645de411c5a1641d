import type { PolicyLookup } from '../policy/policy-at.js';
import { deepEqual } from '../policy/records.js';
import { fail } from '../rejection/index.js';
import { unfinishedItems } from './agenda-report.js';
import {
  answerDeadline,
  done,
  isOrganizerOrChair,
  paramsFor,
  type Decision,
} from './decide-context.js';
import { planOf, attendeesOf, type AgendaItem, type Meeting, type MeetingPlan } from './meeting.js';
import type {
  CancelMeeting,
  CarryOverItems,
  EditMeeting,
  PlanMeeting,
  RescheduleMeeting,
  ScheduleMeeting,
} from './meeting-commands.js';
import { meetingRejections as why } from './meeting-rejections.js';
import type { MeetingState } from './meeting-state.js';
import { issueNotices } from './notice.js';
import { readinessProblems } from './readiness.js';

const changeWhat = {
  'zh-CN': '修改、安排或取消会议',
  en: 'change, schedule or cancel the meeting',
};

/** The plan fields of a command: all but `type`, `now`, `actor` and `meetingId`. */
function planFields<C extends PlanMeeting | EditMeeting>(
  c: C,
): Omit<C, 'type' | 'now' | 'actor' | 'meetingId'> {
  const out: Record<string, unknown> = { ...c };
  for (const k of ['type', 'now', 'actor', 'meetingId']) delete out[k];
  return out as Omit<C, 'type' | 'now' | 'actor' | 'meetingId'>;
}

/** The problems a draft may not have even before it is ready: a bad interval, repeated item ids. */
function draftProblem(plan: MeetingPlan): Decision | undefined {
  const first = readinessProblems(plan).find(
    (r) => r.code === 'interval.empty' || r.code === 'meeting.agenda-duplicate-item',
  );
  return first === undefined ? undefined : fail(first);
}

/**
 * Plans a draft (M-2); the actor becomes its organizer. The same plan again changes nothing.
 *
 * @param c - the command
 * @param state - the meetings
 * @returns `MeetingPlanned`, or a rejection
 * @example
 * planMeeting({ type: 'PlanMeeting', meetingId: 'm1', kind: 'ad-hoc', topic: '临时会', … }, state) // => { ok: true, value: [{ type: 'MeetingPlanned', meetingId: 'm1', … }] }
 */
export function planMeeting(c: PlanMeeting, state: MeetingState): Decision {
  const { now, actor, meetingId } = c;
  const plan: MeetingPlan = {
    agenda: [],
    participants: [],
    informed: [],
    confidential: false,
    ...planFields(c),
  };
  const existing = state.meetings.get(meetingId);
  if (existing) {
    return existing.organizerId === actor.id && deepEqual(planOf(existing), plan)
      ? done()
      : fail(why.duplicateId(meetingId));
  }
  return (
    draftProblem(plan) ?? done([{ type: 'MeetingPlanned', meetingId, plan, by: actor.id, at: now }])
  );
}

/**
 * Changes a draft's plan: the fields present replace the old ones (M-2).
 *
 * @param c - the command
 * @param m - the meeting
 * @returns `MeetingEdited`, nothing when nothing changes, or a rejection
 * @example
 * editMeeting({ type: 'EditMeeting', goals: '目标', … }, draft) // => { ok: true, value: [{ type: 'MeetingEdited', plan: { goals: '目标', … }, … }] }
 */
export function editMeeting(c: EditMeeting, m: Meeting): Decision {
  if (!isOrganizerOrChair(c.actor, m)) return fail(why.organizerOrChairOnly(changeWhat));
  const { now, actor, meetingId } = c;
  const plan: MeetingPlan = { ...planOf(m), ...planFields(c) };
  if (deepEqual(plan, planOf(m))) return done();
  if (m.status !== 'draft')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '修改', en: 'be edited' }));
  return (
    draftProblem(plan) ?? done([{ type: 'MeetingEdited', meetingId, plan, by: actor.id, at: now }])
  );
}

/**
 * Schedules a draft when M-2 holds, inviting every attendee with an answer deadline (M-3).
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `MeetingScheduled` and an invitation notice per attendee, or the first problem
 * @example
 * scheduleMeeting({ type: 'ScheduleMeeting', meetingId: 'm1', … }, readyDraft, policy) // => { ok: true, value: [{ type: 'MeetingScheduled', … }, { type: 'NoticeIssued', … }, …] }
 */
export function scheduleMeeting(c: ScheduleMeeting, m: Meeting, policy: PolicyLookup): Decision {
  if (!isOrganizerOrChair(c.actor, m)) return fail(why.organizerOrChairOnly(changeWhat));
  if (m.status === 'scheduled') return done();
  if (m.status !== 'draft')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '安排', en: 'be scheduled' }));
  const problem = readinessProblems(m)[0];
  if (problem) return fail(problem);
  const booking = m.booking as NonNullable<Meeting['booking']>;
  const params = paramsFor(policy, c.now, m);
  if (booking.start <= c.now) return fail(why.inPast(booking.start, params.time.zone));
  const deadline = answerDeadline(booking.start, c.now, params);
  const invitees = attendeesOf(m);
  return done([
    {
      type: 'MeetingScheduled',
      meetingId: m.id,
      invitees,
      answerDeadline: deadline,
      by: c.actor.id,
      at: c.now,
    },
    ...issueNotices(m.noticeCounts, m.id, 'invitation', invitees, {
      ...booking,
      answerDeadline: deadline,
    }),
  ]);
}

/**
 * Moves a scheduled meeting to another time or room (M-4): every invitee is told; answers are
 * kept and the answer deadline moves with the start.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `MeetingRescheduled` and a notice per invitee, or a rejection
 * @example
 * rescheduleMeeting({ type: 'RescheduleMeeting', booking: moved, … }, m1, policy) // => { ok: true, value: [{ type: 'MeetingRescheduled', … }, { type: 'NoticeIssued', notice: { kind: 'rescheduled', … } }, …] }
 */
export function rescheduleMeeting(
  c: RescheduleMeeting,
  m: Meeting,
  policy: PolicyLookup,
): Decision {
  if (!isOrganizerOrChair(c.actor, m)) return fail(why.organizerOrChairOnly(changeWhat));
  if (deepEqual(c.booking, m.booking)) return done();
  if (m.status !== 'scheduled')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '改期', en: 'be rescheduled' }));
  const moved: MeetingPlan = { ...planOf(m), booking: c.booking };
  const problem = readinessProblems(moved)[0];
  if (problem) return fail(problem);
  const params = paramsFor(policy, c.now, moved);
  if (c.booking.start <= c.now) return fail(why.inPast(c.booking.start, params.time.zone));
  const previous = m.booking as NonNullable<Meeting['booking']>;
  const deadline = answerDeadline(c.booking.start, c.now, params);
  return done([
    {
      type: 'MeetingRescheduled',
      meetingId: m.id,
      booking: c.booking,
      previous,
      answerDeadline: deadline,
      by: c.actor.id,
      at: c.now,
    },
    ...issueNotices(m.noticeCounts, m.id, 'rescheduled', m.invitations.keys(), {
      ...c.booking,
      previous,
      answerDeadline: deadline,
    }),
  ]);
}

/**
 * Cancels a draft or a scheduled meeting (M-4); every invitee is told.
 *
 * @param c - the command
 * @param m - the meeting
 * @returns `MeetingCancelled` and a notice per invitee, or a rejection
 * @example
 * cancelMeeting({ type: 'CancelMeeting', meetingId: 'm1', … }, m1) // => { ok: true, value: [{ type: 'MeetingCancelled', … }, { type: 'NoticeIssued', notice: { kind: 'cancelled', … } }, …] }
 */
export function cancelMeeting(c: CancelMeeting, m: Meeting): Decision {
  if (!isOrganizerOrChair(c.actor, m)) return fail(why.organizerOrChairOnly(changeWhat));
  if (m.status === 'cancelled') return done();
  if (m.status !== 'draft' && m.status !== 'scheduled')
    return fail(why.wrongState('M-4', m.id, m.status, { 'zh-CN': '取消', en: 'be cancelled' }));
  const reason = c.reason === undefined ? {} : { reason: c.reason };
  return done([
    { type: 'MeetingCancelled', meetingId: m.id, by: c.actor.id, at: c.now, ...reason },
    ...issueNotices(m.noticeCounts, m.id, 'cancelled', m.invitations.keys(), {
      ...(m.booking ?? {}),
      ...reason,
    }),
  ]);
}

/**
 * Carries the unfinished items of an ended occurrence into a later draft of the same regular
 * series (M-7). Each item keeps where it came from; an id already on the agenda gets
 * `@<fromMeetingId>` appended. Carrying from the same meeting twice changes nothing.
 *
 * @param c - the command
 * @param target - the draft receiving the items
 * @param state - the meetings
 * @returns `ItemsCarriedOver`, nothing when there is nothing (more) to carry, or a rejection
 * @example
 * carryOverItems({ type: 'CarryOverItems', meetingId: 'm2', fromMeetingId: 'm1', … }, m2, state) // => { ok: true, value: [{ type: 'ItemsCarriedOver', items: [{ id: 'i3', carriedFrom: { meetingId: 'm1', itemId: 'i3' }, … }], … }] }
 */
export function carryOverItems(c: CarryOverItems, target: Meeting, state: MeetingState): Decision {
  if (!isOrganizerOrChair(c.actor, target)) return fail(why.organizerOrChairOnly(changeWhat));
  const source = state.meetings.get(c.fromMeetingId);
  if (!source) return fail(why.unknownMeeting(c.fromMeetingId));
  if (target.agenda.some((i) => i.carriedFrom?.meetingId === source.id)) return done();
  if (target.status !== 'draft')
    return fail(
      why.wrongState('M-7', target.id, target.status, { 'zh-CN': '结转议题', en: 'take items' }),
    );
  if (
    target.seriesId === undefined ||
    target.seriesId !== source.seriesId ||
    target.id === source.id
  )
    return fail(why.carryNotSameSeries());
  if (source.status !== 'ended' && source.status !== 'closed')
    return fail(why.carrySourceNotEnded(source.id));
  if (target.booking && source.booking && target.booking.start <= source.booking.start)
    return fail(why.carryNotLater(source.id));
  const taken = new Set(target.agenda.map((i) => i.id));
  const items: AgendaItem[] = unfinishedItems(source).map(
    ({ id, title, presenterId, timeboxMinutes }) => ({
      id: taken.has(id) ? `${id}@${source.id}` : id,
      title,
      presenterId,
      timeboxMinutes,
      carriedFrom: { meetingId: source.id, itemId: id },
    }),
  );
  if (items.length === 0) return done();
  return done([
    {
      type: 'ItemsCarriedOver',
      meetingId: target.id,
      fromMeetingId: source.id,
      items,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}
