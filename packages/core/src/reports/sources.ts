import type { ActionState } from '../actions/action-state.js';
import type { MeetingState } from '../meetings/meeting-state.js';
import type { MinutesState } from '../minutes/minutes-state.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { BookingState } from '../rooms/booking-state.js';
import type { Instant } from '../time/instant.js';

/**
 * What reports are folded from: the states of the deciders, as each folds its own events. Reports
 * read them and change nothing.
 */
export interface ReportSources {
  readonly meetings: MeetingState;
  readonly minutes: MinutesState;
  readonly actions: ActionState;
  readonly bookings: BookingState;
}

/** How a report judges what it reads. */
export interface ReportOptions {
  /** The parameters in force (default: the policy's defaults): graces for attendance and starts. */
  readonly policy?: PolicyLookup;
  /** The instant figures are taken at: overdue actions, minutes past due. */
  readonly asOf: Instant;
}
