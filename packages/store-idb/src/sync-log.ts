import {
  validateBatch,
  type DomainEvent,
  type NewEvent,
  type StoreError,
  type StoredEvent,
} from '@huiyi/core';
import type {
  EnrolmentRecord,
  HuiyiDatabase,
  MutationRecord,
  ProjectionRecord,
  RetiredRecord,
  SyncMetaRecord,
} from './schema.js';
import { addAll, written } from './event-record.js';
import { committed, read, result } from './requests.js';

/** A command taken at the door, as the hub answered a push of it (before the pull that settles it). */
export interface MutationAnswer {
  readonly id: number;
  readonly answer: 'applied' | 'refused';
  /** The ids of the hub's events for it (applied). */
  readonly hubEvents?: readonly string[];
  /** The hub's rejection (refused). */
  readonly rejection?: unknown;
}

/** A command the hub's decision has reached the log for: it is confirmed or refused for good. */
export interface Settlement {
  readonly id: number;
  readonly status: 'confirmed' | 'refused';
  readonly rejection?: unknown;
}

/**
 * One step of a sync, written in one transaction (nothing of it, or all of it, survives a kill):
 * the hub's events appended, the commands the hub decided settled (their door-made events
 * retired), the commands still pending decided again after the hub's events (their earlier events
 * retired, the new ones appended after the hub's), and where the pull stopped.
 */
export interface SyncStep<E extends DomainEvent = DomainEvent> {
  /** The hub's events, in the hub's order; an id already in the log is skipped. */
  readonly events: readonly NewEvent<E>[];
  readonly settle: readonly Settlement[];
  /** Each command still pending, in counter order, with the events its new decision made. */
  readonly rebase: readonly { readonly id: number; readonly events: readonly NewEvent<E>[] }[];
  /** Where the pull stopped (kept with the events, so a kill never skips nor repeats a page). */
  readonly cursor?: string;
  /** When the pull reached the hub's end, if this step did. */
  readonly syncedAt?: number;
}

/** What a step wrote. */
export interface SyncApplied<E extends DomainEvent = DomainEvent> {
  /** The hub's events as written (without the skipped ones). */
  readonly appended: readonly StoredEvent<E>[];
  /** The pending commands' new events, by command. */
  readonly rebased: ReadonlyMap<number, readonly StoredEvent<E>[]>;
  /** The positions retired by this step. */
  readonly retired: readonly number[];
}

/**
 * The door's side of a sync with a hub, kept in the same database as its log: the pending queue
 * of commands (each with the door's own decision), what the hub answered, the cursor, and the
 * events the hub's decisions replaced (retired: kept in the log, skipped by every read).
 */
