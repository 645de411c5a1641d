import type { PolicyEvent } from './policy-events.js';
import type { PolicyRevision, PolicyState } from './policy-state.js';

function update(
  state: PolicyState,
  revisionId: string,
  change: (revision: PolicyRevision) => PolicyRevision,
): PolicyState {
  const revision = state.revisions.get(revisionId);
  if (revision === undefined) return state;
  return { ...state, revisions: new Map(state.revisions).set(revisionId, change(revision)) };
}

/**
 * Folds one event into the policy's state. Events are facts from the log: they are not checked.
 *
 * @param state - the state before
 * @param event - what happened
 * @returns the state after (the one before is left as it was)
 * @example
 * evolvePolicy(initialPolicyState, proposed).revisions.get('r1')?.status // => 'proposed'
 */
export function evolvePolicy(state: PolicyState, event: PolicyEvent): PolicyState {
  switch (event.type) {
    case 'PolicyRevisionProposed':
      if (state.revisions.has(event.revisionId)) return state;
      return {
        ...state,
        revisions: new Map(state.revisions).set(event.revisionId, {
          revisionId: event.revisionId,
          status: 'proposed',
          proposed: event,
        }),
      };
    case 'PolicyRevisionApproved':
      return update(state, event.revisionId, (r) => ({
        ...r,
        status: 'approved',
        approved: { by: event.by, at: event.at },
      }));
    case 'PolicyRevisionAnnounced': {
      const { version, inForceFrom, parameters, overrides, by, at, revisionId } = event;
      const approved = state.revisions.get(revisionId)?.approved;
      const next = update(state, revisionId, (r) => ({
        ...r,
        status: 'announced',
        announced: { by, at, version },
      }));
      const entry = {
        version,
        revisionId,
        inForceFrom,
        parameters,
        overrides,
        announced: { by, at },
        ...(approved === undefined ? {} : { approved }),
      };
      return { ...next, versions: [...next.versions, entry] };
    }
    case 'PolicyRevisionWithdrawn':
      return update(state, event.revisionId, (r) => ({
        ...r,
        status: 'withdrawn',
        withdrawn:
          event.reason === undefined
            ? { by: event.by, at: event.at }
            : { by: event.by, at: event.at, reason: event.reason },
      }));
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
