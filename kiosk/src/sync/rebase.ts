import type { Rejection, Result } from '@huiyi/core';

/** The door's rules, as the sync sees them: decide a command against a state, fold events. */
export interface DoorRules<S, E> {
  decide(command: unknown, state: S): Result<readonly E[]>;
  fold(state: S, events: readonly E[]): S;
}

/** A command still waiting for the hub, as the door keeps it. */
export interface PendingCommand {
  readonly id: number;
  readonly command: unknown;
}

/** The door's state after the hub's events came in, and each pending command's new decision. */
export interface Rebased<S, E> {
  /** The hub's state as far as the door has it: what the hub confirmed, and nothing else. */
  readonly confirmed: S;
  /** What the door shows: the confirmed state with the pending commands decided again on top. */
  readonly state: S;
  /** Per pending command, in counter order: its events now, or why the door's rules now refuse it. */
  readonly decisions: readonly {
    readonly id: number;
    readonly events: readonly E[];
    readonly rejection?: Rejection;
  }[];
}

/**
 * Server reconciliation (S-1, S-5): the hub's events replace what the door decided alone, and the
 * commands still waiting for the hub are decided again, in order, on top of them. A command the
 * door's rules now refuse makes no events here; it stays queued, and the hub decides it.
 *
 * @param rules - the door's deciders and fold
 * @param confirmed - the state of the hub's events the door had
 * @param pulled - the hub's new events, in the hub's order
 * @param pending - the commands still waiting, in counter order
 * @returns the new confirmed state, the state to show, and each pending command's decision
 * @example
 * // const { state } = rebase(rules, confirmed, page.events, queue);
 */
export function rebase<S, E>(
  rules: DoorRules<S, E>,
  confirmed: S,
  pulled: readonly E[],
  pending: readonly PendingCommand[],
): Rebased<S, E> {
  const base = pulled.length > 0 ? rules.fold(confirmed, pulled) : confirmed;
  let state = base;
  const decisions: Rebased<S, E>['decisions'][number][] = [];
  for (const p of pending) {
    const decided = rules.decide(p.command, state);
    if (decided.ok) {
      decisions.push({ id: p.id, events: decided.value });
      if (decided.value.length > 0) state = rules.fold(state, decided.value);
    } else {
      decisions.push({ id: p.id, events: [], rejection: decided.rejection });
    }
  }
  return { confirmed: base, state, decisions };
}
