import { validateBatch } from '../store/check-new-event.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ProjectionSnapshot,
} from '../store/event-store.js';
import { StoreError } from '../store/store-error.js';
import type { DomainEvent, NewEvent, StoredEvent } from '../store/stored-event.js';

/** A deep copy through JSON: what goes in comes out equal, and nobody shares it. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
}

/**
 * The in-memory event store: the reference implementation of the storage contract, for tests and
 * for code that needs a log without a browser. Values are copied in and out, as a real store
 * would serialize them.
 */
class MemoryEventStore<E extends DomainEvent> implements EventStore<E> {
  #log: StoredEvent<E>[] = [];
  #ids = new Set<string>();
  /** Pending ids by position, in log order. */
  #outbox = new Map<string, number>();
  #projections = new Map<string, ProjectionSnapshot>();
  #closed = false;

  #open(): void {
    if (this.#closed) throw new StoreError('closed');
  }

  async append(
    events: readonly NewEvent<E>[],
    options: AppendOptions = {},
  ): Promise<AppendResult<E>> {
    this.#open();
    const batch = validateBatch(events) as NewEvent<E>[];
    const appended: StoredEvent<E>[] = [];
    const duplicates: string[] = [];
    const seen = new Set<string>();
    let position = this.#log.at(-1)?.position ?? 0;
    for (const e of batch) {
      if (this.#ids.has(e.id) || seen.has(e.id)) {
        duplicates.push(e.id);
        continue;
      }
      seen.add(e.id);
      position += 1;
      appended.push({ ...copy(e), position });
    }
    for (const e of appended) {
      this.#log.push(e);
      this.#ids.add(e.id);
      if (options.outbox !== false) this.#outbox.set(e.id, e.position);
    }
    return { appended: copy(appended), duplicates };
  }

  async readStream(stream: string): Promise<readonly StoredEvent<E>[]> {
    this.#open();
    return copy(this.#log.filter((e) => e.stream === stream));
  }

  async readAfter(position: number, limit?: number): Promise<readonly StoredEvent<E>[]> {
    this.#open();
    checkLimit(limit);
    const after = this.#log.filter((e) => e.position > position);
    return copy(limit === undefined ? after : after.slice(0, limit));
  }

  async lastPosition(): Promise<number> {
    this.#open();
    return this.#log.at(-1)?.position ?? 0;
  }

  async pending(limit?: number): Promise<readonly StoredEvent<E>[]> {
    this.#open();
    checkLimit(limit);
    const pending = this.#log.filter((e) => this.#outbox.has(e.id));
    return copy(limit === undefined ? pending : pending.slice(0, limit));
  }

  async acknowledge(ids: readonly string[]): Promise<number> {
    this.#open();
    let n = 0;
    for (const id of ids) if (this.#outbox.delete(id)) n += 1;
    return n;
  }

  async saveProjection(
    name: string,
    version: number,
    position: number,
    state: unknown,
  ): Promise<void> {
    this.#open();
    this.#projections.set(name, copy({ name, version, position, state }));
  }

  async loadProjection(name: string): Promise<ProjectionSnapshot | undefined> {
    this.#open();
    const snapshot = this.#projections.get(name);
    return snapshot === undefined ? undefined : copy(snapshot);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

/**
 * Makes an empty in-memory event store. It passes the same contract suite as the IndexedDB store.
 *
 * @returns the store
 * @example
 * const store = createMemoryEventStore();
 * await store.append([{ id: 'e1', stream: 'room:A', type: 'X', data: { type: 'X' }, now: 0, who: 'p', device: 'd' }]);
 * await store.lastPosition() // => 1
 */
export function createMemoryEventStore<E extends DomainEvent = DomainEvent>(): EventStore<E> {
  return new MemoryEventStore<E>();
}
