import { assertInstant, type Instant } from '../time/instant.js';
import type { PolicyParameters } from './parameters.js';
import type { PolicyState, PolicyVersion } from './policy-state.js';
import { resolveParameters, type PolicyScope } from './resolve.js';

/** The policy that judges a decision: its version number, the revision it came from, its parameters. */
export interface PolicyInForce {
  readonly version: number;
  readonly revisionId?: string;
  readonly inForceFrom: Instant;
  readonly parameters: PolicyParameters;
}

/**
 * The version in force at an instant (P-1): the newest one whose start is not after it. Versions
 * start in the order they are announced, so a binary search finds it in O(log n).
 *
 * @param state - the policy's state
 * @param now - the instant of the decision
 * @returns the version, site-wide parameters and overrides unresolved
 * @throws RangeError when `now` is not an instant (a programming error)
 * @example
 * versionAt(initialPolicyState, 0).version // => 0
 */
export function versionAt(state: PolicyState, now: Instant): PolicyVersion {
  assertInstant(now, 'now');
  const { versions } = state;
  // Invariant: versions[lo] starts at or before now; versions[hi] (if any) after it.
  let lo = 0;
  let hi = versions.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((versions[mid] as PolicyVersion).inForceFrom <= now) lo = mid;
    else hi = mid;
  }
  return versions[lo] ?? versions[0];
}

/**
 * The policy in force at an instant (P-1), resolved for a room and a meeting kind (P-3).
 *
 * @param state - the policy's state
 * @param now - the instant of the decision
 * @param scope - the room and the meeting kind, either optional
 * @returns the version number, its revision id (none for version 0) and the parameters
 * @throws RangeError when `now` is not an instant (a programming error)
 * @example
 * policyAt(initialPolicyState, Date.UTC(2026, 0, 5)) // => { version: 0, inForceFrom: -8.64e15, parameters: DEFAULT_PARAMETERS }
 */
export function policyAt(state: PolicyState, now: Instant, scope: PolicyScope = {}): PolicyInForce {
  const v = versionAt(state, now);
  const parameters = resolveParameters(v, scope);
  const { version, inForceFrom } = v;
  return v.revisionId === undefined
    ? { version, inForceFrom, parameters }
    : { version, revisionId: v.revisionId, inForceFrom, parameters };
}

/** One stretch of the policy's timeline: a version and the half-open span `[from, until)` it rules. */
export interface PolicyPeriod {
  readonly version: number;
  readonly revisionId?: string;
  readonly from: Instant;
  readonly until?: Instant;
}

/**
 * The policy's timeline (P-1): each version that is ever in force, with the span it rules; the last
 * has no end. A version announced to start at the same instant as a later one is never in force
 * and is left out.
 *
 * @param state - the policy's state
 * @returns the stretches, in time order, without gaps
 * @example
 * versionsInForce(initialPolicyState) // => [{ version: 0, from: -8.64e15 }]
 */
export function versionsInForce(state: PolicyState): readonly PolicyPeriod[] {
  const out: PolicyPeriod[] = [];
  const { versions } = state;
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i] as PolicyVersion;
    const next = versions[i + 1];
    if (next !== undefined && next.inForceFrom <= v.inForceFrom) continue;
    const id = v.revisionId === undefined ? {} : { revisionId: v.revisionId };
    const until = next === undefined ? {} : { until: next.inForceFrom };
    out.push({ version: v.version, ...id, from: v.inForceFrom, ...until });
  }
  return out;
}

/** The parameters in force at a moment in a scope (P-1, P-3), as the deciders of other contexts take them. */
export type PolicyLookup = (now: Instant, scope: PolicyScope) => PolicyParameters;

/**
 * The parameters in force as a function of `now` and scope, for deciders of other contexts
 * (`createBookingDecider(parametersIn(policyState))`).
 *
 * @param state - the policy's state
 * @returns `(now, scope) => parameters` in force then and there (P-1, P-3)
 * @example
 * parametersIn(initialPolicyState)(0, { roomId: 'A' }).rooms.bufferMinutes // => 0
 */
export function parametersIn(
  state: PolicyState,
): (now: Instant, scope: PolicyScope) => PolicyParameters {
  return (now, scope) => policyAt(state, now, scope).parameters;
}
