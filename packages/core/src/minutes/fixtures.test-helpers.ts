// Shared fixtures for the minutes tests: the minutes of the weekly review run through in the
// meetings fixtures (Wednesday 2 December 2026, 09:00–10:00, ended at 10:00).
import type { Actor } from '../people/actor.js';
import { untyped } from '../testing/untyped.js';
import type { Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import { history, ranThrough } from '../meetings/fixtures.test-helpers.js';
import { meetingFacts, type MeetingFacts } from './meeting-facts.js';
import { createMinutesDecider } from './minutes-decider.js';
import type { MinutesEvent } from './minutes-events.js';
import { foldMinutesEvents, type MinutesState } from './minutes-state.js';

export * from '../meetings/fixtures.test-helpers.js';

const facts = meetingFacts(history(...ranThrough()).state.meetings.get('m1')!);
if (!facts.ok) throw new Error(facts.rejection.message.en);
/** The facts of m1, run through. */
export const FACTS: MeetingFacts = facts.value;

export const minutesDecider = untyped(createMinutesDecider());

export const mcmd = (
  type: string,
  actor: Actor,
  now: Instant,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({ type, now, actor, meetingId: 'm1', ...over });

/** The recorder's draft of m1's minutes, with a note on i1. */
export const draft = (
  now: Instant,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'DraftMinutes',
  now,
  actor: { id: 'liu', roles: [] },
  meetingId: 'm1',
  meeting: FACTS,
  notes: [{ agendaItemId: 'i1', text: '上周回访完成率 92%' }],
  ...over,
});

/** The events of an accepted decision; a rejection fails the test with its message. */
export function mevents(r: Result<readonly MinutesEvent[]>): readonly MinutesEvent[] {
  if (!r.ok) throw new Error(`expected events, got ${r.rejection.code}: ${r.rejection.message.en}`);
  return r.value;
}

/** The log left by running minutes commands one after another, each of which must be accepted. */
export function minutesHistory(...commands: Record<string, unknown>[]): {
  log: MinutesEvent[];
  state: MinutesState;
} {
  const log: MinutesEvent[] = [];
  let state = minutesDecider.initialState;
  for (const c of commands) {
    const es = mevents(minutesDecider.decide(c, state));
    log.push(...es);
    state = foldMinutesEvents(state, es);
  }
  return { log, state };
}
