// The dealership guide (en and zh): a whole week of the after-sales department through the one
// dealership decider — rooms, people, a tariff, the weekly review booked as a series with a
// conflict, invitations, the meeting at the door, minutes, an action, a waiver, a policy revision.
import { expect, it } from 'vitest';
import { at, chen, leader, li, liu, ma, wang, zhou } from './weekly-review.js';

// #region glue
import {
  createDealershipDecider,
  type DealershipCommand,
  type DealershipEvent,
  type Rejection,
} from '@huiyi/core';

const dealership = createDealershipDecider(); // judged by the policy folded into its own state
let state = dealership.initialState;
const log: { stream: string; event: DealershipEvent }[] = []; // your table: one row an event

/** Decides one command of any context, keeps its events in their streams, moves the state on. */
function tell(command: DealershipCommand): readonly DealershipEvent[] | Rejection {
  const result = dealership.decide(command, state);
  if (!result.ok) return result.rejection; // nothing changed; show result.rejection.message
  for (const event of result.value) log.push({ stream: dealership.streamOf(event), event });
  state = dealership.fold(state, result.value);
  return result.value;
}
// #endregion glue

/** The events of a command that must be accepted. */
function accepted(command: DealershipCommand): readonly DealershipEvent[] {
  const r = tell(command);
  if ('kind' in r) throw new Error(`${command.type}: ${r.message.en}`);
  return r;
}

const admin = { id: 'admin', roles: ['room-admin' as const] };

