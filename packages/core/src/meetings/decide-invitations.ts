import type { PolicyLookup } from '../policy/policy-at.js';
import { fail } from '../rejection/index.js';
import { done, paramsFor, type Decision } from './decide-context.js';
import type { Meeting } from './meeting.js';
import type { AcceptExcuse, AnswerInvitation, ReviewInvitations } from './meeting-commands.js';
import type { MeetingEvent } from './meeting-events.js';
import { meetingRejections as why } from './meeting-rejections.js';
import type { MeetingState } from './meeting-state.js';
import { issueNotices } from './notice.js';

/**
 * Answers one's own invitation (M-3): accepted, tentative, declined (a reason required) or
 * delegated (to someone not yet invited, who becomes a participant and is invited). Answers may
 * change until the deadline, except a delegation, which is final.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `InvitationAnswered` (and the delegate's invitation), or a rejection
 * @example
 * answerInvitation({ type: 'AnswerInvitation', answer: 'accepted', actor: wang, … }, m1, policy) // => { ok: true, value: [{ type: 'InvitationAnswered', personId: 'wang', answer: 'accepted', … }] }
 */
export function answerInvitation(c: AnswerInvitation, m: Meeting, policy: PolicyLookup): Decision {
  const zone = paramsFor(policy, c.now, m).time.zone;
  if (c.answer === 'declined' && c.reason === undefined) return fail(why.reasonRequired());
  if (c.answer === 'delegated' && c.delegateTo === undefined) return fail(why.delegateRequired());
  if (c.answer !== 'delegated' && c.delegateTo !== undefined) return fail(why.delegateUnexpected());
  const inv = m.invitations.get(c.actor.id);
  if (!inv) return fail(why.notInvited(c.actor.id));
  if (inv.status === c.answer && inv.reason === c.reason && inv.delegatedTo === c.delegateTo)
    return done();
  if (m.status !== 'scheduled')
    return fail(why.wrongState('M-3', m.id, m.status, { 'zh-CN': '答复邀请', en: 'take answers' }));
  if (inv.delegatedTo !== undefined) return fail(why.alreadyDelegated(inv.delegatedTo));
  const deadline = m.answerDeadline as number;
  if (inv.status === 'no-response' || c.now > deadline)
    return fail(why.pastDeadline(deadline, zone));
  const to = c.delegateTo;
  if (to !== undefined && m.invitations.has(to)) return fail(why.delegateInvited(to));
  const events: MeetingEvent[] = [
    {
      type: 'InvitationAnswered',
      meetingId: m.id,
      personId: c.actor.id,
      answer: c.answer,
      ...(c.reason === undefined ? {} : { reason: c.reason }),
      ...(to === undefined ? {} : { delegatedTo: to }),
      at: c.now,
    },
  ];
  if (to !== undefined) {
    events.push(
      ...issueNotices(m.noticeCounts, m.id, 'invitation', [to], {
        ...(m.booking ?? {}),
        answerDeadline: deadline,
        delegatedFrom: c.actor.id,
      }),
    );
  }
  return done(events);
}

/** The lapses due in one meeting at `now`, each with its chase notice. */
function lapses(m: Meeting, now: number): MeetingEvent[] {
  const deadline = m.answerDeadline;
  if (m.status !== 'scheduled' || deadline === undefined || now <= deadline) return [];
  const open = [...m.invitations.values()].filter((i) => i.status === 'needs-action');
  const people = open.map((i) => i.personId);
  return [
    ...people.map((personId): MeetingEvent => ({
      type: 'InvitationLapsed',
      meetingId: m.id,
      personId,
      deadline,
      at: now,
    })),
    ...issueNotices(m.noticeCounts, m.id, 'chase', people, { answerDeadline: deadline }),
  ];
}

/**
 * Turns every open invitation past its deadline into *no response* and chases each such person
 * once (M-3), in one meeting or in all scheduled meetings. A lapsed invitation is never open
 * again, so a person is chased at most once and a repeated review changes nothing.
 *
 * @param c - the command
 * @param state - the meetings
 * @returns `InvitationLapsed` and a chase notice per open invitation past its deadline
 * @example
 * reviewInvitations({ type: 'ReviewInvitations', now: afterDeadline, … }, state) // => { ok: true, value: [{ type: 'InvitationLapsed', personId: 'li', … }, { type: 'NoticeIssued', notice: { kind: 'chase', to: { personId: 'li' }, … } }] }
 */
export function reviewInvitations(c: ReviewInvitations, state: MeetingState): Decision {
  if (c.meetingId !== undefined) {
    const m = state.meetings.get(c.meetingId);
    return m ? done(lapses(m, c.now)) : fail(why.unknownMeeting(c.meetingId));
  }
  return done([...state.meetings.values()].flatMap((m) => lapses(m, c.now)));
}

/**
 * Accepts a declining with a reason as an excuse (M-6): the chair only, before the start.
 *
 * @param c - the command
 * @param m - the meeting
 * @param policy - the policy lookup
 * @returns `ExcuseAccepted`, or a rejection
 * @example
 * acceptExcuse({ type: 'AcceptExcuse', actor: chair, personId: 'sun', … }, m1, policy) // => { ok: true, value: [{ type: 'ExcuseAccepted', personId: 'sun', … }] }
 */
export function acceptExcuse(c: AcceptExcuse, m: Meeting, policy: PolicyLookup): Decision {
  if (c.actor.id !== m.chairId)
    return fail(why.chairOnly('M-6', { 'zh-CN': '准假', en: 'accept excuses' }));
  if (m.excused.has(c.personId)) return done();
  const inv = m.invitations.get(c.personId);
  if (!inv) return fail(why.notInvited(c.personId));
  if (inv.status !== 'declined' || inv.reason === undefined)
    return fail(why.excuseNotDeclined(c.personId));
  const start = (m.booking as NonNullable<Meeting['booking']>).start;
  if (m.status !== 'scheduled' || c.now >= start)
    return fail(why.excuseTooLate(start, paramsFor(policy, c.now, m).time.zone));
  return done([
    { type: 'ExcuseAccepted', meetingId: m.id, personId: c.personId, by: c.actor.id, at: c.now },
  ]);
}
