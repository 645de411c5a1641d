// Shared fixtures for the meetings and minutes tests: a weekly review on Wednesday 2 December 2026,
// 09:00–10:00 in Asia/Shanghai, planned on Monday 30 November at 08:00.
import type { Actor } from '../people/actor.js';
import { untyped } from '../testing/untyped.js';
import type { Result } from '../rejection/index.js';
import { DAY, HOUR, MINUTE, type Instant } from '../time/instant.js';
import { toInstant } from '../time/zone.js';
import { createMeetingDecider } from './meeting-decider.js';
import type { MeetingEvent } from './meeting-events.js';
import { foldMeetingEvents, type MeetingState } from './meeting-state.js';

export { DAY, HOUR, MINUTE };

/** An instant on the wall in Shanghai, December 2026 by default (1 December is a Tuesday). */
export const at = (day: number, hour: number, minute = 0, month = 12): Instant =>
  toInstant({ year: 2026, month, day, hour, minute }, 'Asia/Shanghai');

export const PLANNED = at(30, 8, 0, 11);
export const START = at(2, 9);
export const END = at(2, 10);

const person = (id: string): Actor => ({ id, roles: [] });
export const ma = person('ma'); // organizer
export const chen = person('chen'); // chair
export const liu = person('liu'); // recorder
export const zhou = person('zhou'); // sign-in officer
export const wang = person('wang');
export const li = person('li');
export const zhao = person('zhao');
export const sun = person('sun');
export const boss = person('boss'); // informed
export const stranger = person('nobody');

export const booking = { roomId: 'A', bookingId: 'b1', start: START, end: END };

export const agenda = [
  { id: 'i1', title: '上周工作回顾', presenterId: 'wang', timeboxMinutes: 20 },
  { id: 'i2', title: '客户投诉处理', presenterId: 'li', timeboxMinutes: 20 },
  { id: 'i3', title: '备件库存', presenterId: 'zhao', timeboxMinutes: 15 },
];

/** A complete plan (M-2): ready to schedule. */
export const plan = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'PlanMeeting',
  now: PLANNED,
  actor: ma,
  meetingId: 'm1',
  kind: 'weekly-review',
  topic: '售后周例会',
  goals: '回顾上周工作,安排本周重点',
  agenda,
  chairId: 'chen',
  recorderId: 'liu',
  signInOfficerId: 'zhou',
  participants: ['wang', 'li', 'zhao', 'sun'],
  informed: ['boss'],
  booking,
  seriesId: 'weekly',
  occurrenceDate: '2026-12-02',
  ...over,
});

/** Everyone invited when m1 is scheduled, in order. */
export const INVITEES = ['chen', 'liu', 'zhou', 'wang', 'li', 'zhao', 'sun'];

export const cmd = (
  type: string,
  actor: Actor,
  now: Instant,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({ type, now, actor, meetingId: 'm1', ...over });

export const decider = untyped(createMeetingDecider());

/** The events of an accepted decision; a rejection fails the test with its message. */
export function events(r: Result<readonly MeetingEvent[]>): readonly MeetingEvent[] {
  if (!r.ok) throw new Error(`expected events, got ${r.rejection.code}: ${r.rejection.message.en}`);
  return r.value;
}

/** The log left by running commands one after another, each of which must be accepted. */
export function history(...commands: Record<string, unknown>[]): {
  log: MeetingEvent[];
  state: MeetingState;
} {
  const log: MeetingEvent[] = [];
  let state = decider.initialState;
  for (const c of commands) {
    const es = events(decider.decide(c, state));
    log.push(...es);
    state = foldMeetingEvents(state, es);
  }
  return { log, state };
}

/** m1 scheduled on Monday at 08:00. */
export const scheduled = (): Record<string, unknown>[] => [
  plan(),
  cmd('ScheduleMeeting', ma, PLANNED),
];

/**
 * m1 run through: scheduled; sun declines and is excused; the others sign in (zhao five minutes
 * late, li signed in by the officer); the chair runs i1 and i2 (i2 over by 5 min), records a
 * decision with work, i3 never starts; wang leaves early; the chair ends it at 10:00.
 */
export const ranThrough = (): Record<string, unknown>[] => [
  ...scheduled(),
  cmd('AnswerInvitation', sun, PLANNED + HOUR, { answer: 'declined', reason: '出差' }),
  cmd('AcceptExcuse', chen, PLANNED + 2 * HOUR, { personId: 'sun' }),
  ...['chen', 'liu', 'zhou', 'wang'].map((p) => cmd('SignIn', person(p), START - 5 * MINUTE)),
  cmd('SignIn', zhou, START - 2 * MINUTE, { personId: 'li' }),
  cmd('StartMeeting', chen, START),
  cmd('StartAgendaItem', chen, START, { itemId: 'i1' }),
  cmd('SignIn', zhao, START + 5 * MINUTE),
  cmd('EndAgendaItem', chen, START + 20 * MINUTE, { itemId: 'i1' }),
  cmd('StartAgendaItem', chen, START + 20 * MINUTE, { itemId: 'i2' }),
  cmd('RecordOutcome', liu, START + 30 * MINUTE, {
    outcomeId: 'o1',
    itemId: 'i2',
    kind: 'decision',
    text: '投诉 48 小时内回访',
    work: { ownerId: 'li', due: at(9, 18), urgency: 'urgent', collaborators: ['wang'] },
  }),
  cmd('EndAgendaItem', chen, START + 45 * MINUTE, { itemId: 'i2' }),
  cmd('SignOut', wang, START + 50 * MINUTE),
  cmd('EndMeeting', chen, END),
];
