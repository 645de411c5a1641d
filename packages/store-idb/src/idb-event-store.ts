import {
  StoreError,
  checkStoredEvent,
  validateBatch,
  type AppendOptions,
  type AppendResult,
  type DomainEvent,
  type EventStore,
  type NewEvent,
  type ProjectionSnapshot,
  type StoredEvent,
} from '@huiyi/core';
import { addAll, written, type Outcome } from './event-record.js';
import { openAppendChannel, type AppendChannel, type AppendListener } from './append-channel.js';
import { openDatabase } from './open-database.js';
import type {
  HuiyiDatabase,
  OutboxRecord,
  QuarantineRecord,
  SettingRecord,
  SyncMetaRecord,
} from './schema.js';
import { committed, read, result } from './requests.js';
import {
  ATTACH_SYNC_LOG,
  idbSyncLog,
  metaIn,
  type SyncLog,
  type SyncLogMaker,
} from './sync-log.js';
import { toStoreError } from './to-store-error.js';

/** How to open the IndexedDB store. */
export interface IdbStoreOptions {
  /** The database's name (default `huiyi`). */
  readonly name?: string;
  /** Where the databases are (default the page's `indexedDB`; in Node, fake-indexeddb's). */
  readonly factory?: IDBFactory;
  /** Tell other tabs of appends through a BroadcastChannel (default `true`). */
  readonly broadcast?: boolean;
  /** The clock that stamps quarantined records (default `Date.now`). */
  readonly clock?: () => number;
  /**
   * How the writes a confirmation depends on (appends, settings) are committed (default
   * `strict`: on disk before the write resolves, so a power cut loses nothing confirmed; Chromium
   * treats the browser's default as `relaxed`). Saved projections, a cache, are always relaxed.
   */
  readonly durability?: IDBTransactionDurability;
}

/** A listener of faults found outside any call: a quarantined record, a connection closed. */
export type FaultListener = (error: StoreError) => void;

/**
 * The IndexedDB event log without its sync log ({@link openIdbEventLog}): the contract of
 * `EventStore`, plus what only a browser has. {@link withSyncLog} gives it its sync log.
 */
export interface IdbEventLog<E extends DomainEvent = DomainEvent> extends EventStore<E> {
  /** The database's name. */
  readonly name: string;
  /**
   * Listens for appends made by other tabs on the same database.
   *
   * @param listener - called with the positions appended
   * @returns the function that stops listening
   */
  onExternalAppend(listener: AppendListener): () => void;
  /**
   * Listens for faults that no call is waiting on: a record quarantined while reading
   * (`corrupt-record`), the connection closed because another tab upgrades the database
   * (`version-conflict`) or the browser closed it (`closed`).
   *
   * @param listener - called with the typed error
   * @returns the function that stops listening
   */
  onFault(listener: FaultListener): () => void;
  /** @returns the records of the log that did not parse, oldest first */
  quarantined(): Promise<readonly QuarantineRecord[]>;
  /**
   * Reads the device's settings.
   *
   * @returns every setting by name
   */
  readSettings(): Promise<ReadonlyMap<string, unknown>>;
  /**
   * Writes settings in one transaction, with the store's durability: resolved once they are kept.
   *
   * @param values - the settings to write, by name
   */
  writeSettings(values: Readonly<Record<string, unknown>>): Promise<void>;
  /**
   * A setting made once: the one kept, or, when there is none, `make()`'s, written in the same
   * transaction that looked (two tabs starting at once get the same one).
   *
   * @param key - the setting's name
   * @param make - makes the value when none is kept
   * @returns the value kept
   */
  settle(key: string, make: () => unknown): Promise<unknown>;
  /**
   * Reads the sync's record (its counter, cursor, hub and enrolment), without the sync log: a
   * door learns whether it has a hub before it loads the code that syncs.
   *
   * @returns the record (a fresh one when the log has never synced)
   */
  syncMeta(): Promise<SyncMetaRecord>;
}

/**
 * The IndexedDB event store: the event log with the door's sync log ({@link openIdbEventStore}).
 */
export interface IdbEventStore<E extends DomainEvent = DomainEvent> extends IdbEventLog<E> {
  /**
   * The door's sync with a hub, in the same database: its pending commands, what the hub decided,
   * the cursor. Events it retires (the hub decided in their place) stay in the log and every read
   * of this store skips them.
   */
  readonly sync: SyncLog<E>;
}

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
}

