import type { Decider } from '../decider/decider.js';
import { hasRole, type Actor } from '../people/actor.js';
import { fail, ok, type Result } from '../rejection/rejection.js';
import { parsePolicyCommand } from './parse-policy-command.js';
import { checkScopes } from './check-overrides.js';
import type {
  AnnouncePolicyRevision,
  ApprovePolicyRevision,
  PolicyCommand,
  ProposePolicyRevision,
  WithdrawPolicyRevision,
} from './policy-commands.js';
import type { PolicyEvent, PolicyRevisionProposed } from './policy-events.js';
import {
  revisionExists,
  revisionUnknown,
  stepForbidden,
  stepOutOfOrder,
} from './policy-rejections.js';
import { initialPolicyState, type PolicyState, type PolicyVersion } from './policy-state.js';
import { deepEqual } from './records.js';
import { applyPatch, type ParameterSet } from './resolve.js';
import { evolvePolicy } from './evolve-policy.js';

/** What a policy command decides: the events, or the rejection. */
export type Decision = Result<readonly PolicyEvent[]>;

const NOTHING: Decision = ok(Object.freeze([]));

/** The newest announced version: the one a patch is laid over. */
const newest = (state: PolicyState): PolicyVersion =>
  state.versions[state.versions.length - 1] ?? state.versions[0];

function contentOver(base: PolicyVersion, proposal: PolicyRevisionProposed): Result<ParameterSet> {
  const parameters = proposal.parameters ?? applyPatch(base.parameters, proposal.patch ?? {});
  const overrides = proposal.overrides ?? (proposal.patch !== undefined ? base.overrides : {});
  return checkScopes({ parameters, overrides });
}

const sameContent = (a: PolicyRevisionProposed, b: PolicyRevisionProposed): boolean =>
  a.by === b.by &&
  a.effectiveFrom === b.effectiveFrom &&
  a.summary === b.summary &&
  deepEqual(a.parameters, b.parameters) &&
  deepEqual(a.patch, b.patch) &&
  deepEqual(a.overrides, b.overrides);

function propose(c: ProposePolicyRevision, state: PolicyState): Decision {
  const { now, actor, revisionId, effectiveFrom, summary } = c;
  const content = c.parameters === undefined ? { patch: c.patch } : { parameters: c.parameters };
  const overrides = c.overrides === undefined ? {} : { overrides: c.overrides };
  const event: PolicyRevisionProposed = {
    type: 'PolicyRevisionProposed',
    revisionId,
    effectiveFrom,
    summary,
    ...content,
    ...overrides,
    by: actor.id,
    at: now,
  };
  const existing = state.revisions.get(c.revisionId);
  if (existing !== undefined) {
    return sameContent(existing.proposed, event) ? NOTHING : fail(revisionExists(c.revisionId));
  }
  const checked = contentOver(newest(state), event);
  return checked.ok ? ok([event]) : checked;
}

function approve(c: ApprovePolicyRevision, state: PolicyState): Decision {
  const revision = state.revisions.get(c.revisionId);
  if (revision === undefined) return fail(revisionUnknown(c.revisionId));
  if (!hasRole(c.actor, 'leadership')) {
    return fail(stepForbidden('approve', c.revisionId, c.actor.id));
  }
  if (revision.status === 'withdrawn') {
    return fail(stepOutOfOrder('approve', c.revisionId, 'withdrawn'));
  }
  if (revision.status !== 'proposed') return NOTHING;
  return ok([
    { type: 'PolicyRevisionApproved', revisionId: c.revisionId, by: c.actor.id, at: c.now },
  ]);
}

function announce(c: AnnouncePolicyRevision, state: PolicyState): Decision {
  const revision = state.revisions.get(c.revisionId);
  if (revision === undefined) return fail(revisionUnknown(c.revisionId));
  if (!hasRole(c.actor, 'room-admin') && !hasRole(c.actor, 'leadership')) {
    return fail(stepForbidden('announce', c.revisionId, c.actor.id));
  }
  if (revision.status === 'announced') return NOTHING;
  if (revision.status !== 'approved') {
    return fail(stepOutOfOrder('announce', c.revisionId, revision.status));
  }
  const base = newest(state);
  const content = contentOver(base, revision.proposed);
  if (!content.ok) return content;
  // Never retroactive (C1-9: 自发布之日起实施), never ahead of the version announced before it.
  const inForceFrom = Math.max(revision.proposed.effectiveFrom, c.now, base.inForceFrom);
  return ok([
    {
      type: 'PolicyRevisionAnnounced',
      revisionId: c.revisionId,
      version: state.versions.length,
      inForceFrom,
      parameters: content.value.parameters,
      overrides: content.value.overrides,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

const mayWithdraw = (actor: Actor, proposer: string): boolean =>
  actor.id === proposer || hasRole(actor, 'room-admin') || hasRole(actor, 'leadership');

function withdraw(c: WithdrawPolicyRevision, state: PolicyState): Decision {
  const revision = state.revisions.get(c.revisionId);
  if (revision === undefined) return fail(revisionUnknown(c.revisionId));
  if (!mayWithdraw(c.actor, revision.proposed.by)) {
    return fail(stepForbidden('withdraw', c.revisionId, c.actor.id));
  }
  if (revision.status === 'withdrawn') return NOTHING;
  if (revision.status === 'announced') {
    return fail(stepOutOfOrder('withdraw', c.revisionId, 'announced'));
  }
  const reason = c.reason === undefined ? {} : { reason: c.reason };
  return ok([
    {
      type: 'PolicyRevisionWithdrawn',
      revisionId: c.revisionId,
      by: c.actor.id,
      at: c.now,
      ...reason,
    },
  ]);
}

/**
 * Decides a command of the revision lifecycle (P-2): propose, approve (leadership only), announce
 * (once approved; a room admin or leadership), withdraw (before announcement). A command repeated
 * (a double tap) decides to no events; a malformed one, even arbitrary JSON, to a rejection.
 *
 * An announced revision becomes the next version, in force from the latest of its `effectiveFrom`,
 * its announcement and the previous version's start: never retroactive, and never out of order.
 *
 * @param command - the command (checked here, so it may come from outside)
 * @param state - the policy's state
 * @returns the events, or the rejection naming its rule
 * @example
 * decidePolicy({ type: 'ApprovePolicyRevision', revisionId: 'r1', now, actor: boss }, state)
 * // => { ok: true, value: [{ type: 'PolicyRevisionApproved', revisionId: 'r1', by: 'boss', at: now }] }
 */
export function decidePolicy(command: PolicyCommand, state: PolicyState): Decision {
  const checked = parsePolicyCommand(command);
  if (!checked.ok) return checked;
  const c = checked.value;
  switch (c.type) {
    case 'ProposePolicyRevision':
      return propose(c, state);
    case 'ApprovePolicyRevision':
      return approve(c, state);
    case 'AnnouncePolicyRevision':
      return announce(c, state);
    case 'WithdrawPolicyRevision':
      return withdraw(c, state);
    default: {
      const unknown: never = c;
      return unknown;
    }
  }
}

/** The policy's decider: a {@link Decider} of {@link PolicyCommand}s. */
export type PolicyDecider = Decider<PolicyCommand, PolicyState, PolicyEvent>;

/**
 * The policy decider as one value, for helpers that work with any decider.
 *
 * @example
 * policyDecider.decide(command, policyDecider.initialState).ok // => true or false
 */
export const policyDecider: PolicyDecider = Object.freeze({
  initialState: initialPolicyState,
  decide: decidePolicy,
  evolve: evolvePolicy,
});
