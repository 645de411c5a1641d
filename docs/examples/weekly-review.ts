// Shared by the follow-through and reports examples (not a test, and shown on no page): the weekly
// review of Wednesday 2 December 2026, 09:00–10:00 in room A, run through the meetings decider —
// li comes in late, and the chair records a decision that asks for work — and its minutes drafted,
// approved and published that afternoon through the minutes decider, as on the deciders guide.
import {
  HOUR,
  MINUTE,
  createMeetingDecider,
  createMinutesDecider,
  meetingFacts,
  toInstant,
  type Actor,
  type Minutes,
  type Result,
} from '@huiyi/core';
import { run, untyped } from '@huiyi/core/testing';

/** A wall-clock time in Shanghai, December 2026 (1 December is a Tuesday). */
export const at = (day: number, hour: number, minute = 0): number =>
  toInstant({ year: 2026, month: 12, day, hour, minute }, 'Asia/Shanghai');

const person = (id: string): Actor => ({ id, roles: [] });
export const ma = person('ma'); // the organizer
export const chen = person('chen'); // the chair
export const liu = person('liu'); // the recorder
export const zhou = person('zhou'); // the sign-in officer
export const wang = person('wang');
export const li = person('li');
export const leader: Actor = { id: 'boss', roles: ['leadership'] };

/** The people's names, as the directory has them. */
export const NAMES: Readonly<Record<string, string>> = {
  ma: '马经理',
  chen: '陈主任',
  liu: '刘秘书',
  zhou: '周专员',
  wang: '王五',
  li: '李四',
};

/** Monday 30 November, 08:00: when the meeting was planned and scheduled. */
export const PLANNED = toInstant(
  { year: 2026, month: 11, day: 30, hour: 8, minute: 0 },
  'Asia/Shanghai',
);
export const START = at(2, 9);
export const END = at(2, 10);
/** The minutes were published at 14:00 on the day of the meeting. */
export const PUBLISHED_AT = at(2, 14);
/** The decision's due date: Wednesday 9 December, 18:00. */
export const DUE = at(9, 18);

const m1 = { meetingId: 'm1' };
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.rejection.message.en);
  return r.value;
};
const accepted = <R extends { results: readonly { ok: boolean }[] }>(r: R): R => {
  const refused = r.results.find((x) => !x.ok);
  if (refused) throw new Error(JSON.stringify(refused));
  return r;
};

/** The meeting, planned on Monday, held on Wednesday. */
export const meetings = accepted(
  run(untyped(createMeetingDecider()), [
    {
      ...m1,
      type: 'PlanMeeting',
      now: PLANNED,
      actor: ma,
      kind: 'weekly-review',
      topic: '售后周例会',
      goals: '回顾上周工作,安排本周重点',
      agenda: [{ id: 'i1', title: '客户投诉处理', presenterId: 'li', timeboxMinutes: 45 }],
      chairId: 'chen',
      recorderId: 'liu',
      signInOfficerId: 'zhou',
      participants: ['wang', 'li'],
      booking: { roomId: 'A', bookingId: 'b1', start: START, end: END },
    },
    { ...m1, type: 'ScheduleMeeting', now: PLANNED, actor: ma },
    ...['chen', 'liu', 'zhou', 'wang'].map((personId) => ({
      ...m1,
      type: 'SignIn',
      now: START - 5 * MINUTE,
      actor: zhou,
      personId,
    })),
    { ...m1, type: 'StartMeeting', now: START, actor: chen },
    { ...m1, type: 'SignIn', now: START + 7 * MINUTE, actor: zhou, personId: 'li' },
    {
      ...m1,
      type: 'RecordOutcome',
      now: START + 40 * MINUTE,
      actor: chen,
      outcomeId: 'o1',
      itemId: 'i1',
      kind: 'decision',
      text: '投诉 48 小时内回访',
      work: { ownerId: 'li', due: DUE, urgency: 'urgent', collaborators: ['wang'] },
    },
    { ...m1, type: 'EndMeeting', now: END, actor: chen },
  ]),
);

/** Its minutes: drafted from the meeting's facts, submitted, approved by the chair, published. */
export const minutes = accepted(
  run(untyped(createMinutesDecider()), [
    {
      ...m1,
      type: 'DraftMinutes',
      now: END + HOUR,
      actor: liu,
      meeting: unwrap(meetingFacts(meetings.state.meetings.get('m1')!)),
      notes: [{ agendaItemId: 'i1', text: '上周投诉 12 起,已回访 9 起' }],
    },
    { ...m1, type: 'SubmitMinutes', now: END + 2 * HOUR, actor: liu },
    { ...m1, type: 'ApproveMinutes', now: END + 3 * HOUR, actor: chen },
    { ...m1, type: 'PublishMinutes', now: PUBLISHED_AT, actor: chen },
  ]),
);

/** The published minutes of m1, as the minutes decider's state holds them. */
export const published: Minutes = minutes.state.minutes.get('m1')!;
