import { absentees } from '../meetings/attendance.js';
import { issueNotices } from '../meetings/notice.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { deepEqual } from '../policy/records.js';
import { fail } from '../rejection/index.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import { done, factsProblem, minutesDue, working, type MinutesDecision } from './decide-minutes.js';
import { recipientsOf, type Minutes, type MinutesContent } from './minutes.js';
import type {
  AcknowledgeMinutes,
  AmendMinutes,
  PublishMinutes,
  ReviewMinutes,
} from './minutes-commands.js';
import { buildContent, factsScope } from './minutes-content.js';
import { minutesRejections as why } from './minutes-rejections.js';
import type { MinutesState } from './minutes-state.js';

/** The items that ask for work, each with its owner, due date and urgency (N-3). */
function workItems(content: MinutesContent): Record<string, unknown>[] {
  return content.items.flatMap((i) =>
    i.work
      ? [
          {
            id: i.id,
            text: i.text,
            ownerId: i.work.ownerId,
            due: i.work.due,
            urgency: i.work.urgency,
            collaborators: i.work.collaborators,
          },
        ]
      : [],
  );
}

/**
 * Publishes the approved version (N-3): the chair or the recorder. Every participant and informed
 * person gets one `minutes-published` notice listing each item's owner, due date and urgency; each
 * absentee (excused or not) gets a separate `absentee` notice. Version 1 published after its due
 * date is marked late (N-5).
 *
 * @param c - the command
 * @param m - the minutes
 * @returns `MinutesPublished` and the notices, or a rejection
 * @example
 * publishMinutes({ type: 'PublishMinutes', actor: chair, … }, approved) // => { ok: true, value: [{ type: 'MinutesPublished', version: 1, late: false, … }, { type: 'NoticeIssued', … }, …] }
 */
export function publishMinutes(c: PublishMinutes, m: Minutes): MinutesDecision {
  if (c.actor.id !== m.facts.chairId && c.actor.id !== m.facts.recorderId)
    return fail(why.chairOrRecorderOnly());
  const v = working(m);
  if (!v.ok) return v;
  const { version, status, content } = v.value;
  if (status === 'published') return done();
  if (status !== 'approved')
    return fail(why.wrongStatus('N-2', version, status, { 'zh-CN': '发布', en: 'be published' }));
  const absent = absentees(content.attendance);
  return done([
    {
      type: 'MinutesPublished',
      meetingId: m.meetingId,
      version,
      late: version === 1 && c.now > m.due,
      by: c.actor.id,
      at: c.now,
    },
    ...issueNotices(m.noticeCounts, m.meetingId, 'minutes-published', recipientsOf(m.facts), {
      version,
      topic: m.facts.topic,
      items: workItems(content),
    }),
    ...issueNotices(
      m.noticeCounts,
      m.meetingId,
      'absentee',
      absent.map((p) => p.personId),
      (to) => ({
        version,
        topic: m.facts.topic,
        status: absent.find((p) => p.personId === to)?.status,
      }),
    ),
  ]);
}

/**
 * Records that the actor read a published version (N-3): a recipient, the chair or the recorder.
 *
 * @param c - the command
 * @param m - the minutes
 * @returns `MinutesRead`, nothing when already read, or a rejection
 * @example
 * acknowledgeMinutes({ type: 'AcknowledgeMinutes', version: 1, actor: boss, … }, minutes) // => { ok: true, value: [{ type: 'MinutesRead', personId: 'boss', … }] }
 */
export function acknowledgeMinutes(c: AcknowledgeMinutes, m: Minutes): MinutesDecision {
  const v = m.versions.find((x) => x.version === c.version && x.status === 'published');
  if (!v) return fail(why.versionNotPublished(c.version));
  const who = c.actor.id;
  if (!recipientsOf(m.facts).includes(who) && who !== m.facts.chairId && who !== m.facts.recorderId)
    return fail(why.notARecipient(who));
  if (m.receipts.get(c.version)?.has(who)) return done();
  return done([
    { type: 'MinutesRead', meetingId: m.meetingId, version: c.version, personId: who, at: c.now },
  ]);
}

/**
 * Starts an amendment (N-4): a new version drafted from the newest published one, with a reason;
 * it is submitted, approved and published like the first. Published versions never change.
 *
 * @param c - the command
 * @param m - the minutes
 * @param policy - the policy lookup
 * @returns `MinutesAmended`, or a rejection
 * @example
 * amendMinutes({ type: 'AmendMinutes', reason: '更正', … }, published, policy) // => { ok: true, value: [{ type: 'MinutesAmended', version: 2, … }] }
 */
export function amendMinutes(c: AmendMinutes, m: Minutes, policy: PolicyLookup): MinutesDecision {
  if (c.actor.id !== m.facts.recorderId)
    return fail(why.recorderOnly('N-4', { 'zh-CN': '修订纪要', en: 'amend the minutes' }));
  const v = working(m);
  if (!v.ok) return v;
  const graces = policy(m.facts.endedAt, factsScope(m.facts)).meetings;
  const content = buildContent(m.facts, c, v.value.content, graces);
  if (!content.ok) return content;
  if (v.value.status !== 'published') {
    const repeated =
      v.value.amendmentReason === c.reason && deepEqual(v.value.content, content.value);
    return repeated ? done() : fail(why.amendmentOpen(v.value.version));
  }
  return done([
    {
      type: 'MinutesAmended',
      meetingId: m.meetingId,
      version: v.value.version + 1,
      reason: c.reason,
      content: content.value,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * Flags minutes not published by their due date (N-5), once, with a reminder to the recorder.
 * Minutes never drafted are known from the `meeting` facts the command brings.
 *
 * @param c - the command
 * @param state - every meeting's minutes
 * @param policy - the policy lookup
 * @param calendar - the site's working calendar
 * @returns `MinutesFlaggedLate` and a reminder, nothing when on time or already flagged, or a rejection
 * @example
 * reviewMinutes({ type: 'ReviewMinutes', now: afterDue, … }, state, policy, cal) // => { ok: true, value: [{ type: 'MinutesFlaggedLate', … }, { type: 'NoticeIssued', notice: { kind: 'reminder', … } }] }
 */
export function reviewMinutes(
  c: ReviewMinutes,
  state: MinutesState,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): MinutesDecision {
  const m = state.minutes.get(c.meetingId);
  if (m) {
    if (m.lateFlaggedAt !== undefined || m.versions.some((v) => v.status === 'published'))
      return done();
    if (c.now <= m.due) return done();
    return done([
      { type: 'MinutesFlaggedLate', meetingId: m.meetingId, due: m.due, at: c.now },
      ...issueNotices(m.noticeCounts, m.meetingId, 'reminder', [m.facts.recorderId], {
        due: m.due,
      }),
    ]);
  }
  const facts = c.meeting;
  if (!facts) return fail(why.unknownMinutes(c.meetingId));
  const bad = factsProblem(c.meetingId, facts);
  if (bad) return bad;
  const due = minutesDue(facts, policy, calendar);
  if (c.now <= due) return done();
  return done([
    { type: 'MinutesFlaggedLate', meetingId: c.meetingId, due, at: c.now, facts },
    ...issueNotices(new Map(), c.meetingId, 'reminder', [facts.recorderId], { due }),
  ]);
}
