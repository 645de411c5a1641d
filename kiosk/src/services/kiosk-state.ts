import {
  foldDoorEvents,
  initialDoorDeciderState,
  type BookingState,
  type DirectoryState,
  type DoorDeciderState,
  type MeetingState,
  type RoomUpkeep,
  type UpkeepState,
} from '@huiyi/core';
import type { KioskEvent } from './kiosk-events.js';

/** What the kiosk knows, folded from its log. */
export interface KioskState {
  readonly bookings: BookingState;
  /** Each room's upkeep: faults, checklists, power-off confirmations … */
  readonly upkeep: ReadonlyMap<string, RoomUpkeep>;
  readonly meetings: MeetingState;
  readonly directory: DirectoryState;
}

/** Nothing known yet. */
export const emptyKioskState: KioskState = {
  bookings: initialDoorDeciderState.rooms,
  upkeep: initialDoorDeciderState.upkeep,
  meetings: initialDoorDeciderState.meetings,
  directory: initialDoorDeciderState.directory,
};

/**
 * The upkeep context's view of the kiosk's state: its rooms and their upkeep, as one state.
 *
 * @param state - the kiosk's state
 * @returns the upkeep state (sharing the kiosk's, not a copy)
 */
export const upkeepStateOf = (state: KioskState): UpkeepState => ({
  rooms: state.bookings,
  upkeep: state.upkeep,
});

/**
 * The door decider's view of the kiosk's state (the same parts, the rooms under their own name).
 *
 * @param state - the kiosk's state
 * @returns the door decider's state (sharing the kiosk's, not a copy)
 */
export const doorStateOf = (state: KioskState): DoorDeciderState => ({
  rooms: state.bookings,
  upkeep: state.upkeep,
  meetings: state.meetings,
  directory: state.directory,
});

/**
 * Folds events into the kiosk's state with the core's door fold: each context once (the rooms and
 * their upkeep together); drawn signatures are kept in the log only. State first, as every fold of
 * the core.
 *
 * @param state - where to start ({@link emptyKioskState} for a new tablet)
 * @param events - events in log order
 * @returns the new state
 */
export function foldKioskEvents(state: KioskState, events: readonly KioskEvent[]): KioskState {
  const door = foldDoorEvents(doorStateOf(state), events);
  return {
    bookings: door.rooms,
    upkeep: door.upkeep,
    meetings: door.meetings,
    directory: door.directory,
  };
}
