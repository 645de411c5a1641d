import { emptyIntervalRejection } from '../time/interval.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { deepEqual } from '../policy/records.js';
import { fail, ok, type Result } from '../rejection/index.js';
import { workingDeadline, type WorkingCalendar } from '../time/working-calendar.js';
import type { Instant } from '../time/instant.js';
import type { MeetingFacts } from './meeting-facts.js';
import { latestVersion, type Minutes, type MinutesVersion } from './minutes.js';
import type {
  ApproveMinutes,
  DraftMinutes,
  EditMinutes,
  ReturnMinutes,
  SubmitMinutes,
} from './minutes-commands.js';
import { buildContent, factsScope } from './minutes-content.js';
import type { MinutesEvent } from './minutes-events.js';
import { minutesRejections as why } from './minutes-rejections.js';
import type { MinutesState } from './minutes-state.js';

/** What deciding a minutes command gives: events, or a rejection. */
export type MinutesDecision = Result<MinutesEvent[]>;

/**
 * A decision with these events (none: the command changes nothing).
 *
 * @param events - the events
 * @returns the successful decision
 * @example
 * done() // => { ok: true, value: [] }
 */
export const done = (events: MinutesEvent[] = []): MinutesDecision => ok(events);

/**
 * When a meeting's minutes are due (N-5): the end of working hours on the
 * `dueWithinWorkingDays`-th working day after the meeting ended, by the policy in force then.
 *
 * @param facts - the meeting's facts
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns the due instant
 * @example
 * minutesDue(factsEndingFriday17h, () => DEFAULT_PARAMETERS, cal) // => Monday 18:00
 */
export function minutesDue(
  facts: MeetingFacts,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): Instant {
  const n = policy(facts.endedAt, factsScope(facts)).minutes.dueWithinWorkingDays;
  return workingDeadline(calendar, facts.endedAt, n);
}

/**
 * The facts a command brings, checked against its meeting id and for a sane interval.
 *
 * @param meetingId - the command's meeting
 * @param facts - the facts it carries
 * @returns a rejection, or undefined when they fit
 * @example
 * factsProblem('m1', factsOfM2) // => { ok: false, rejection: { code: 'minutes.facts-mismatch', … } }
 */
export function factsProblem(meetingId: string, facts: MeetingFacts): MinutesDecision | undefined {
  if (facts.meetingId !== meetingId) return fail(why.factsMismatch(meetingId, facts.meetingId));
  if (facts.end <= facts.start) return fail(emptyIntervalRejection(facts.start, facts.end));
  return undefined;
}

const draftWhat = { 'zh-CN': '起草或修改纪要', en: 'draft or change the minutes' };

/**
 * Drafts version 1 (N-1): the recorder of the meeting the facts describe, with attendance from its
 * sign-in log. The same draft again changes nothing; another one is refused.
 *
 * @param c - the command
 * @param state - every meeting's minutes
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns `MinutesDrafted`, or a rejection
 * @example
 * draftMinutes({ type: 'DraftMinutes', meeting: facts, actor: recorder, … }, state, policy, cal) // => { ok: true, value: [{ type: 'MinutesDrafted', due, content: { attendance, … }, … }] }
 */
