import type { Result } from '@huiyi/core';

/** A command as the hub sees it once parsed: a tagged object with its `now` and its actor. */
export interface HubCommand {
  readonly type: string;
  readonly now: number;
  readonly actor: { readonly id: string };
}

/** An event as the hub stores it: a tagged plain object. */
export interface HubEvent {
  readonly type: string;
}

/**
 * What the hub needs from the dealership's rules: the decider's three parts plus where each event
 * and command belongs. The hub is written against this port only, so any decider that routes
 * every command of the dealership fits it.
 */
export interface HubDecider<C extends HubCommand, E extends HubEvent, S> {
  /** The state before any event. */
  readonly initialState: S;
  /** Reads a command from outside (arbitrary JSON): the command or why it is malformed. Never throws. */
  parse(input: unknown): Result<C>;
  /** Decides a parsed command against the state: its events, or a rejection. Never throws. */
  decide(command: C, state: S): Result<readonly E[]>;
  /** Folds events into the state, in order (state first, as every fold of the core). */
  fold(state: S, events: readonly E[]): S;
  /** The stream an event belongs to (`room:A`, `meeting:m-1`, `people`). */
  streamOf(event: E): string;
  /** The room a command acts on (the state knows a meeting's room): the unit the hub serializes; `undefined` for site-wide commands. */
  roomOf(command: C, state: S): string | undefined;
}