export interface SyncLog<E extends DomainEvent = DomainEvent> {
  /**
   * Appends a command's events and queues the command for the hub, in one transaction, with the
   * next counter.
   *
   * @param events - the events of the door's decision, then any attachments
   * @param command - the command (JSON)
   * @param decided - how many of `events` are the decision (the rest stay when it is retired)
   * @returns the events as written, and the command's counter
   */
  appendCommand(
    events: readonly NewEvent<E>[],
    command: unknown,
    decided?: number,
  ): Promise<{ readonly appended: readonly StoredEvent<E>[]; readonly mutation: number }>;
  /**
   * Appends the events of several commands decided together (an agreement and the sign-in it
   * allows, an import) and queues each command for the hub with its own counter, in order, all in
   * one transaction: the hub decides each one, as the door did.
   *
   * @param events - each command's events in turn, then any attachments
   * @param commands - the commands in order, each with how many of `events` its decision made
   * @returns the events as written, and the first command's counter
   */
  appendCommands(
    events: readonly NewEvent<E>[],
    commands: readonly { readonly command: unknown; readonly decided: number }[],
  ): Promise<{ readonly appended: readonly StoredEvent<E>[]; readonly mutation: number }>;
  /**
   * @param status - which
   * @returns the commands in that status, by counter
   */
  mutations(status: MutationRecord['status']): Promise<readonly MutationRecord[]>;
  /**
   * Keeps what the hub answered to a push (before its pull): a retry after a kill then knows.
   *
   * @param answers - per command
   */
  answer(answers: readonly MutationAnswer[]): Promise<void>;
  /**
   * @param ids - event ids
   * @returns for each, whether it is in the log
   */
  has(ids: readonly string[]): Promise<readonly boolean[]>;
  /**
   * Writes one step of a sync in one transaction.
   *
   * @param step - the step
   * @returns what it wrote
   */
  apply(step: SyncStep<E>): Promise<SyncApplied<E>>;
  /** @returns the counter, the cursor, the last sync */
  meta(): Promise<SyncMetaRecord>;
  /**
   * Forgets the cursor (the hub asked for a pull from the start); the log and the queue stay.
   */
  resetCursor(): Promise<void>;
  /**
   * Notes that the staff have looked at the refused commands up to a counter.
   *
   * @param upTo - the counter
   */
  seen(upTo: number): Promise<void>;
  /**
   * Keeps an enrolment, in one write. A log never enrolled before (a standalone door) has all its
   * events retired and its saved states dropped: from then on its state is the hub's. Another
   * hub's enrolment starts the pull from the beginning. The hub's counters start again at 1 from
   * the first command still pending.
   *
   * @param enrolment - the hub's answer, with its address
   */
  enrol(enrolment: EnrolmentRecord): Promise<void>;
  /**
   * Forgets the token (un-enrolled) or notes that the hub refused it (revoked); the log, the
   * queue and the hub's address stay, and the door goes on working locally.
   *
   * @param how - which
   */
  disconnect(how: 'unenrolled' | 'revoked'): Promise<void>;
}

const META_KEY = 'sync';

const freshMeta: SyncMetaRecord = { key: META_KEY, nextMutationId: 1 };

/**
 * The sync's bookkeeping, as a transaction on the `sync` store reads it (the store's
 * `syncMeta()` too: a door learns whether it has a hub without the sync log).
 *
 * @param tx - a transaction on the `sync` store
 * @returns the record, or a fresh one
 */
export const metaIn = async (tx: IDBTransaction): Promise<SyncMetaRecord> =>
  ((await result(tx.objectStore('sync').get(META_KEY))) as SyncMetaRecord | undefined) ?? freshMeta;

/**
 * The store's hook for its sync log (`withSyncLog`): the sync log is code a door of its own never
 * runs, so the store holds none until it is attached. A registered symbol, so that a copy of this
 * package in another script (the kiosk's sync client) reaches the same hook.
 */
export const ATTACH_SYNC_LOG: unique symbol = Symbol.for('huiyi.store-idb.attachSyncLog');

/** Makes the sync log over a store's database ({@link idbSyncLog}). */
export type SyncLogMaker = <E extends DomainEvent>(
  db: HuiyiDatabase,
  retired: Set<number>,
  fault: (error: unknown) => StoreError,
  announce: (positions: readonly number[], retiredSome: boolean) => void,
) => SyncLog<E>;

/**
 * The IndexedDB sync log over an open database. `retired` is the store's set of retired
 * positions (its reads skip them); it is updated once a step has committed.
 *
 * @param db - the database
 * @param retired - the positions every read skips
 * @param fault - turns what IndexedDB threw into the store's error
 * @param announce - tells other tabs what a write appended (and whether it retired events)
 * @returns the sync log
 */
