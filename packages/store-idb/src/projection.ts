import type { DomainEvent, StoredEvent } from '@huiyi/core';

/**
 * A projection: state folded from the log, saved in the store so a restart does not replay
 * everything. Bump `version` whenever `fold` or the encoding changes: a snapshot saved by another
 * version is thrown away and the state folded again from the log.
 *
 * @typeParam S - the state
 * @typeParam E - the events of the store it reads (it ignores those it does not know)
 */
export interface Projection<S, E extends DomainEvent = DomainEvent> {
  /** Its name in the store: unique per projection. */
  readonly name: string;
  /** The version of its code. */
  readonly version: number;
  /** The state of an empty log. */
  readonly initial: S;
  /**
   * Folds events (in log order) into the state; pure, `state` itself unchanged.
   *
   * @param state - the state so far
   * @param events - the next events of the log
   * @returns the new state
   */
  fold(state: S, events: readonly StoredEvent<E>[]): S;
  /**
   * Encodes the state as JSON-compatible data (Maps as entry lists …).
   *
   * @param state - the state
   * @returns its encoded form
   */
  encode(state: S): unknown;
  /**
   * Decodes what `encode` made; anything else gives `undefined` (and the state is rebuilt).
   *
   * @param encoded - the saved form
   * @returns the state, or `undefined` when it does not parse
   */
  decode(encoded: unknown): S | undefined;
}
