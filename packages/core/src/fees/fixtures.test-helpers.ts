// Shared fixtures for the fees tests: the rooms' site with tariffs, and a log played through the
// rooms decider and the fees decider, as a system of record would append it.
import type { Result } from '../rejection/index.js';
import { untyped } from '../testing/untyped.js';
import { givenFor } from '../testing/given.js';
import { createDealershipDecider, initialDealershipState } from '../dealership/index.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import { admin, at, site } from '../rooms/fixtures.test-helpers.js';
import { createFeeDecider } from './fee-decider.js';
import type { FeeLogEvent } from './fee-events.js';
import { foldFeeEvents, initialFeeState, type FeeState } from './fee-state.js';

export * from '../rooms/fixtures.test-helpers.js';

export const fees = untyped(createFeeDecider());
/** `given(log).when(command)`: the fees decision after a log of both contexts' events. */
export const given = givenFor<unknown, FeeState, FeeLogEvent>(fees);
export const rooms = untyped(createBookingDecider());

/** Room A: 60 yuan an hour, 10 for energy, 5 for the projector, 2 for the screen, 5 to clean. */
export const tariffA = {
  type: 'SetTariff',
  now: at(7),
  actor: admin,
  roomId: 'A',
  effectiveFrom: at(7),
  baseFenPerHour: 6000,
  energyFenPerHour: 1000,
  wearFenPerHour: { projector: 500, screen: 200 },
  cleaningFenPerBooking: 500,
};

const dealership = untyped(createDealershipDecider());

/**
 * Decides a command as the dealership decider does, which routes it to its context's decider: a
 * booking command to the rooms decider, a fees command to the fees decider.
 */
export function decideAny(
  command: Record<string, unknown>,
  state: FeeState,
): Result<readonly FeeLogEvent[]> {
  const { rooms, ...fees } = state;
  return dealership.decide(command, { ...initialDealershipState, rooms, fees }) as Result<
    readonly FeeLogEvent[]
  >;
}

/** The log after some commands, each of which must be accepted. */
export function play(log: readonly FeeLogEvent[], ...commands: Record<string, unknown>[]) {
  let out = [...log];
  for (const c of commands) {
    const r = decideAny(c, foldFeeEvents(initialFeeState, out));
    if (!r.ok) throw new Error(`${String(c['type'])} refused: ${r.rejection.message.en}`);
    out = [...out, ...r.value];
  }
  return out;
}

/** The site with room A's tariff. */
export const tariffed: readonly FeeLogEvent[] = play(site, tariffA);

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
