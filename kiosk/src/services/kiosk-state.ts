import {
  directoryDecider,
  foldBookingEvents,
  foldMeetingEvents,
  initialBookingState,
  initialMeetingState,
  type BookingState,
  type DirectoryState,
  type MeetingState,
} from '@huiyi/core';
import { isBookingEvent, isMeetingEvent, isPersonEvent, type KioskEvent } from './kiosk-events.js';

/** What the kiosk knows, folded from its log. */
export interface KioskState {
  readonly bookings: BookingState;
  readonly meetings: MeetingState;
  readonly directory: DirectoryState;
}

/** Nothing known yet. */
export const emptyKioskState: KioskState = {
  bookings: initialBookingState,
  meetings: initialMeetingState,
  directory: directoryDecider.initialState,
};

/**
 * Folds events into the kiosk's state, each context once (its folds copy what they touch once).
 *
 * @param events - events in log order
 * @param state - where to start
 * @returns the new state
 */
export function foldKioskEvents(
  events: readonly KioskEvent[],
  state: KioskState = emptyKioskState,
): KioskState {
  const bookingEvents = events.filter(isBookingEvent);
  const meetingEvents = events.filter(isMeetingEvent);
  const people = events.filter(isPersonEvent);
  return {
    bookings:
      bookingEvents.length > 0 ? foldBookingEvents(bookingEvents, state.bookings) : state.bookings,
    meetings:
      meetingEvents.length > 0 ? foldMeetingEvents(meetingEvents, state.meetings) : state.meetings,
    directory: people.reduce(directoryDecider.evolve, state.directory),
  };
}
