import type { Decider } from '../decider/decider.js';
import type { Result } from '../rejection/rejection.js';

export type { Decider } from '../decider/decider.js';

/** A history ready for the command under test. */
export interface Given<Command, State, Event> {
  /** The state folded from the given events. */
  readonly state: State;
  /** Decides a command against that state: the events it yields, or its rejection. */
  when(command: Command): Result<readonly Event[]>;
}

/**
 * Folds events into a decider's state, from its initial state.
 *
 * @param decider - the decider
 * @param events - the history, oldest first
 * @returns the state after them
 * @example
 * fold(policyDecider, []) === policyDecider.initialState // => true
 */
export function fold<C, S, E>(decider: Decider<C, S, E>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}

/**
 * Binds a decider for given/when tests: `given(events).when(command)` is the decision.
 *
 * @param decider - the decider
 * @returns `given`, taking the history
 * @example
 * const given = givenFor(policyDecider);
 * given([proposed]).when(approveByLeadership) // => { ok: true, value: [{ type: 'PolicyRevisionApproved', … }] }
 */
export function givenFor<C, S, E>(
  decider: Decider<C, S, E>,
): (events: readonly E[]) => Given<C, S, E> {
  return (events) => {
    const state = fold(decider, events);
    return { state, when: (command) => decider.decide(command, state) };
  };
}

/**
 * Runs commands one after another, keeping the events of those accepted: the log a user's taps
 * would leave.
 *
 * @param decider - the decider
 * @param commands - the commands, in order
 * @returns the events of the accepted commands, and each command's decision
 * @example
 * run(policyDecider, [propose, approve]).events.length // => 2
 */
export function run<C, S, E>(
  decider: Decider<C, S, E>,
  commands: readonly C[],
): {
  readonly events: readonly E[];
  readonly state: S;
  readonly results: readonly Result<readonly E[]>[];
} {
  let state = decider.initialState;
  const events: E[] = [];
  const results: Result<readonly E[]>[] = [];
  for (const command of commands) {
    const result = decider.decide(command, state);
    results.push(result);
    if (!result.ok) continue;
    for (const event of result.value) {
      events.push(event);
      state = decider.evolve(state, event);
    }
  }
  return { events, state, results };
}
