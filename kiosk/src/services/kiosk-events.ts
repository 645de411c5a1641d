import {
  BOOKING_COMMAND_TYPES,
  isBookingEvent,
  isUpkeepOwnEvent,
  MEETING_COMMAND_TYPES,
  meetingStreamOf,
  streamOf,
  UPKEEP_COMMAND_TYPES,
  upkeepStreamOf,
  type BookingEvent,
  type MeetingEvent,
  type PersonRegistered,
  type UpkeepOwnEvent,
} from '@huiyi/core';

/**
 * A hand-drawn signature kept with the agreement it signs: the image is in the log, the
 * agreement event refers to it by `signatureId`.
 */
export interface SignatureCaptured {
  readonly type: 'SignatureCaptured';
  readonly signatureId: string;
  readonly personId: string;
  /** A PNG as a data URL, as the signature pad draws it. */
  readonly image: string;
}

/** Every event the kiosk writes. */
export type KioskEvent =
  BookingEvent | UpkeepOwnEvent | MeetingEvent | PersonRegistered | SignatureCaptured;

export { isBookingEvent, isUpkeepOwnEvent };

/** Whether an event is the directory's. */
export const isPersonEvent = (e: KioskEvent): e is PersonRegistered =>
  e.type === 'PersonRegistered';
/** Whether an event is a captured signature. */
export const isSignatureEvent = (e: KioskEvent): e is SignatureCaptured =>
  e.type === 'SignatureCaptured';
/** Whether an event belongs to the meetings context. */
export const isMeetingEvent = (e: KioskEvent): e is MeetingEvent =>
  !isBookingEvent(e) && !isUpkeepOwnEvent(e) && !isPersonEvent(e) && !isSignatureEvent(e);

/** The stream an event is stored in. */
export function kioskStreamOf(e: KioskEvent): string {
  if (isBookingEvent(e)) return streamOf(e);
  if (isUpkeepOwnEvent(e)) return upkeepStreamOf(e);
  if (isPersonEvent(e)) return `person:${e.personId}`;
  if (isSignatureEvent(e)) return `signature:${e.signatureId}`;
  return meetingStreamOf(e);
}

/** Which decider a command goes to. */
export type CommandContext = 'bookings' | 'upkeep' | 'meetings' | 'directory';

/**
 * The context a command belongs to, by its `type`; `undefined` for anything else.
 *
 * @param command - anything
 * @returns the context
 */
export function contextOf(command: unknown): CommandContext | undefined {
  const type =
    typeof command === 'object' && command !== null
      ? (command as { type?: unknown }).type
      : undefined;
  if (typeof type !== 'string') return undefined;
  // Faults and repairs are the upkeep's first: it warns the later bookings that need the item.
  if ((UPKEEP_COMMAND_TYPES as readonly string[]).includes(type)) return 'upkeep';
  if ((BOOKING_COMMAND_TYPES as readonly string[]).includes(type)) return 'bookings';
  if ((MEETING_COMMAND_TYPES as readonly string[]).includes(type)) return 'meetings';
  if (type === 'RegisterPerson') return 'directory';
  return undefined;
}
