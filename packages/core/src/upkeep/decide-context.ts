import { ok, type Result } from '../rejection/index.js';
import type { Instant } from '../time/instant.js';
import { faultWarningEvents } from './fault-warnings.js';
import type { UpkeepEvent } from './upkeep-events.js';
import { foldUpkeepEvents, type UpkeepState } from './upkeep-state.js';

/** What deciding an upkeep command gives: events, or a rejection. */
export type UpkeepDecision = Result<UpkeepEvent[]>;

/**
 * A decision with these events (none: the command changes nothing).
 *
 * @param events - the events
 * @returns the successful decision
 * @example
 * done() // => { ok: true, value: [] }
 */
export const done = (events: UpkeepEvent[] = []): UpkeepDecision => ok(events);

/**
 * The events of a command followed by the fault warnings they call for: judged on the state
 * after them, so a fault reported now warns every later booking that needs it.
 *
 * @param state - the state before the events
 * @param events - the command's own events
 * @param now - the command's time
 * @param roomId - the room they happen in
 * @returns the events, then the warnings
 * @example
 * withWarnings(state, [faultReported], now, 'A') // => { ok: true, value: [faultReported, { type: 'FaultWarningIssued', … }] }
 */
export function withWarnings(
  state: UpkeepState,
  events: UpkeepEvent[],
  now: Instant,
  roomId: string,
): UpkeepDecision {
  return done([...events, ...faultWarningEvents(foldUpkeepEvents(state, events), now, roomId)]);
}
