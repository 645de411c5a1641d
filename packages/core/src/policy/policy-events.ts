import type { Instant } from '../time/instant.js';
import type { PolicyParameters } from './parameters.js';
import type { RevisionContent } from './policy-commands.js';
import type { ParameterOverrides } from './resolve.js';

/** Who did something and when (P-2 keeps both for every step). */
export interface Stamp {
  readonly by: string;
  readonly at: Instant;
}

/** A revision was proposed, with its content as given. */
export type PolicyRevisionProposed = Stamp &
  RevisionContent & {
    readonly type: 'PolicyRevisionProposed';
    readonly revisionId: string;
    readonly effectiveFrom: Instant;
    readonly summary: string;
    readonly overrides?: ParameterOverrides;
  };

/** Leadership approved a revision (P-2). */
export interface PolicyRevisionApproved extends Stamp {
  readonly type: 'PolicyRevisionApproved';
  readonly revisionId: string;
}

/**
 * An approved revision was announced and became a version (P-2): its number, the instant it takes
 * effect, and the complete parameters and overrides it holds.
 */
export interface PolicyRevisionAnnounced extends Stamp {
  readonly type: 'PolicyRevisionAnnounced';
  readonly revisionId: string;
  readonly version: number;
  readonly inForceFrom: Instant;
  readonly parameters: PolicyParameters;
  readonly overrides: ParameterOverrides;
}

/** A revision was withdrawn before its announcement. */
export interface PolicyRevisionWithdrawn extends Stamp {
  readonly type: 'PolicyRevisionWithdrawn';
  readonly revisionId: string;
  readonly reason?: string;
}

/** Every event of the policy's revision lifecycle. */
export type PolicyEvent =
  | PolicyRevisionProposed
  | PolicyRevisionApproved
  | PolicyRevisionAnnounced
  | PolicyRevisionWithdrawn;

/** Every event type of the policy, for routing and projections. */
export const POLICY_EVENT_TYPES = [
  'PolicyRevisionProposed',
  'PolicyRevisionApproved',
  'PolicyRevisionAnnounced',
  'PolicyRevisionWithdrawn',
] as const satisfies readonly PolicyEvent['type'][];

// A new policy event type that is missing above fails to compile here.
type Missing = Exclude<PolicyEvent['type'], (typeof POLICY_EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

const policyTypes: ReadonlySet<string> = new Set(POLICY_EVENT_TYPES);

/**
 * Whether an event belongs to the policy.
 *
 * @param e - any event with a type
 * @returns true for the types of {@link POLICY_EVENT_TYPES}
 * @example
 * isPolicyEvent({ type: 'PolicyRevisionApproved', revisionId: 'r1', by: 'boss', at: 0 }) // => true
 */
export function isPolicyEvent(e: { readonly type: string }): e is PolicyEvent {
  return policyTypes.has(e.type);
}
