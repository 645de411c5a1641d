import {
  directoryDecider,
  foldMeetingEvents,
  foldUpkeepEvents,
  initialBookingState,
  initialMeetingState,
  type BookingState,
  type DirectoryState,
  type MeetingState,
  type RoomUpkeep,
  type UpkeepLogEvent,
  type UpkeepState,
} from '@huiyi/core';
import {
  isBookingEvent,
  isMeetingEvent,
  isPersonEvent,
  isUpkeepOwnEvent,
  type KioskEvent,
} from './kiosk-events.js';

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
  bookings: initialBookingState,
  upkeep: new Map(),
  meetings: initialMeetingState,
  directory: directoryDecider.initialState,
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
 * Folds events into the kiosk's state, each context once (the rooms and their upkeep together) (its folds copy what they touch once).
 *
 * @param events - events in log order
 * @param state - where to start
 * @returns the new state
 */
export function foldKioskEvents(
  events: readonly KioskEvent[],
  state: KioskState = emptyKioskState,
): KioskState {
  const roomEvents = events.filter(
    (e): e is UpkeepLogEvent => isBookingEvent(e) || isUpkeepOwnEvent(e),
  );
  const meetingEvents = events.filter(isMeetingEvent);
  const people = events.filter(isPersonEvent);
  const rooms =
    roomEvents.length > 0 ? foldUpkeepEvents(roomEvents, upkeepStateOf(state)) : undefined;
  return {
    bookings: rooms ? rooms.rooms : state.bookings,
    upkeep: rooms ? rooms.upkeep : state.upkeep,
    meetings:
      meetingEvents.length > 0 ? foldMeetingEvents(meetingEvents, state.meetings) : state.meetings,
    directory: people.reduce(directoryDecider.evolve, state.directory),
  };
}
