import { actionStreamOf } from '../actions/action-events.js';
import { feeStreamOf } from '../fees/fee-events.js';
import { meetingStreamOf } from '../meetings/meeting-events.js';
import { minutesStreamOf } from '../minutes/minutes-events.js';
import { bookingStreamOf } from '../rooms/booking-events.js';
import { upkeepStreamOf } from '../upkeep/upkeep-events.js';
import type { DealershipEvent } from './contexts.js';
import { routeEvent } from './event-context.js';

/** The one stream the policy's revisions are kept in. */
export const POLICY_STREAM = 'policy';

/**
 * The stream an event of any context belongs to: what an event store keys it by, and what a sync
 * hub orders by. A room's stream holds the rooms, upkeep and tariff events of that room.
 *
 * | context | streams |
 * | --- | --- |
 * | rooms, upkeep | `room:<roomId>` |
 * | meetings | `meeting:<meetingId>`; a signed agreement `confidentiality:<personId>` |
 * | minutes | `minutes:<meetingId>` |
 * | actions | `action:<actionId>`; a ledger entry `ledger:<personId>` |
 * | fees | a tariff `room:<roomId>`, a waiver `waiver:<waiverId>`, expenses `expenses` |
 * | directory | `person:<personId>` |
 * | policy | `policy` |
 *
 * @param event - an event of any context
 * @returns its stream
 * @throws TypeError for a value that is no context's event (a programming error)
 * @example
 * streamOf({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 }) // => 'room:A'
 * streamOf({ type: 'MinutesApproved', meetingId: 'm1', version: 1, by: 'li', at: 0 }) // => 'minutes:m1'
 */
export function streamOf(event: DealershipEvent): string {
  const r = routeEvent(event);
  switch (r?.context) {
    case 'rooms':
      return bookingStreamOf(r.event);
    case 'upkeep':
      return upkeepStreamOf(r.event);
    case 'meetings':
      return meetingStreamOf(r.event);
    case 'minutes':
      return minutesStreamOf(r.event);
    case 'actions':
      return actionStreamOf(r.event);
    case 'fees':
      return feeStreamOf(r.event);
    case 'directory':
      return `person:${r.event.personId}`;
    case 'policy':
      return POLICY_STREAM;
    case undefined:
      throw new TypeError(`not an event of any context: ${JSON.stringify(event.type)}`);
  }
}
