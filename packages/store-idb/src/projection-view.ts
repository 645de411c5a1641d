import {
  isStoreError,
  type DomainEvent,
  type EventStore,
  type ProjectionSnapshot,
} from '@huiyi/core';
import type { Projection } from './projection.js';

/** Why a projection was folded again from the start of the log when it was opened. */
export type RebuildReason = 'missing' | 'version' | 'corrupt' | 'ahead';

/** A projection kept up to date with a store: its state, and the means to catch up or rebuild. */
export interface ProjectionView<S> {
  /** The current state. */
  readonly state: S;
  /** The position of the last event folded into it (0: none). */
  readonly position: number;
  /** Why it was rebuilt on opening, or `undefined` when it came from its snapshot. */
  readonly rebuiltBecause: RebuildReason | undefined;
  /**
   * Folds the events appended since (this tab's or another's), saving a snapshot now and then.
   *
   * @returns the new state
   */
  refresh(): Promise<S>;
  /**
   * Folds the whole log again from the initial state, and saves it.
   *
   * @returns the new state
   */
  rebuild(): Promise<S>;
  /** Saves the current state as the projection's snapshot. */
  save(): Promise<void>;
}

/** How a view reads and saves. */
export interface ProjectionViewOptions {
  /** Events read per request while catching up (default 1,000). */
  readonly pageSize?: number;
  /** Save a snapshot once this many events were folded since the last one (default 100). */
  readonly saveEvery?: number;
}

/** The snapshot's state if it is usable, or why it is not. */
async function loadSnapshot<S, E extends DomainEvent>(
  store: EventStore<E>,
  projection: Projection<S, E>,
): Promise<{ readonly state: S; readonly position: number } | RebuildReason> {
  let snapshot: ProjectionSnapshot | undefined;
  try {
    snapshot = await store.loadProjection(projection.name);
  } catch (error) {
    if (isStoreError(error, 'corrupt-record')) return 'corrupt';
    throw error;
  }
  if (snapshot === undefined) return 'missing';
  if (snapshot.version !== projection.version) return 'version';
  let state: S | undefined;
  try {
    state = projection.decode(snapshot.state);
  } catch {
    state = undefined;
  }
  if (state === undefined) return 'corrupt';
  if (snapshot.position > (await store.lastPosition())) return 'ahead';
  return { state, position: snapshot.position };
}

/**
 * Opens a projection over a store: loads its snapshot, folds only the events after it, and
 * rebuilds from the log when there is no usable snapshot (none, another version of the code, one
 * that does not parse or decode, or one ahead of the log).
 *
 * @param store - the event store
 * @param projection - the projection
 * @param options - page size and how often to save
 * @returns the view, caught up with the log
 * @example
 * const view = await openProjection(store, bookingProjection);
 * todaysBookings(view.state, 'A', now) // => the bookings on the door's screen
 */
export async function openProjection<S, E extends DomainEvent>(
  store: EventStore<E>,
  projection: Projection<S, E>,
  options: ProjectionViewOptions = {},
): Promise<ProjectionView<S>> {
  const pageSize = options.pageSize ?? 1000;
  const saveEvery = options.saveEvery ?? 100;
  let state = projection.initial;
  let position = 0;
  let unsaved = 0;

  const save = async (): Promise<void> => {
    await store.saveProjection(
      projection.name,
      projection.version,
      position,
      projection.encode(state),
    );
    unsaved = 0;
  };

  const catchUp = async (): Promise<void> => {
    for (;;) {
      const page = await store.readAfter(position, pageSize);
      const last = page.at(-1);
      if (last === undefined) break;
      state = projection.fold(state, page);
      position = last.position;
      unsaved += page.length;
      if (page.length < pageSize) break;
    }
  };

  const rebuild = async (): Promise<S> => {
    state = projection.initial;
    position = 0;
    await catchUp();
    await save();
    return state;
  };

  const loaded = await loadSnapshot(store, projection);
  const rebuiltBecause = typeof loaded === 'string' ? loaded : undefined;
  if (typeof loaded === 'string') await rebuild();
  else {
    state = loaded.state;
    position = loaded.position;
    await catchUp();
    if (unsaved >= saveEvery) await save();
  }

  // One refresh or rebuild at a time, in the order asked.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    get state() {
      return state;
    },
    get position() {
      return position;
    },
    rebuiltBecause,
    refresh: () =>
      serial(async () => {
        await catchUp();
        if (unsaved >= saveEvery) await save();
        return state;
      }),
    rebuild: () => serial(rebuild),
    save: () => serial(save),
  };
}
