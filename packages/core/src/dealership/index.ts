/**
 * The dealership: one decider over every context (rooms, upkeep, meetings, minutes, actions, fees,
 * the directory, the policy), its one state, and the routing a store or a sync hub needs: which
 * context a command goes to, which stream an event belongs to, which room a command or an event
 * concerns. A door's variant takes what a door takes.
 *
 * @packageDocumentation
 */
export {
  DEALERSHIP_CONTEXTS,
  DEALERSHIP_COMMAND_TYPES,
  commandContext,
  routeCommand,
} from './contexts.js';
export type {
  DealershipContext,
  DealershipCommand,
  DealershipEvent,
  RoutedCommand,
} from './contexts.js';
export { eventContext, routeEvent } from './event-context.js';
export type { RoutedEvent } from './event-context.js';
export { streamOf, POLICY_STREAM } from './stream-of.js';
export { initialDoorDeciderState, foldDoorEvents, upkeepStateOf } from './door-state.js';
export type { DoorDeciderState } from './door-state.js';
export {
  initialDealershipState,
  foldDealershipEvents,
  evolveDealership,
  feeStateOf,
} from './dealership-state.js';
export type { DealershipState, FeeBooks } from './dealership-state.js';
export { roomOfCommand, roomOfEvent } from './room-of.js';
export type { RoomLookupState } from './room-of.js';
export { createDealershipDecider, parseDealershipCommand } from './dealership-decider.js';
export type { DealershipDecider, DealershipOptions } from './dealership-decider.js';
export { createDoorDecider, parseDoorCommand } from './door-decider.js';
export type { DoorDecider, DoorEvent, DoorOptions } from './door-decider.js';
export { hasCode, asDealershipRejection } from './dealership-rejection.js';
export type {
  DealershipRejection,
  DealershipRejectionCode,
  CommandMalformed,
  DoorNotTaken,
  SeriesConflicts,
  SeriesNoOccurrences,
} from './dealership-rejection.js';