const isProjectionRecord = (v: unknown, name: string): v is ProjectionSnapshot => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    r['name'] === name &&
    Number.isInteger(r['version']) &&
    Number.isInteger(r['position']) &&
    (r['position'] as number) >= 0 &&
    'state' in r
  );
};

/** A record read back, parsed or not. */
type Parsed<E extends DomainEvent> =
  { readonly ok: true; readonly event: StoredEvent<E> } | Unparsed;

/** A record that did not parse. */
type Unparsed = {
  readonly ok: false;
  readonly position: number;
  readonly record: unknown;
  readonly reason: string;
};

const positionOf = (record: unknown): number => {
  const p =
    typeof record === 'object' && record !== null
      ? (record as { position?: unknown }).position
      : undefined;
  return typeof p === 'number' ? p : Number.NaN;
};

class IdbStore<E extends DomainEvent> implements IdbEventLog<E> {
  readonly name: string;
  readonly #db: HuiyiDatabase;
  readonly #channel: AppendChannel | undefined;
  readonly #clock: () => number;
  readonly #faults = new Set<FaultListener>();
  readonly #quarantined: Set<number>;
  readonly #retired: Set<number>;
  /** The sync log, once attached ({@link withSyncLog}); no property until then. */
  declare sync?: SyncLog<E>;
  readonly #durability: IDBTransactionDurability;
  #closedBy: StoreError | undefined;

