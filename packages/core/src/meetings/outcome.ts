import type { Instant } from '../time/instant.js';

/** What an agenda item produced (M-8). */
export type OutcomeKind = 'information' | 'decision' | 'action';

/** Every outcome kind. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = Object.freeze([
  'information',
  'decision',
  'action',
]);

/** How urgent the work a decision asks for is (M-8). */
export type Urgency = 'normal' | 'urgent' | 'critical';

/** Every urgency, least urgent first. */
export const URGENCIES: readonly Urgency[] = Object.freeze(['normal', 'urgent', 'critical']);

/** The work a decision asks for (M-8): exactly one owner, a due date, an urgency, collaborators. */
export interface Work {
  readonly ownerId: string;
  /** When it is due: an instant, usually the end of a working day. */
  readonly due: Instant;
  readonly urgency: Urgency;
  /** People, often of other departments, who help the owner; never the owner. */
  readonly collaborators: readonly string[];
}

/**
 * An outcome of an agenda item (M-8). `information` asks for no work; an `action` always does; a
 * `decision` does when it carries `work`.
 */
export interface Outcome {
  readonly id: string;
  readonly itemId: string;
  readonly kind: OutcomeKind;
  readonly text: string;
  readonly work?: Work;
  readonly recordedBy: string;
  readonly at: Instant;
}
