import type { HubCommand, HubDecider, HubEvent } from './hub-decider.js';
import type { ReadModelRows } from './read-model-rows.js';

/**
 * The dealership's rules as the hub applies them: the decider, which commands a door may issue and
 * which need the admin scope (S-3), what a door may see of an event (S-4), and the read-model rows
 * an event leaves behind.
 */
export interface HubRules<C extends HubCommand, E extends HubEvent, S> {
  readonly decider: HubDecider<C, E, S>;
  /** Command types a door may push, always for its own room, and no other (S-3): least privilege. */
  readonly doorCommands: ReadonlySet<string>;
  /** Command types a dealer system needs the `admin` scope for; the rest need `act`. */
  readonly adminCommands: ReadonlySet<string>;
  /** Whether doors read a site-wide event (the directory and the policy do; minutes and actions do not) (S-3). */
  doorSees(event: E): boolean;
  /** The event as a door may read it: confidential topics and names removed (S-4). */
  redactForDoor(event: E, state: S): E;
  /** The read-model rows the events touched, as they stand in `state` (after the events). */
  readModelRows(events: readonly E[], state: S): ReadModelRows;
  /**
   * The standing roles the directory gives a person, or `undefined` when the directory does not
   * know them: the hub decides a door's or an `act` key's command with these, never with the roles
   * the command claims (S-3).
   */
  directoryRoles(personId: string, state: S): readonly string[] | undefined;
  /** Whether a booking or meeting is confidential, for redacting read models (S-4). */
  isConfidential(bookingId: string, state: S): boolean;
}
