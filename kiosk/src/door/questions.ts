import {
  checklistDue as coreChecklistDue,
  checklistFor,
  expectedAttendees,
  extensionOptions,
  powerOffDue as corePowerOffDue,
  signInMeeting as coreSignInMeeting,
  slotOptions as coreSlotOptions,
  type SlotOptions,
  walkUpOptions as coreWalkUpOptions,
  type ExtensionOption,
  type Meeting,
  type PolicyLookup,
  type WalkUpOption,
} from '@huiyi/core';
import { upkeepStateOf, type KioskState } from '../services/kiosk-state.js';

// The door's questions, in one place: each is the core's door query, against the kiosk's state
// and the policy in force. The screens ask these and never work a rule out themselves.

export type { ExtensionOption, WalkUpOption };

/**
 * The walk-ups on offer now, each with the end it really gets (capped at the next booking
 * and closing time), as the walk-up decider books them.
 *
 * @param state - the kiosk's state
 * @param roomId - the door's room
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the options, shortest first; empty when none fits
 */
export const walkUpOptions = (
  state: KioskState,
  roomId: string,
  now: number,
  policy: PolicyLookup,
): WalkUpOption[] => coreWalkUpOptions(state.bookings, roomId, now, policy);

/**
 * The bookings on offer from a later moment of today: the walk-up lengths from `start`,
 * capped at the next booking and closing time, or why none fits.
 *
 * @param state - the kiosk's state
 * @param roomId - the door's room
 * @param start - the slot's start
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the options, or the rule that refuses
 */
export const slotOptions = (
  state: KioskState,
  roomId: string,
  start: number,
  now: number,
  policy: PolicyLookup,
): SlotOptions => coreSlotOptions(state.bookings, roomId, start, now, policy);

/**
 * The extensions on offer for the meeting in progress: only lengths the rules accept.
 *
 * @param state - the kiosk's state
 * @param roomId - the door's room
 * @param bookingId - the meeting in progress
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the extensions, shortest first
 */
export const extendOptions = (
  state: KioskState,
  roomId: string,
  bookingId: string,
  now: number,
  policy: PolicyLookup,
): ExtensionOption[] => extensionOptions(state.bookings, roomId, bookingId, now, policy);

/**
 * The meeting a sign-in at this door now belongs to (M-5), if any.
 *
 * @param state - the kiosk's state
 * @param roomId - the door's room
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the meeting, or `undefined` when no sign-in is open
 */
export const signInMeeting = (
  state: KioskState,
  roomId: string,
  now: number,
  policy: PolicyLookup,
): Meeting | undefined => coreSignInMeeting(state.meetings, roomId, now, policy);

/**
 * Whether the person is one the meeting expects (its invitees, delegates in place of those who
 * delegated).
 *
 * @param meeting - the meeting
 * @param personId - who
 * @returns true for an invitee
 */
export const isInvitee = (meeting: Meeting, personId: string): boolean =>
  expectedAttendees(meeting).includes(personId);

/**
 * The checklist lines of a booking: the room's items of the kinds it needs.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param bookingId - the booking
 * @returns the lines; empty for a booking that needs no equipment
 */
export const checklistLines = (state: KioskState, roomId: string, bookingId: string) =>
  checklistFor(upkeepStateOf(state), roomId, bookingId) ?? [];

/**
 * Whether a booking's equipment checklist is due now.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param bookingId - the booking
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns true when the organizer may answer it now
 */
export const checklistDue = (
  state: KioskState,
  roomId: string,
  bookingId: string,
  now: number,
  policy: PolicyLookup,
): boolean => coreChecklistDue(upkeepStateOf(state), roomId, bookingId, now, policy);

/**
 * The booking whose power-off check is due, if any.
 *
 * @param state - the kiosk's state
 * @param roomId - the room
 * @param now - the moment
 * @param policy - the parameters in force
 * @returns the booking's id, or `undefined`
 */
export const powerOffDue = (
  state: KioskState,
  roomId: string,
  now: number,
  policy: PolicyLookup,
): string | undefined => corePowerOffDue(upkeepStateOf(state), roomId, now, policy);
