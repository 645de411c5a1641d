import type { ActionRejection } from '../actions/action-rejections.js';
import type { FeeRejection } from '../fees/fee-rejections.js';
import type { malformedCommand } from '../input/command.js';
import type { MeetingRejection } from '../meetings/meeting-rejections.js';
import type { MinutesRejection } from '../minutes/minutes-rejections.js';
import type { ParameterRejection } from '../policy/parameter-rejections.js';
import type { PolicyRejection } from '../policy/policy-rejections.js';
import type { notAtDoor } from '../rejection/not-at-door.js';
import type { Rejection } from '../rejection/rejection.js';
import type { BookingRejection } from '../rooms/booking-rejections.js';
import type { SkippedOccurrence } from '../rooms/booking-events.js';
import type { UpkeepRejection } from '../upkeep/upkeep-rejections.js';

/** A command that is not well formed: which field, and what it should be (any context). */
export type CommandMalformed = ReturnType<typeof malformedCommand>;
/** A command a door does not take (K-2). */
export type DoorNotTaken = ReturnType<typeof notAtDoor>;
/** A series of which some occurrences cannot be booked, each with its rule and alternatives. */
export type SeriesConflicts = Rejection<
  'series.conflicts',
  { readonly skipped: readonly SkippedOccurrence[] }
>;
/** A series with no occurrence within the booking horizon. */
export type SeriesNoOccurrences = Rejection<'series.no-occurrences'>;

/**
 * The rejections of the dealership's deciders, each with its literal code and the data that code
 * carries: every context's catalog, and the refusals they share. A `switch` on `code` narrows
 * `data`, and a `switch` that leaves a code out fails to compile where it ends in a `never` check.
 * Type a rejection as one with {@link hasCode} (one code) or {@link asDealershipRejection} (to
 * switch on every code).
 */
export type DealershipRejection =
  | BookingRejection
  | UpkeepRejection
  | MeetingRejection
  | MinutesRejection
  | ActionRejection
  | FeeRejection
  | PolicyRejection
  | ParameterRejection
  | CommandMalformed
  | DoorNotTaken
  | SeriesConflicts
  | SeriesNoOccurrences;

/** Every code of {@link DealershipRejection}. */
export type DealershipRejectionCode = DealershipRejection['code'];

/**
 * Whether a rejection has a code, typing it as that code's rejection (its data included). A
 * misspelt code is a compile error.
 *
 * @param rejection - a rejection from any decider
 * @param code - the code asked about
 * @returns true when it has that code
 * @example
 * if (hasCode(r.rejection, 'booking.room-busy')) show(r.rejection.data.conflict)
 */
export function hasCode<C extends DealershipRejectionCode>(
  rejection: Rejection,
  code: C,
): rejection is Extract<DealershipRejection, { readonly code: C }> {
  return rejection.code === code;
}

/**
 * Types a rejection of the dealership's deciders as {@link DealershipRejection}, so that a screen
 * can `switch` on its code. The deciders give no other; a rejection of your own code is not one.
 *
 * @param rejection - a rejection a decider gave
 * @returns the same rejection, typed
 * @example
 * switch (asDealershipRejection(r.rejection).code) { case 'booking.room-busy': … }
 */
export function asDealershipRejection(rejection: Rejection): DealershipRejection {
  return rejection as DealershipRejection;
}
