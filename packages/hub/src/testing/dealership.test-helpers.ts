// A dealership's state built by the hub's own decider, without a database: for the suites of the
// pure modules (the mutation run's suites), which read rows and redactions off a real state.
import type { DealershipEvent, DealershipState } from '@huiyi/core';
import { dealershipHubDecider } from '../dealership-rules.js';
import { admin, at, room, wang } from './fixtures.test-helpers.js';

const decider = dealershipHubDecider();

/** A state and the events of its last command. */
export interface Given {
  readonly state: DealershipState;
  readonly events: readonly DealershipEvent[];
}

/**
 * Parses, decides and folds commands in order, as the hub does; a refused command fails the test.
 *
 * @param commands - loose command records
 * @param from - the state to start from
 * @returns the state after them, and the events of the last one
 */
export function given(
  commands: readonly Record<string, unknown>[],
  from: DealershipState = decider.initialState,
): Given {
  let state = from;
  let events: readonly DealershipEvent[] = [];
  for (const c of commands) {
    const parsed = decider.parse(c);
    if (!parsed.ok) throw new Error(`${String(c['type'])}: ${parsed.rejection.message.en}`);
    const r = decider.decide(parsed.value, state);
    if (!r.ok) throw new Error(`${String(c['type'])}: ${r.rejection.message.en}`);
    events = r.value;
    state = decider.fold(state, events);
  }
  return { state, events };
}

export const NOW = at(8);

/** Rooms A (open) and B (suitable for confidential meetings), and four people. */
export const site = (): Record<string, unknown>[] => [
  { type: 'RegisterRoom', now: at(7), actor: admin, room: room('A') },
  { type: 'RegisterRoom', now: at(7), actor: admin, room: room('B', { confidential: true }) },
  ...['p-wang', 'p-li', 'p-chen', 'p-zhao'].map((id, i) => ({
    type: 'RegisterPerson',
    now: at(7),
    actor: admin,
    person: {
      id,
      name: `员工${i}`,
      department: '售后服务部',
      employeeNumber: `S00${i}`,
      roles: [],
    },
  })),
];

/** A meeting planned in a room, with its booking (confidential or not). */
export const planMeeting = (
  meetingId: string,
  roomId: string,
  confidential: boolean,
  hour = 14,
): Record<string, unknown>[] => [
  {
    type: 'RequestBooking',
    now: NOW,
    actor: wang,
    bookingId: `b-${meetingId}`,
    roomId,
    topic: '索赔审核',
    headcount: 4,
    start: at(hour),
    end: at(hour + 1),
    confidential,
  },
  {
    type: 'PlanMeeting',
    now: NOW,
    actor: wang,
    meetingId,
    kind: 'ad-hoc',
    topic: '索赔审核',
    goals: '审核三笔索赔',
    agenda: [{ id: 'i1', title: '索赔单 2026-118', presenterId: 'p-li', timeboxMinutes: 30 }],
    chairId: 'p-wang',
    recorderId: 'p-li',
    signInOfficerId: 'p-li',
    participants: ['p-chen'],
    booking: { roomId, bookingId: `b-${meetingId}`, start: at(hour), end: at(hour + 1) },
    confidential,
  },
];
