import type { DomainEvent, NewEvent, StoredEvent } from './stored-event.js';

/** How to append a batch. */
export interface AppendOptions {
  /**
   * Whether the new events wait in the outbox for a server's acknowledgement (default `true`: they
   * were made here). Events received from a server are appended with `false`.
   */
  readonly outbox?: boolean;
}

/** What an append did. */
export interface AppendResult<E extends DomainEvent = DomainEvent> {
  /** The events written, in batch order, with their positions. */
  readonly appended: readonly StoredEvent<E>[];
  /** Ids that were already in the log (or earlier in the batch): skipped, nothing changed. */
  readonly duplicates: readonly string[];
}

/** A projection's state as saved: which code made it, up to which position, in encoded form. */
export interface ProjectionSnapshot {
  readonly name: string;
  /** The version of the projection's code that folded it. */
  readonly version: number;
  /** The position of the last event folded into it (0: none). */
  readonly position: number;
  /** The encoded state: JSON-compatible. */
  readonly state: unknown;
}

/**
 * The event log (append-only), with an outbox for sync and saved projection snapshots.
 * Every implementation passes the storage contract suite of `@huiyi/core/testing`.
 *
 * Faults reject with a `StoreError` and leave the log as it was.
 */
export interface EventStore<E extends DomainEvent = DomainEvent> {
  /**
   * Appends a batch atomically: all of it or, on any fault, none. An event whose id is already in
   * the log is a no-op (so a retried batch is harmless).
   *
   * @param events - the batch, in order
   * @param options - whether the new events go to the outbox (default yes)
   * @returns the events written with their positions, and the ids skipped as duplicates
   */
  append(events: readonly NewEvent<E>[], options?: AppendOptions): Promise<AppendResult<E>>;
  /**
   * @param stream - a stream (`room:A`)
   * @returns every event of one stream, in log order
   */
  readStream(stream: string): Promise<readonly StoredEvent<E>[]>;
  /**
   * @param position - the position to read after (0: from the start)
   * @param limit - the most events to return (default: all)
   * @returns the events after a position, in log order
   */
  readAfter(position: number, limit?: number): Promise<readonly StoredEvent<E>[]>;
  /** @returns the position of the last event in the log, or 0 when it is empty */
  lastPosition(): Promise<number>;
  /**
   * @param limit - the most events to return (default: all)
   * @returns the events not yet acknowledged by a server, in log order
   */
  pending(limit?: number): Promise<readonly StoredEvent<E>[]>;
  /**
   * Marks events as acknowledged by a server: they leave the outbox (and stay in the log).
   * Unknown or already acknowledged ids are ignored.
   *
   * @param ids - the events' ids
   * @returns how many left the outbox
   */
  acknowledge(ids: readonly string[]): Promise<number>;
  /**
   * Saves a projection's snapshot, replacing the one of the same name.
   *
   * @param name - the projection's name
   * @param version - the version of its code
   * @param position - the last position folded into it
   * @param state - the encoded state (JSON-compatible)
   */
  saveProjection(name: string, version: number, position: number, state: unknown): Promise<void>;
  /**
   * @param name - the projection's name
   * @returns the saved snapshot, or `undefined` when there is none
   */
  loadProjection(name: string): Promise<ProjectionSnapshot | undefined>;
  /** Closes the store; later calls reject with a `closed` store error. Closing twice is harmless. */
  close(): Promise<void>;
}
