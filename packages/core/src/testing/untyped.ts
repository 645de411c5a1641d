import type { Decider } from '../decider/decider.js';

/**
 * The same decider, typed to take anything: for tests that feed it commands from outside (mangled,
 * generated as plain records, or written as loose object literals) to see what its run-time checks
 * make of them. Ordinary code passes typed commands, or parses input first.
 *
 * @param decider - any decider
 * @returns that very decider, its `decide` typed to take `unknown`
 * @example
 * untyped(createBookingDecider()).decide({ type: 'Nope' }, state).ok // => false
 */
export function untyped<C, S, E, F>(decider: Decider<C, S, E, F>): Decider<unknown, S, E, F> {
  return decider as Decider<unknown, S, E, F>;
}