  constructor(
    db: HuiyiDatabase,
    name: string,
    quarantined: readonly number[],
    retired: readonly number[],
    options: IdbStoreOptions,
  ) {
    this.#db = db;
    this.name = name;
    this.#quarantined = new Set(quarantined);
    this.#retired = new Set(retired);
    this.#clock = options.clock ?? Date.now;
    this.#durability = options.durability ?? 'strict';
    this.#channel = options.broadcast === false ? undefined : openAppendChannel(name);
    // Another tab opens a newer version (or deletes the database): let go at once, so its upgrade
    // is not blocked by us, and say so.
    db.addEventListener('versionchange', (event) => {
      this.#shutdown(
        new StoreError('version-conflict', {
          name,
          version: event.oldVersion,
          newVersion: event.newVersion,
        }),
      );
    });
    // The browser closed the connection (storage cleared, disk gone).
    db.addEventListener('close', () => {
      this.#shutdown(new StoreError('closed', { name, reason: 'closed by the browser' }));
    });
  }

  /**
   * Attaches the sync log (once) over this store's database, its retired positions, its faults
   * and its word to other tabs: {@link withSyncLog} calls it.
   */
  [ATTACH_SYNC_LOG](make: SyncLogMaker): IdbEventStore<E> {
    this.sync ??= make<E>(
      this.#db,
      this.#retired,
      (error) => this.#fault(error),
      (positions, retiredSome) => this.#announce(positions, retiredSome),
    );
    return this as IdbEventStore<E>;
  }

  /** Tells other tabs what a write appended (and whether it retired events of the log). */
  #announce(positions: readonly number[], retiredSome = false): void {
    if (positions.length === 0 && !retiredSome) return;
    this.#channel?.post({
      database: this.name,
      from: positions[0] ?? 0,
      to: positions.at(-1) ?? 0,
      count: positions.length,
      ...(retiredSome ? { retired: true } : {}),
    });
  }

  #shutdown(error: StoreError): void {
    if (this.#closedBy !== undefined) return;
    this.#closedBy = error;
    this.#db.close();
    this.#channel?.close();
    this.#emit(error);
  }

  #emit(error: StoreError): void {
    for (const listener of this.#faults) {
      try {
        listener(error);
      } catch {
        // a listener's own failure is not the store's
      }
    }
  }

  #assertOpen(): void {
    if (this.#closedBy !== undefined) throw this.#closedBy;
  }

  #fault(error: unknown): StoreError {
    if (this.#closedBy !== undefined) return this.#closedBy;
    return toStoreError(error);
  }

  /** A call's IndexedDB work: what it throws becomes the store's typed error. */
  async #io<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.#fault(error);
    }
  }

  /** One request in a read-only transaction of its own ({@link read}), through {@link #io}. */
  #read<T>(name: string, ask: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return this.#io(() => read(this.#db, name, ask));
  }

  #parse(record: unknown): Parsed<E> {
    const r = checkStoredEvent(record);
    if (r.ok) return { ok: true, event: r.value as StoredEvent<E> };
    return {
      ok: false,
      position: positionOf(record),
      record,
      reason: `${r.path}: ${r.expected.en}`,
    };
  }

  /** Sorts records into those that parse and those that do not. */
  #split(records: readonly unknown[], good: StoredEvent<E>[], bad: Unparsed[]): void {
    for (const record of records) {
      // An event the hub decided in place of is kept, and read by no one.
      if (this.#retired.size > 0 && this.#retired.has(positionOf(record))) continue;
      const p = this.#parse(record);
      if (p.ok) good.push(p.event);
      else bad.push(p);
    }
  }

  /** Parses records; quarantines those that do not parse (after the read), returns the rest. */
  async #parseAll(records: readonly unknown[]): Promise<StoredEvent<E>[]> {
    const good: StoredEvent<E>[] = [];
    const bad: Unparsed[] = [];
    this.#split(records, good, bad);
    await this.#quarantine(bad);
    return good;
  }

  async #quarantine(bad: readonly Unparsed[]): Promise<void> {
    const fresh = bad.filter((b) => !this.#quarantined.has(b.position));
    if (fresh.length === 0) return;
    for (const b of fresh) this.#quarantined.add(b.position);
    const at = this.#clock();
    try {
      const tx = this.#db.transaction('quarantine', 'readwrite');
      const quarantine = tx.objectStore('quarantine');
      for (const b of fresh)
        quarantine.put({ position: b.position, record: b.record, reason: b.reason, at });
      await committed(tx);
    } catch {
      // The quarantine is a record of what was found; failing to write it loses nothing of the log.
    }
    for (const b of fresh) {
      this.#emit(new StoreError('corrupt-record', { position: b.position, reason: b.reason }));
    }
  }

  async append(
    events: readonly NewEvent<E>[],
    options: AppendOptions = {},
  ): Promise<AppendResult<E>> {
    this.#assertOpen();
    const batch = validateBatch(events) as NewEvent<E>[];
    if (batch.length === 0) return { appended: [], duplicates: [] };
    // An id twice in the batch: the second time is a duplicate, with no request made for it.
    const seen = new Set<string>();
    const fresh = batch.filter((e) => !seen.has(e.id) && seen.add(e.id));
    let tx: IDBTransaction | undefined;
    let outcome: Outcome[];
    try {
      tx = this.#db.transaction(['events', 'outbox'], 'readwrite', {
        durability: this.#durability,
      });
      const done = committed(tx);
      outcome = await addAll(tx.objectStore('events'), fresh);
      // Every position is known now, and the batch's one outbox record is written in the same
      // transaction.
      const positions = outcome.filter((o): o is number => o !== 'dup');
      const first = positions[0];
      if (options.outbox !== false && first !== undefined)
        tx.objectStore('outbox').add({ position: first, positions } satisfies OutboxRecord);
      await done;
    } catch (error) {
      // A request could not be made or failed (the disk is full, the connection is closing):
      // undo all, and report the first cause, not the AbortError that follows it.
      try {
        tx?.abort();
      } catch {
        // already ended
      }
      throw this.#fault(error);
    }
    const appended = written(fresh, outcome);
    const added = new Set(fresh.filter((_, i) => outcome[i] !== 'dup'));
    const duplicates = batch.filter((e) => !added.has(e)).map((e) => e.id);
    this.#announce(appended.map((e) => e.position));
    return { appended, duplicates };
  }

  async readStream(stream: string): Promise<readonly StoredEvent<E>[]> {
    this.#assertOpen();
    const records: unknown[] = await this.#read('events', (s) =>
      s.index('by-stream').getAll(IDBKeyRange.bound([stream, -Infinity], [stream, Infinity])),
    );
    return this.#parseAll(records);
  }

  async readAfter(position: number, limit?: number): Promise<readonly StoredEvent<E>[]> {
    this.#assertOpen();
    checkLimit(limit);
    const out: StoredEvent<E>[] = [];
    let after = position;
    // A page short of quarantined (or retired) records is topped up, so a short page means the end of the log.
    for (;;) {
      const want = limit === undefined ? undefined : limit - out.length;
      const records: unknown[] = await this.#read('events', (s) =>
        s.getAll(IDBKeyRange.lowerBound(after, true), want),
      );
      const good = await this.#parseAll(records);
      out.push(...good);
      if (want === undefined || records.length < want || good.length === records.length) return out;
      after = positionOf(records.at(-1));
      if (Number.isNaN(after)) return out;
    }
  }

  async lastPosition(): Promise<number> {
    this.#assertOpen();
    const cursor = await this.#read('events', (s) => s.openKeyCursor(null, 'prev'));
    return (cursor?.key as number | undefined) ?? 0;
  }

  async pending(limit?: number): Promise<readonly StoredEvent<E>[]> {
    this.#assertOpen();
    checkLimit(limit);
    const good: StoredEvent<E>[] = [];
    const bad: Unparsed[] = [];
    await this.#io(async () => {
      const tx = this.#db.transaction(['events', 'outbox']);
      const done = committed(tx);
      const batches: OutboxRecord[] = await result(tx.objectStore('outbox').getAll());
      const positions = batches.flatMap((b) => b.positions);
      const events = tx.objectStore('events');
      const want = limit ?? positions.length;
      // Read in chunks of what is still wanted; a quarantined record is skipped and topped up.
      for (let i = 0; good.length < want && i < positions.length;) {
        const chunk = positions.slice(i, i + want - good.length);
        i += chunk.length;
        const records = await Promise.all(chunk.map((p) => result(events.get(p))));
        this.#split(
          records.filter((r) => r !== undefined),
          good,
          bad,
        );
      }
      await done;
    });
    await this.#quarantine(bad);
    return good;
  }

  async acknowledge(ids: readonly string[]): Promise<number> {
    this.#assertOpen();
    const unique = [...new Set(ids)].filter((id) => typeof id === 'string');
    if (unique.length === 0) return 0;
    return this.#io(async () => {
      const tx = this.#db.transaction(['events', 'outbox'], 'readwrite');
      const done = committed(tx);
      const byId = tx.objectStore('events').index('by-id');
      const outbox = tx.objectStore('outbox');
      const found = await Promise.all(unique.map((id) => result(byId.getKey(id))));
      const acked = new Set(found.filter((p) => p !== undefined) as number[]);
      let gone = 0;
      if (acked.size > 0) {
        let highest = 0;
        for (const p of acked) if (p > highest) highest = p;
        const batches: OutboxRecord[] = await result(
          outbox.getAll(IDBKeyRange.upperBound(highest)),
        );
        for (const b of batches) {
          const positions = b.positions.filter((p) => !acked.has(p));
          if (positions.length === b.positions.length) continue;
          gone += b.positions.length - positions.length;
          if (positions.length === 0) outbox.delete(b.position);
          else outbox.put({ ...b, positions });
        }
      }
      await done;
      return gone;
    });
  }

  async saveProjection(
    name: string,
    version: number,
    position: number,
    state: unknown,
  ): Promise<void> {
    this.#assertOpen();
    await this.#io(() => {
      const tx = this.#db.transaction('projections', 'readwrite', { durability: 'relaxed' });
      tx.objectStore('projections').put({ name, version, position, state });
      return committed(tx);
    });
  }

  async loadProjection(name: string): Promise<ProjectionSnapshot | undefined> {
    this.#assertOpen();
    const record: unknown = await this.#read('projections', (s) => s.get(name));
    if (record === undefined) return undefined;
    if (isProjectionRecord(record, name)) return record;
    // A snapshot is only a cache of the log: `openProjection` folds it again from the log.
    throw new StoreError('corrupt-record', {
      projection: name,
      reason: 'the snapshot does not parse',
    });
  }

  onExternalAppend(listener: AppendListener): () => void {
    return (
      this.#channel?.subscribe((notice) => {
        // Another tab's sync retired events: read which, then tell (reads skip them from then on).
        if (!notice.retired) return listener(notice);
        void read(this.#db, 'retired', (s) => s.getAllKeys()).then(
          (keys) => {
            for (const k of keys) this.#retired.add(k as number);
            listener(notice);
          },
          () => listener(notice),
        );
      }) ?? (() => false)
    );
  }

  onFault(listener: FaultListener): () => void {
    this.#faults.add(listener);
    return () => this.#faults.delete(listener);
  }

  async quarantined(): Promise<readonly QuarantineRecord[]> {
    this.#assertOpen();
    return this.#read('quarantine', (s) => s.getAll());
  }

  async readSettings(): Promise<ReadonlyMap<string, unknown>> {
    this.#assertOpen();
    const records: SettingRecord[] = await this.#read('settings', (s) => s.getAll());
    return new Map(records.map((r) => [r.key, r.value]));
  }

  async writeSettings(values: Readonly<Record<string, unknown>>): Promise<void> {
    this.#assertOpen();
    await this.#io(() => {
      const tx = this.#db.transaction('settings', 'readwrite', { durability: this.#durability });
      const settings = tx.objectStore('settings');
      for (const [key, value] of Object.entries(values)) settings.put({ key, value });
      return committed(tx);
    });
  }

  async settle(key: string, make: () => unknown): Promise<unknown> {
    this.#assertOpen();
    return this.#io(async () => {
      // One read-write transaction looks and writes: another tab's waits for it, then finds it.
      const tx = this.#db.transaction('settings', 'readwrite', { durability: this.#durability });
      const done = committed(tx);
      const settings = tx.objectStore('settings');
      const found: SettingRecord | undefined = await result(settings.get(key));
      let value = found?.value;
      if (found === undefined) {
        value = make();
        settings.add({ key, value });
      }
      await done;
      return value;
    });
  }

  async syncMeta(): Promise<SyncMetaRecord> {
    this.#assertOpen();
    return this.#io(() => metaIn(this.#db.transaction('sync')));
  }

  async close(): Promise<void> {
    if (this.#closedBy !== undefined) {
      if (this.#closedBy.kind !== 'closed') this.#closedBy = new StoreError('closed');
      return;
    }
    this.#closedBy = new StoreError('closed');
    this.#db.close();
    this.#channel?.close();
  }
}

