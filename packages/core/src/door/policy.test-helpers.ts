import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyParameters } from '../policy/parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';

/**
 * A policy that is not the defaults in its rooms' part (a buffer, other lengths, another shortest
 * booking), the same at every instant.
 *
 * @param rooms - the rooms' parameters that differ from the defaults
 * @returns the policy lookup
 */
export const roomsPolicy = (rooms: Partial<PolicyParameters['rooms']>): PolicyLookup => {
  const params: PolicyParameters = {
    ...DEFAULT_PARAMETERS,
    rooms: { ...DEFAULT_PARAMETERS.rooms, ...rooms },
  };
  return () => params;
};
