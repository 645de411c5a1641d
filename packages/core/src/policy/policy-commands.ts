import type { Actor } from '../people/actor.js';
import type { Instant } from '../time/instant.js';
import type { ParameterPatch, PolicyParameters } from './parameters.js';
import type { ParameterOverrides } from './resolve.js';

/**
 * What a revision changes: complete site parameters, or a patch over the newest announced version
 * (laid on it when the revision is announced, so revisions approved side by side do not undo each
 * other).
 */
export type RevisionContent =
  | { readonly parameters: PolicyParameters; readonly patch?: never }
  | { readonly patch: ParameterPatch; readonly parameters?: never };

/** Who asks and when: every command carries both (T-4). */
export interface PolicyCommandBase {
  readonly revisionId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/**
 * Propose a revision (P-2). `overrides` replace the version's whole set of overrides (P-3); left
 * out, a patch keeps the newest version's overrides and complete parameters start with none.
 */
export type ProposePolicyRevision = PolicyCommandBase &
  RevisionContent & {
    readonly type: 'ProposePolicyRevision';
    readonly effectiveFrom: Instant;
    readonly summary: string;
    readonly overrides?: ParameterOverrides;
  };

/** Approve a proposed revision: leadership only; who and when are kept (P-2). */
export interface ApprovePolicyRevision extends PolicyCommandBase {
  readonly type: 'ApprovePolicyRevision';
}

/** Announce an approved revision, which makes it a version (P-2): a room admin or leadership. */
export interface AnnouncePolicyRevision extends PolicyCommandBase {
  readonly type: 'AnnouncePolicyRevision';
}

/** Withdraw a revision not yet announced: its proposer, a room admin or leadership. */
export interface WithdrawPolicyRevision extends PolicyCommandBase {
  readonly type: 'WithdrawPolicyRevision';
  readonly reason?: string;
}

/** Every command of the policy's revision lifecycle. */
export type PolicyCommand =
  ProposePolicyRevision | ApprovePolicyRevision | AnnouncePolicyRevision | WithdrawPolicyRevision;

/** Every command type, for checking input from outside. */
export const POLICY_COMMAND_TYPES: readonly PolicyCommand['type'][] = Object.freeze([
  'ProposePolicyRevision',
  'ApprovePolicyRevision',
  'AnnouncePolicyRevision',
  'WithdrawPolicyRevision',
]);