/**
 * Opens the event log in IndexedDB, creating or upgrading the database to the current schema,
 * without its sync log: what a door of its own needs, and all a bundle that never syncs holds
 * ({@link withSyncLog} adds the sync log later). {@link openIdbEventStore} opens it with it.
 *
 * @param options - the database's name, the `IDBFactory`, whether to broadcast appends, the clock
 * @returns the store
 * @throws StoreError `unavailable` without IndexedDB, `blocked` when another tab holding an older
 *   version keeps the upgrade waiting, `version-conflict` when the database is from newer code
 * @example
 * const store = await openIdbEventLog({ name: 'huiyi' });
 * const { appended } = await store.append([checkedIn]);
 * appended[0].position // => 1
 */
export async function openIdbEventLog<E extends DomainEvent = DomainEvent>(
  options: IdbStoreOptions = {},
): Promise<IdbEventLog<E>> {
  const name = options.name ?? 'huiyi';
  const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (factory === undefined) throw new StoreError('unavailable', { name });
  const db = await openDatabase(factory, name);
  let quarantined: number[];
  let retired: number[];
  try {
    // Together: a door's start waits for both before it reads anything else.
    [quarantined, retired] = (await Promise.all([
      read(db, 'quarantine', (s) => s.getAllKeys()),
      read(db, 'retired', (s) => s.getAllKeys()),
    ])) as [number[], number[]];
  } catch (error) {
    db.close();
    throw toStoreError(error);
  }
  return new IdbStore<E>(db, name, quarantined, retired, options);
}

/**
 * Opens the event log in IndexedDB with the door's sync log ({@link openIdbEventLog}, then
 * {@link withSyncLog}).
 *
 * @param options - the database's name, the `IDBFactory`, whether to broadcast appends, the clock
 * @returns the store, its sync log at `sync`
 * @throws StoreError as {@link openIdbEventLog}
 * @example
 * const store = await openIdbEventStore({ name: 'huiyi' });
 * await store.sync.meta(); // => { key: 'sync', nextMutationId: 1 }
 */
export async function openIdbEventStore<E extends DomainEvent = DomainEvent>(
  options: IdbStoreOptions = {},
): Promise<IdbEventStore<E>> {
  return withSyncLog(await openIdbEventLog<E>(options));
}

/**
 * Gives a log opened by {@link openIdbEventLog} its sync log, at `sync` (the same object; once:
 * a second call finds it there).
 *
 * @param log - the open log
 * @returns the same log, with its sync log
 * @example
 * const store = withSyncLog(await openIdbEventLog({ name: 'huiyi' }));
 */
export function withSyncLog<E extends DomainEvent>(log: IdbEventLog<E>): IdbEventStore<E> {
  return (log as IdbStore<E>)[ATTACH_SYNC_LOG](idbSyncLog);
}
