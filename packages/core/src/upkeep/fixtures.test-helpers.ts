// Shared fixtures for the upkeep tests: the rooms' site, a training room with two projectors, and
// a log played through both deciders, as the kiosk would append it.
import { createBookingDecider } from '../rooms/booking-decider.js';
import { untyped } from '../testing/untyped.js';
import { createDealershipDecider, initialDealershipState } from '../dealership/index.js';
import type { Room } from '../rooms/room.js';
import { roomA, site } from '../rooms/fixtures.test-helpers.js';
import type { Result } from '../rejection/index.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { createUpkeepDecider } from './upkeep-decider.js';
import type { UpkeepLogEvent } from './upkeep-events.js';
import { foldUpkeepEvents, initialUpkeepState, type UpkeepState } from './upkeep-state.js';

export * from '../rooms/fixtures.test-helpers.js';

export const roomD: Room = {
  ...roomA,
  id: 'D',
  name: '培训室',
  capacity: 30,
  equipment: [
    { id: 'D-proj1', kind: 'projector', label: '左投影仪' },
    { id: 'D-proj2', kind: 'projector', label: '右投影仪' },
    { id: 'D-mic', kind: 'microphone' },
  ],
};

export const siteLog: UpkeepLogEvent[] = [
  ...site,
  { type: 'RoomRegistered', roomId: 'D', room: roomD },
];

export const upkeep = untyped(createUpkeepDecider());
/** `given(log).when(command)`: the upkeep decision after a log of both contexts' events. */
export const given = givenWhenThen<unknown, UpkeepState, UpkeepLogEvent>(upkeep);
export const rooms = untyped(createBookingDecider());

const dealership = untyped(createDealershipDecider());

/**
 * Decides a command as the dealership decider does, which routes it to its context's decider: a
 * booking command to the rooms decider, the rest (faults and repairs included) to upkeep.
 */
export function decideAny(
  command: Record<string, unknown>,
  state: UpkeepState,
): Result<readonly UpkeepLogEvent[]> {
  return dealership.decide(command, { ...initialDealershipState, ...state }) as Result<
    readonly UpkeepLogEvent[]
  >;
}

/** The log after some commands, each of which must be accepted. */
export function play(log: readonly UpkeepLogEvent[], ...commands: Record<string, unknown>[]) {
  let out = [...log];
  for (const c of commands) {
    const r = decideAny(c, foldUpkeepEvents(initialUpkeepState, out));
    if (!r.ok) throw new Error(`${String(c['type'])} refused: ${r.rejection.message.en}`);
    out = [...out, ...r.value];
  }
  return out;
}

/** The rejection of a decision, checking it speaks both languages. */
export function rejectionOf<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  if (!r.rejection.message['zh-CN'] || !r.rejection.message.en) throw new Error('message missing');
  return r.rejection;
}

/** The events of a decision. */
export function eventsOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected events, got ${r.rejection.code}: ${r.rejection.message.en}`);
  return r.value;
}
