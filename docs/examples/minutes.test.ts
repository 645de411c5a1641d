// The deciders guide: minutes drafted from the facts of an ended meeting, carried in the command
// (the minutes decider never reads the meetings decider's state), and the given/when/then helpers
// of @huiyi/core/testing.
import { expect, it } from 'vitest';
import { HOUR, MINUTE, toInstant, type Actor } from '@huiyi/core';
// #region meeting
import { createMeetingDecider, createMinutesDecider, meetingFacts } from '@huiyi/core';
import { givenFor, run } from '@huiyi/core/testing';

const meetings = createMeetingDecider();
// #endregion meeting

const start = toInstant({ year: 2026, month: 12, day: 2, hour: 9, minute: 0 }, 'Asia/Shanghai');
const person = (id: string): Actor => ({ id, roles: [] });
const [ma, chen, liu, zhou] = ['ma', 'chen', 'liu', 'zhou'].map(person) as [
  Actor,
  Actor,
  Actor,
  Actor,
];
const m1 = { meetingId: 'm1' };

// #region meeting-run
const { state, results } = run(meetings, [
  {
    ...m1,
    type: 'PlanMeeting',
    now: start - 2 * 24 * HOUR,
    actor: ma, // the organizer
    kind: 'weekly-review',
    topic: '售后周例会',
    goals: '回顾上周工作,安排本周重点',
    agenda: [{ id: 'i1', title: '客户投诉处理', presenterId: 'wang', timeboxMinutes: 30 }],
    chairId: 'chen',
    recorderId: 'liu',
    signInOfficerId: 'zhou',
    participants: ['wang', 'li'],
    booking: { roomId: 'A', bookingId: 'b1', start, end: start + HOUR },
  },
  { ...m1, type: 'ScheduleMeeting', now: start - 2 * 24 * HOUR, actor: ma },
  { ...m1, type: 'SignIn', now: start - 5 * MINUTE, actor: zhou, personId: 'wang' },
  { ...m1, type: 'StartMeeting', now: start, actor: chen },
  { ...m1, type: 'EndMeeting', now: start + HOUR, actor: chen },
]);
// #endregion meeting-run

it('M-2, M-4: the meeting is planned, scheduled, run and ended', () => {
  expect(results.every((r) => r.ok)).toBe(true);
  expect(state.meetings.get('m1')?.status).toBe('ended');
});

it('N-1: the minutes are drafted from the facts in the command', () => {
  // #region minutes
  const facts = meetingFacts(state.meetings.get('m1')!); // an N-1 rejection until it has ended
  if (!facts.ok) throw new Error(facts.rejection.message.en);
  const given = givenFor(createMinutesDecider());
  const drafted = given([]).when({
    ...m1,
    type: 'DraftMinutes',
    now: start + 2 * HOUR,
    actor: liu, // the recorder
    meeting: facts.value, // who was expected, who signed in when, the agenda, the outcomes
    notes: [{ agendaItemId: 'i1', text: '投诉率环比下降 8%' }],
  });
  expect(drafted).toMatchObject({ ok: true, value: [{ type: 'MinutesDrafted', meetingId: 'm1' }] });
  // #endregion minutes
});