export function draftMinutes(
  c: DraftMinutes,
  state: MinutesState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): MinutesDecision {
  const facts = c.meeting;
  const bad = factsProblem(c.meetingId, facts);
  if (bad) return bad;
  if (c.actor.id !== facts.recorderId) return fail(why.recorderOnly('N-1', draftWhat));
  const graces = policy(facts.endedAt, factsScope(facts)).meetings;
  const content = buildContent(facts, c, undefined, graces);
  if (!content.ok) return content;
  const existing = state.minutes.get(c.meetingId);
  const first = existing?.versions[0];
  if (existing && first) {
    return deepEqual(existing.facts, facts) && deepEqual(first.content, content.value)
      ? done()
      : fail(why.exists(c.meetingId));
  }
  return done([
    {
      type: 'MinutesDrafted',
      meetingId: c.meetingId,
      facts,
      due: existing?.due ?? minutesDue(facts, policy, calendar),
      content: content.value,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * The version worked on, for a command of the recorder or the chair.
 *
 * @param m - the minutes
 * @returns the newest version, or a rejection before the first draft
 * @example
 * working(minutes) // => { ok: true, value: { version: 1, status: 'draft', … } }
 */
export function working(m: Minutes): Result<MinutesVersion> {
  const v = latestVersion(m);
  return v ? ok(v) : fail(why.unknownMinutes(m.meetingId));
}

/**
 * Changes the notes, items or summary of a draft or returned version (N-1): the recorder only.
 *
 * @param c - the command
 * @param m - the minutes
 * @param policy - the policy lookup
 * @returns `MinutesEdited`, nothing when nothing changes, or a rejection
 * @example
 * editMinutes({ type: 'EditMinutes', summary: '总结', … }, minutes, policy) // => { ok: true, value: [{ type: 'MinutesEdited', version: 1, … }] }
 */
export function editMinutes(c: EditMinutes, m: Minutes, policy: PolicyLookup): MinutesDecision {
  if (c.actor.id !== m.facts.recorderId) return fail(why.recorderOnly('N-1', draftWhat));
  const v = working(m);
  if (!v.ok) return v;
  const graces = policy(m.facts.endedAt, factsScope(m.facts)).meetings;
  const content = buildContent(m.facts, c, v.value.content, graces);
  if (!content.ok) return content;
  if (deepEqual(content.value, v.value.content)) return done();
  if (v.value.status !== 'draft' && v.value.status !== 'returned')
    return fail(
      why.wrongStatus('N-4', v.value.version, v.value.status, { 'zh-CN': '修改', en: 'change' }),
    );
  return done([
    {
      type: 'MinutesEdited',
      meetingId: m.meetingId,
      version: v.value.version,
      content: content.value,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * Submits the version for approval (N-2): the recorder only; refused while an item that asks for
 * work lacks an owner or a due date.
 *
 * @param c - the command
 * @param m - the minutes
 * @returns `MinutesSubmitted`, or a rejection
 * @example
 * submitMinutes({ type: 'SubmitMinutes', actor: recorder, … }, minutes) // => { ok: true, value: [{ type: 'MinutesSubmitted', version: 1, … }] }
 */
export function submitMinutes(c: SubmitMinutes, m: Minutes): MinutesDecision {
  if (c.actor.id !== m.facts.recorderId)
    return fail(why.recorderOnly('N-2', { 'zh-CN': '提交纪要', en: 'submit the minutes' }));
  const v = working(m);
  if (!v.ok) return v;
  const { version, status, content } = v.value;
  if (status === 'submitted') return done();
  if (status !== 'draft' && status !== 'returned')
    return fail(why.wrongStatus('N-2', version, status, { 'zh-CN': '提交', en: 'be submitted' }));
  for (const i of content.items) {
    if (i.work && i.work.ownerId === undefined) return fail(why.withoutOwner(i.id));
    if (i.work && i.work.due === undefined) return fail(why.withoutDue(i.id));
  }
  return done([
    { type: 'MinutesSubmitted', meetingId: m.meetingId, version, by: c.actor.id, at: c.now },
  ]);
}

/**
 * Returns or approves the submitted version (N-2): the chair only.
 *
 * @param c - the command
 * @param m - the minutes
 * @returns `MinutesReturned` or `MinutesApproved`, or a rejection
 * @example
 * reviewByChair({ type: 'ApproveMinutes', actor: chair, … }, minutes) // => { ok: true, value: [{ type: 'MinutesApproved', version: 1, … }] }
 */
export function reviewByChair(c: ReturnMinutes | ApproveMinutes, m: Minutes): MinutesDecision {
  const approving = c.type === 'ApproveMinutes';
  if (c.actor.id !== m.facts.chairId)
    return fail(why.chairOnly({ 'zh-CN': '审批纪要', en: 'approve or return the minutes' }));
  const v = working(m);
  if (!v.ok) return v;
  const { version, status } = v.value;
  if (status === (approving ? 'approved' : 'returned')) return done();
  if (status !== 'submitted')
    return fail(
      why.wrongStatus('N-2', version, status, {
        'zh-CN': approving ? '批准' : '退回',
        en: approving ? 'be approved' : 'be returned',
      }),
    );
  const base = { meetingId: m.meetingId, version, by: c.actor.id, at: c.now };
  return done([
    c.type === 'ApproveMinutes'
      ? { type: 'MinutesApproved', ...base }
      : { type: 'MinutesReturned', ...base, comments: c.comments },
  ]);
}
