import {
  isBookingEvent,
  isUpkeepOwnEvent,
  bookingStreamOf,
  meetingStreamOf,
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

/**
 * The stream an event is stored in, by the core's streams of the contexts a door holds, and
 * `signature:<id>` for a drawn signature (the core's `streamOf` reads every context's event types,
 * which the door's bundle leaves out).
 */
export function kioskStreamOf(e: KioskEvent): string {
  if (isBookingEvent(e)) return bookingStreamOf(e);
  if (isUpkeepOwnEvent(e)) return upkeepStreamOf(e);
  if (isPersonEvent(e)) return `person:${e.personId}`;
  if (isSignatureEvent(e)) return `signature:${e.signatureId}`;
  return meetingStreamOf(e);
}
