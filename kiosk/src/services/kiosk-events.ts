import {
  BOOKING_COMMAND_TYPES,
  isBookingEvent,
  MEETING_COMMAND_TYPES,
  meetingStreamOf,
  streamOf,
  type BookingEvent,
  type MeetingEvent,
  type PersonRegistered,
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
export type KioskEvent = BookingEvent | MeetingEvent | PersonRegistered | SignatureCaptured;

export { isBookingEvent };

/** Whether an event is the directory's. */
export const isPersonEvent = (e: KioskEvent): e is PersonRegistered =>
  e.type === 'PersonRegistered';
/** Whether an event is a captured signature. */
export const isSignatureEvent = (e: KioskEvent): e is SignatureCaptured =>
  e.type === 'SignatureCaptured';
/** Whether an event belongs to the meetings context. */
export const isMeetingEvent = (e: KioskEvent): e is MeetingEvent =>
  !isBookingEvent(e) && !isPersonEvent(e) && !isSignatureEvent(e);

/** The stream an event is stored in. */
export function kioskStreamOf(e: KioskEvent): string {
  if (isBookingEvent(e)) return streamOf(e);
  if (isPersonEvent(e)) return `person:${e.personId}`;
  if (isSignatureEvent(e)) return `signature:${e.signatureId}`;
  return meetingStreamOf(e);
}

/** Which decider a command goes to. */
export type CommandContext = 'bookings' | 'meetings' | 'directory';

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
  if ((BOOKING_COMMAND_TYPES as readonly string[]).includes(type)) return 'bookings';
  if ((MEETING_COMMAND_TYPES as readonly string[]).includes(type)) return 'meetings';
  if (type === 'RegisterPerson') return 'directory';
  return undefined;
}
