import type { Instant } from '../time/instant.js';

/**
 * What a review can find wrong with an action, as time passes: not started within the working
 * days allowed (F-1), a progress report missed (F-3), past its deadline and not done (F-2), an
 * escalation unanswered at the top of the ladder (F-4).
 */
export type ActionFlagKind = 'start-missed' | 'report-missed' | 'overdue' | 'escalation-unanswered';

/** Every flag kind. */
export const ACTION_FLAG_KINDS: readonly ActionFlagKind[] = Object.freeze([
  'start-missed',
  'report-missed',
  'overdue',
  'escalation-unanswered',
]);

/**
 * A flag raised by a review: what went wrong, the deadline that was missed (which, with the kind,
 * identifies the flag: each is raised once), and when the review saw it.
 */
export interface ActionFlag {
  readonly kind: ActionFlagKind;
  /** The deadline missed: the start deadline, a report's due time, the due date, a response time. */
  readonly deadline: Instant;
  readonly at: Instant;
}

/**
 * Whether a flag of a kind was already raised for a deadline.
 *
 * @param flags - the action's flags
 * @param kind - the flag kind
 * @param deadline - the deadline missed
 * @returns true when raised before
 * @example
 * hasFlag([{ kind: 'overdue', deadline: 5, at: 6 }], 'overdue', 5) // => true
 */
export function hasFlag(
  flags: readonly ActionFlag[],
  kind: ActionFlagKind,
  deadline: Instant,
): boolean {
  return flags.some((f) => f.kind === kind && f.deadline === deadline);
}