it('S-1: a week of the dealership through one decider', () => {
  // #region monday
  // Monday 30 November: the room admin sets up room A, the people and the tariff.
  const monday = at(1, 8) - 24 * 60 * 60_000;
  accepted({
    type: 'RegisterRoom',
    now: monday,
    actor: admin,
    room: {
      id: 'A',
      name: '一号会议室',
      capacity: 12,
      equipment: [{ id: 'A-proj', kind: 'projector' }],
      openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
      confidential: false,
      needsApproval: false,
      walkUp: true,
    },
  });
  for (const [id, name] of [
    ['ma', '马经理'],
    ['chen', '陈主任'],
    ['li', '李四'],
  ] as const)
    accepted({
      type: 'RegisterPerson',
      now: monday,
      actor: admin,
      person: { id, name, department: '售后服务部', employeeNumber: `S-${id}`, roles: [] },
    });
  accepted({
    type: 'SetTariff',
    now: monday,
    actor: admin,
    roomId: 'A',
    effectiveFrom: monday,
    baseFenPerHour: 6000,
    energyFenPerHour: 1000,
    cleaningFenPerBooking: 500,
  });
  // Someone already holds room A on 16 December: the series books what fits and says what not.
  accepted({
    type: 'RequestBooking',
    now: monday,
    actor: li,
    bookingId: 'training',
    roomId: 'A',
    topic: '新车型培训',
    headcount: 10,
    start: at(16, 9),
    end: at(16, 11),
  });
  const series = accepted({
    type: 'RequestSeries',
    now: monday,
    actor: ma,
    seriesId: 'weekly',
    roomId: 'A',
    series: {
      rule: { freq: 'weekly', interval: 1, byWeekday: [3] }, // Wednesdays, 09:00
      start: { year: 2026, month: 12, day: 2, hour: 9, minute: 0 },
      zone: 'Asia/Shanghai',
    },
    durationMinutes: 60,
    topic: '售后周例会',
    headcount: 8,
    equipment: ['projector'],
    mode: 'book-what-fits',
  });
  const summary = series.at(-1);
  expect(summary?.type === 'SeriesBooked' && summary.skipped[0]).toMatchObject({
    bookingId: 'weekly@2026-12-16', // occurrence ids are <seriesId>@<its date>
    code: 'booking.room-busy',
    alternatives: {
      slots: [
        { start: at(16, 8), end: at(16, 9) }, // the nearest free hours that day, as for one booking
        { start: at(16, 11), end: at(16, 12) },
      ],
    },
  });
  // #endregion monday

  // #region meeting
  // The weekly review of Wednesday 2 December: planned, scheduled, invitations answered.
  const booking = { roomId: 'A', bookingId: 'weekly@2026-12-02', start: at(2, 9), end: at(2, 10) };
  const m1 = { meetingId: 'm1' };
  accepted({
    type: 'PlanMeeting',
    now: monday,
    actor: ma,
    ...m1,
    kind: 'weekly-review',
    topic: '售后周例会',
    goals: '回顾上周投诉,安排本周回访',
    agenda: [{ id: 'i1', title: '客户投诉处理', presenterId: 'li', timeboxMinutes: 45 }],
    chairId: 'chen',
    recorderId: 'liu',
    signInOfficerId: 'zhou',
    participants: ['wang', 'li'],
    booking,
  });
  accepted({ type: 'ScheduleMeeting', now: monday, actor: ma, ...m1 });
  accepted({ type: 'AnswerInvitation', now: monday, actor: wang, ...m1, answer: 'accepted' });
  // Wednesday at the door: check-in, the equipment checklist, sign-ins, the meeting itself.
  accepted({
    type: 'CheckIn',
    now: at(2, 8, 55),
    actor: ma,
    roomId: 'A',
    bookingId: booking.bookingId,
  });
  accepted({
    type: 'CompleteChecklist',
    now: at(2, 8, 56),
    actor: ma,
    roomId: 'A',
    bookingId: booking.bookingId,
    answers: [{ equipmentId: 'A-proj', result: 'ok' }],
  });
  for (const person of ['chen', 'liu', 'zhou', 'wang', 'li'])
    accepted({ type: 'SignIn', now: at(2, 8, 58), actor: zhou, ...m1, personId: person });
  accepted({ type: 'StartMeeting', now: at(2, 9), actor: chen, ...m1 });
  accepted({
    type: 'RecordOutcome',
    now: at(2, 9, 40),
    actor: chen,
    ...m1,
    outcomeId: 'o1',
    itemId: 'i1',
    kind: 'decision',
    text: '投诉 48 小时内回访',
    work: { ownerId: 'li', due: at(9, 18), urgency: 'urgent' },
  });
  accepted({ type: 'EndMeeting', now: at(2, 9, 50), actor: chen, ...m1 });
  // Ending the meeting does not end its booking: the organizer ends it early, then powers off.
  accepted({
    type: 'EndEarly',
    now: at(2, 9, 50),
    actor: ma,
    roomId: 'A',
    bookingId: booking.bookingId,
  });
  accepted({
    type: 'ConfirmPowerOff',
    now: at(2, 9, 52),
    actor: ma,
    roomId: 'A',
    bookingId: booking.bookingId,
  });
  // #endregion meeting

  // #region minutes
  // The minutes, from the meeting's facts in the state; published, they open the action.
  const facts = meetingFacts(state.meetings.meetings.get('m1')!);
  if (!facts.ok) throw new Error(facts.rejection.message.en);
  accepted({ type: 'DraftMinutes', now: at(2, 11), actor: liu, ...m1, meeting: facts.value });
  accepted({ type: 'SubmitMinutes', now: at(2, 12), actor: liu, ...m1 });
  accepted({ type: 'ApproveMinutes', now: at(2, 13), actor: chen, ...m1 });
  accepted({ type: 'PublishMinutes', now: at(2, 14), actor: chen, ...m1 });
  const open = openActionsCommand(state.minutes.minutes.get('m1')!, chen, at(2, 14), {
    supervisors: { o1: 'ma' }, // a supervisor besides the chair, per item (F-3)
  });
  if (!open.ok) throw new Error(open.rejection.message.en);
  accepted(open.value);
  accepted({ type: 'StartAction', now: at(3, 9), actor: li, actionId: 'm1:o1' });
  // #endregion minutes

  // #region money-and-policy
  // Thursday: a waiver for the meeting's charge, and a revision of the policy that takes effect.
  accepted({
    type: 'RequestWaiver',
    now: at(3, 10),
    actor: ma,
    waiverId: 'w1',
    roomId: 'A',
    bookingId: booking.bookingId,
    department: '售后服务部',
    reason: '部门例会',
  });
  accepted({ type: 'GrantWaiver', now: at(3, 11), actor: admin, waiverId: 'w1' });
  accepted({
    type: 'ProposePolicyRevision',
    revisionId: 'r1',
    effectiveFrom: at(4, 0),
    summary: '预订间隔 10 分钟',
    patch: { rooms: { bufferMinutes: 10 } },
    now: at(3, 12),
    actor: ma,
  });
  accepted({ type: 'ApprovePolicyRevision', revisionId: 'r1', now: at(3, 13), actor: leader });
  accepted({ type: 'AnnouncePolicyRevision', revisionId: 'r1', now: at(3, 14), actor: leader });
  // Friday: the buffer is in force, read from the dealership's own state.
  const tooClose = tell({
    type: 'RequestBooking',
    now: at(4, 9),
    actor: li,
    bookingId: 'b-fri',
    roomId: 'A',
    topic: '客户回访',
    headcount: 2,
    start: at(16, 11, 5),
    end: at(16, 12),
  });
  expect(tooClose).toMatchObject({ kind: 'rejection', code: 'booking.room-busy' });
  // #endregion money-and-policy

  expect(new Set(log.map((row) => row.stream.split(':')[0]))).toEqual(
    new Set(['room', 'person', 'meeting', 'minutes', 'action', 'waiver', 'policy']),
  );
  expect(state.actions.actions.get('m1:o1')?.status).toBe('in-progress');
  expect(state.fees.waivers.get('w1')?.status).toBe('granted');
});

import { meetingFacts, openActionsCommand } from '@huiyi/core';
