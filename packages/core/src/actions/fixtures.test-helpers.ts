// Shared fixtures for the actions tests: the minutes of the weekly review of Wednesday 2 December
// 2026 (see the meetings fixtures), published that day at 14:00, with decision o1: li is to call
// back every complaint within 48 hours, with wang, due Wednesday 9 December at 18:00, urgent.
import type { Actor } from '../people/actor.js';
import { untyped } from '../testing/untyped.js';
import type { Decider } from '../decider/decider.js';
import type { Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import type { Minutes } from '../minutes/minutes.js';
import {
  at,
  chen,
  draft,
  END,
  HOUR,
  liu,
  mcmd,
  minutesHistory,
} from '../minutes/fixtures.test-helpers.js';
import { createActionDecider } from './action-decider.js';
import type { ActionEvent } from './action-events.js';
import { foldActionEvents, type ActionState } from './action-state.js';
import { openActionsCommand, type OpenActionsOptions } from './from-minutes.js';

export * from '../minutes/fixtures.test-helpers.js';

/** Wednesday 2 December, 11:00: an hour after the meeting ended. */
export const T = END + HOUR;
/** The minutes were published at 14:00 that day. */
export const PUBLISHED_AT = T + 3 * HOUR;
/** o1 is due on Wednesday 9 December at 18:00. */
export const DUE = at(9, 18);
/** F-1: two working days after publication: Friday 4 December, 18:00. */
export const START_DUE = at(4, 18);
export const A1 = 'm1:o1';

/** Someone of leadership (the meetings fixtures' `boss` holds no role). */
export const leader: Actor = { id: 'leader', roles: ['leadership'] };

/** The minutes of m1, published, with the given items (default: the meeting's outcomes). */
export function publishedMinutes(items?: readonly Record<string, unknown>[]): Minutes {
  const m = minutesHistory(
    draft(T, items === undefined ? {} : { items }),
    mcmd('SubmitMinutes', liu, T + HOUR),
    mcmd('ApproveMinutes', chen, T + 2 * HOUR),
    mcmd('PublishMinutes', chen, PUBLISHED_AT),
  ).state.minutes.get('m1');
  if (!m) throw new Error('no minutes');
  return m;
}

/** The opening command for published minutes. */
export function openFrom(
  minutes: Minutes,
  now: Instant = PUBLISHED_AT,
  options: OpenActionsOptions = {},
): Record<string, unknown> {
  const c = openActionsCommand(minutes, chen, now, options);
  if (!c.ok) throw new Error(c.rejection.message.en);
  return c.value as unknown as Record<string, unknown>;
}

export const actionDecider = untyped(createActionDecider());

/** An action command about `m1:o1` unless said otherwise. */
export const acmd = (
  type: string,
  actor: Actor,
  now: Instant,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({ type, now, actor, actionId: A1, ...over });

/** The events of an accepted decision; a rejection fails the test with its message. */
export function aevents(r: Result<readonly ActionEvent[]>): readonly ActionEvent[] {
  if (!r.ok) throw new Error(`expected events, got ${r.rejection.code}: ${r.rejection.message.en}`);
  return r.value;
}

/** The log left by running action commands one after another, each of which must be accepted. */
export function actionHistory(
  decider: Decider<unknown, ActionState, ActionEvent>,
  ...commands: Record<string, unknown>[]
): { log: ActionEvent[]; state: ActionState } {
  const log: ActionEvent[] = [];
  let state = decider.initialState;
  for (const c of commands) {
    const es = aevents(decider.decide(c, state));
    log.push(...es);
    state = foldActionEvents(state, es);
  }
  return { log, state };
}
