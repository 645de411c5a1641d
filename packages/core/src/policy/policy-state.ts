import type { Instant } from '../time/instant.js';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import type { PolicyRevisionProposed, Stamp } from './policy-events.js';
import type { ParameterSet } from './resolve.js';

/** Where a revision stands (P-2). */
export type RevisionStatus = 'proposed' | 'approved' | 'announced' | 'withdrawn';

/** A revision and every step it went through, with who and when. */
export interface PolicyRevision {
  readonly revisionId: string;
  readonly status: RevisionStatus;
  readonly proposed: PolicyRevisionProposed;
  readonly approved?: Stamp;
  readonly announced?: Stamp & { readonly version: number };
  readonly withdrawn?: Stamp & { readonly reason?: string };
}

/** A version of the policy (P-1): its number, when it takes effect, and what it holds. */
export interface PolicyVersion extends ParameterSet {
  readonly version: number;
  readonly revisionId?: string;
  readonly inForceFrom: Instant;
  readonly approved?: Stamp;
  readonly announced?: Stamp;
}

/**
 * The policy's history: every revision by id, and the versions in order of announcement, which is
 * also the order they take effect in (`versions[n].version === n`; version 0 is built in).
 */
export interface PolicyState {
  readonly revisions: ReadonlyMap<string, PolicyRevision>;
  readonly versions: readonly [PolicyVersion, ...PolicyVersion[]];
}

/** The earliest instant (`Date`'s limit): version 0 is in force from here on. */
export const BEGINNING_OF_TIME: Instant = -8.64e15;

/**
 * No revision yet: version 0, the rules' defaults, in force from the beginning of time.
 *
 * @example
 * initialPolicyState.versions[0].parameters === DEFAULT_PARAMETERS // => true
 */
export const initialPolicyState: PolicyState = Object.freeze({
  revisions: new Map<string, PolicyRevision>(),
  versions: Object.freeze([
    Object.freeze({
      version: 0,
      inForceFrom: BEGINNING_OF_TIME,
      parameters: DEFAULT_PARAMETERS,
      overrides: Object.freeze({}),
    }),
  ]) as unknown as PolicyState['versions'],
});