export function idbSyncLog<E extends DomainEvent>(
  db: HuiyiDatabase,
  retired: Set<number>,
  fault: (error: unknown) => StoreError,
  announce: (positions: readonly number[], retiredSome: boolean) => void = () => undefined,
): SyncLog<E> {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw fault(error);
    }
  };
  const strict = { durability: 'strict' } as const;
  /** Rewrites the sync record in a strict transaction of its own (`undefined`: no change). */
  const changeMeta = (change: (meta: SyncMetaRecord) => SyncMetaRecord | undefined) =>
    guard(async () => {
      const tx = db.transaction('sync', 'readwrite', strict);
      const done = committed(tx);
      const next = change(await metaIn(tx));
      if (next) tx.objectStore('sync').put(next);
      await done;
    });
  return {
    appendCommand(events, command, decided = events.length) {
      return this.appendCommands(events, [{ command, decided }]);
    },

    appendCommands(events, commands) {
      const batch = validateBatch(events) as NewEvent<E>[];
      return guard(async () => {
        const tx = db.transaction(['events', 'mutations', 'sync'], 'readwrite', strict);
        const done = committed(tx);
        const meta = await metaIn(tx);
        const outcome = await addAll(tx.objectStore('events'), batch);
        const id = meta.nextMutationId;
        tx.objectStore('sync').put({ ...meta, nextMutationId: id + commands.length });
        let from = 0;
        commands.forEach(({ command, decided }, i) => {
          const now = (command as { now?: unknown } | null)?.now;
          const positions = outcome
            .slice(from, from + decided)
            .filter((o): o is number => typeof o === 'number');
          from += decided;
          tx.objectStore('mutations').add({
            id: id + i,
            command,
            at: typeof now === 'number' ? now : 0,
            positions,
            status: 'pending',
          } satisfies MutationRecord);
        });
        await done;
        const appended = written(batch, outcome);
        announce(
          appended.map((e) => e.position),
          false,
        );
        return { appended, mutation: id };
      });
    },

    mutations(status) {
      return guard(() =>
        read(db, 'mutations', (s) =>
          s.index('by-status').getAll(IDBKeyRange.bound([status, 0], [status, Infinity])),
        ),
      );
    },

    answer(answers) {
      if (answers.length === 0) return Promise.resolve();
      return guard(async () => {
        const tx = db.transaction('mutations', 'readwrite', strict);
        const done = committed(tx);
        const store = tx.objectStore('mutations');
        const records: (MutationRecord | undefined)[] = await Promise.all(
          answers.map((a) => result(store.get(a.id))),
        );
        answers.forEach((a, i) => {
          const r = records[i];
          if (r === undefined || r.status !== 'pending') return;
          store.put({
            ...r,
            answer: a.answer,
            ...(a.hubEvents ? { hubEvents: a.hubEvents } : {}),
            ...(a.rejection !== undefined ? { rejection: a.rejection } : {}),
          } satisfies MutationRecord);
        });
        await done;
      });
    },

    has(ids) {
      return guard(async () => {
        const index = db.transaction('events').objectStore('events').index('by-id');
        const keys = await Promise.all(ids.map((id) => result(index.getKey(id))));
        return keys.map((k) => k !== undefined && !retired.has(k as number));
      });
    },

    apply(step) {
      const hub = validateBatch(step.events) as NewEvent<E>[];
      const rebase = step.rebase.map((r) => ({
        id: r.id,
        events: validateBatch(r.events) as NewEvent<E>[],
      }));
      // A step that only appends the hub's events (a catch-up's page, a poke) holds nothing a
      // person did at this door: the hub has it all. Its transaction is still all or nothing, the
      // cursor with the events, but it need not wait for the disk (a power cut loses the step
      // whole, and the next pull brings it again). A step that settles or decides a tap is strict.
      const durability =
        step.settle.length === 0 && rebase.length === 0
          ? ({ durability: 'relaxed' } as const)
          : strict;
      return guard(async () => {
        const tx = db.transaction(
          ['events', 'mutations', 'sync', 'retired', 'projections'],
          'readwrite',
          durability,
        );
        const done = committed(tx);
        const mutations = tx.objectStore('mutations');
        const touched = [...step.settle.map((s) => s.id), ...rebase.map((r) => r.id)];
        const reading = Promise.all([
          Promise.all(
            touched.map((id) => result(mutations.get(id)) as Promise<MutationRecord | undefined>),
          ),
          metaIn(tx),
        ]);
        const raw = tx.objectStore('events');
        // The hub's events first, then each pending command's new decision after them. Asked for
        // at once, with the reads above: a page's writes do not wait for a read's round trip
        // (nothing they write is read).
        const adding = Promise.all([
          addAll(raw, hub),
          addAll(
            raw,
            rebase.flatMap((r) => r.events),
          ),
        ]);
        const [[touchedRecords, meta], [hubOutcome, rebaseOutcome]] = await Promise.all([
          reading,
          adding,
        ]);
        const records = new Map<number, MutationRecord>();
        for (const r of touchedRecords) if (r !== undefined) records.set(r.id, r);
        const retiring: RetiredRecord[] = [];
        for (const s of step.settle) {
          const r = records.get(s.id);
          if (r === undefined || r.status !== 'pending') continue;
          for (const p of r.positions) retiring.push({ position: p, mutation: r.id });
          mutations.put({
            ...r,
            status: s.status,
            ...(s.rejection !== undefined ? { rejection: s.rejection } : {}),
          } satisfies MutationRecord);
        }
        const rebased = new Map<number, StoredEvent<E>[]>();
        let k = 0;
        for (const r of rebase) {
          const events = written(r.events, rebaseOutcome.slice(k, (k += r.events.length)));
          rebased.set(r.id, events);
          const old = records.get(r.id);
          if (old === undefined || old.status !== 'pending') continue;
          for (const p of old.positions) retiring.push({ position: p, mutation: r.id });
          mutations.put({ ...old, positions: events.map((e) => e.position) });
        }
        const retiredStore = tx.objectStore('retired');
        for (const r of retiring) retiredStore.put(r);
        // A saved state that folded a retired event is no longer the log's: fold it again. (Read
        // only then: the whole state's snapshot is large.)
        if (retiring.length > 0) {
          const first = Math.min(...retiring.map((r) => r.position));
          const projections = tx.objectStore('projections');
          const saved: ProjectionRecord[] = await result(projections.getAll());
          for (const p of saved) if (p.position >= first) projections.delete(p.name);
        }
        tx.objectStore('sync').put({
          ...meta,
          ...(step.cursor !== undefined ? { cursor: step.cursor } : {}),
          ...(step.syncedAt !== undefined ? { syncedAt: step.syncedAt } : {}),
        } satisfies SyncMetaRecord);
        await done;
        for (const r of retiring) retired.add(r.position);
        announce(
          [...hubOutcome, ...rebaseOutcome].filter((o): o is number => typeof o === 'number'),
          retiring.length > 0,
        );
        return {
          appended: written(hub, hubOutcome),
          rebased,
          retired: retiring.map((r) => r.position),
        };
      });
    },

    meta() {
      return guard(() => metaIn(db.transaction('sync')));
    },

    resetCursor() {
      return changeMeta(({ cursor, ...rest }) => (cursor === undefined ? undefined : rest));
    },

    enrol(enrolment) {
      return guard(async () => {
        const tx = db.transaction(
          ['events', 'mutations', 'sync', 'retired', 'projections'],
          'readwrite',
          strict,
        );
        const done = committed(tx);
        const meta = await metaIn(tx);
        const pending = await result(
          tx
            .objectStore('mutations')
            .index('by-status')
            .getAllKeys(IDBKeyRange.bound(['pending', 0], ['pending', Infinity])),
        );
        const retiring: number[] = [];
        if (meta.hub === undefined) {
          // A standalone door's log is its own: none of it is the hub's.
          for (const p of await result(tx.objectStore('events').getAllKeys())) {
            if (!retired.has(p as number)) retiring.push(p as number);
          }
          for (const p of retiring) tx.objectStore('retired').put({ position: p, mutation: 0 });
          tx.objectStore('projections').clear();
        }
        const first = (pending[0] as number | undefined) ?? meta.nextMutationId;
        const { cursor, ...rest } = meta;
        tx.objectStore('sync').put({
          ...rest,
          ...(cursor !== undefined && meta.hub === enrolment.hub ? { cursor } : {}),
          base: first - 1,
          enrolment,
          hub: enrolment.hub,
          revoked: false,
        } satisfies SyncMetaRecord);
        await done;
        for (const p of retiring) retired.add(p);
        announce([], retiring.length > 0);
      });
    },

    disconnect(how) {
      return changeMeta((meta) => {
        if (how === 'revoked') return { ...meta, revoked: true };
        const { enrolment, ...rest } = meta;
        return enrolment === undefined ? undefined : { ...rest, revoked: false };
      });
    },

    seen(upTo) {
      return changeMeta((meta) => ((meta.seen ?? 0) < upTo ? { ...meta, seen: upTo } : undefined));
    },
  };
}
