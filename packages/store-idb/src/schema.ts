import type { StoredEvent } from '@huiyi/core';

/**
 * One appended batch's events that a server has not yet acknowledged: one record a batch (not one
 * an event), so an append writes a single outbox record.
 */
export interface OutboxRecord {
  /** The batch's first position: the key. */
  readonly position: number;
  /** The positions still waiting, ascending. */
  readonly positions: readonly number[];
}

/**
 * One command taken at the door while it syncs with a hub: the hub's pending queue entry (its id
 * is the client's counter, +1 a command), the door's own decision (the positions of the events it
 * wrote), and, once the hub has answered, what the hub decided.
 */
export interface MutationRecord {
  /** The counter the hub knows it by (1, 2, 3 … for this door); the key. */
  readonly id: number;
  /** The command as the door decided it (JSON: it is sent to the hub as it is). */
  readonly command: unknown;
  /** When the person acted (the command's `now`). */
  readonly at: number;
  /** The positions of the events the door's own decision wrote (the latest, after each rebase). */
  readonly positions: readonly number[];
  /** `pending` until the hub's decision is in the log; then `confirmed` or `refused`. */
  readonly status: 'pending' | 'confirmed' | 'refused';
  /** What the hub answered to a push, before the pull that brings it in (not yet settled). */
  readonly answer?: 'applied' | 'refused';
  /** The ids of the hub's events for it, from the push's answer. */
  readonly hubEvents?: readonly string[];
  /** The hub's rejection (a core `Rejection` as JSON), when it refused the command. */
  readonly rejection?: unknown;
}

/** A door's enrolment with its hub: where the hub is, who the door is to it, its room. */
export interface EnrolmentRecord {
  /** The hub's address (`http://10.0.0.2:4173`). */
  readonly hub: string;
  /** The door's id at the hub: its client id. */
  readonly deviceId: string;
  /** The door's device token (the hub keeps only its hash). */
  readonly token: string;
  readonly room: { readonly id: string; readonly name: string };
  /** When it was enrolled (epoch ms). */
  readonly at: number;
}

/** The sync's own bookkeeping, one record under the key `sync`. */
export interface SyncMetaRecord {
  readonly key: 'sync';
  /** The next command's counter. */
  readonly nextMutationId: number;
  /**
   * The counters the hub knows a command by are its local counter less this (an enrolment as a
   * new client starts the hub's counter again at 1).
   */
  readonly base?: number;
  /** The door's enrolment in force (`undefined`: none, or un-enrolled). */
  readonly enrolment?: EnrolmentRecord;
  /** The hub this log has been enrolled with (set once: from then on the log is a synced one). */
  readonly hub?: string;
  /** The hub no longer accepts the token. */
  readonly revoked?: boolean;
  /** Where the last pull stopped (the hub's opaque cursor); `undefined`: from the start. */
  readonly cursor?: string;
  /** When a pull last reached the hub's end (epoch ms). */
  readonly syncedAt?: number;
  /** The refused commands up to this counter have been looked at by the staff. */
  readonly seen?: number;
}

/** A position of the log whose event no longer counts: the hub decided in its place. */
export interface RetiredRecord {
  readonly position: number;
  /** The command whose decision it was. */
  readonly mutation: number;
}

/** A saved projection: its name, the version of the code that folded it, and its encoded state. */
export interface ProjectionRecord {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly state: unknown;
}

/** A record of the log that did not parse: kept as it was, with why and when it was found. */
export interface QuarantineRecord {
  /** Its position in the log (the record itself stays there, skipped by every read). */
  readonly position: number;
  /** The record as read. */
  readonly record: unknown;
  /** What did not parse: `record.now: an instant …`. */
  readonly reason: string;
  /** When it was found (epoch ms). */
  readonly at: number;
}

/**
 * One setting of the device that runs the store (its id, its room, its language, its PIN's
 * salted hash …): written before the screen confirms it, with the log's durability.
 */
export interface SettingRecord {
  /** The setting's name: the key. */
  readonly key: string;
  /** Its value: any structured-cloneable data. */
  readonly value: unknown;
}

/**
 * The database, as of the current version (one schema, versioned upgrade steps), in the shape of
 * the `idb` library's `DBSchema` (a test may read it through `wrap`):
 * - `events`: the log, keyed by position (auto-increment), ids unique (`by-id`), streams in log
 *   order (`by-stream`, since v2);
 * - `outbox`: per appended batch, the positions of its events not yet acknowledged by a server;
 * - `projections` (since v2): saved projection states by name;
 * - `quarantine` (since v3): records of the log that did not parse;
 * - `settings` (since v4): the device's own settings and identity, by name;
 * - `mutations`, `sync`, `retired` (since v5): the commands a door sends its hub and what the hub
 *   decided, the sync's cursor and counter, and the door's own events the hub's replaced.
 */
export type HuiyiDB = {
  events: {
    key: number;
    value: StoredEvent;
    indexes: { 'by-id': string; 'by-stream': [string, number] };
  };
  outbox: { key: number; value: OutboxRecord };
  projections: { key: string; value: ProjectionRecord };
  quarantine: { key: number; value: QuarantineRecord };
  settings: { key: string; value: SettingRecord };
  mutations: {
    key: number;
    value: MutationRecord;
    indexes: { 'by-status': [string, number] };
  };
  sync: { key: string; value: SyncMetaRecord };
  retired: { key: number; value: RetiredRecord };
};

/** The open database (its stores and records: {@link HuiyiDB}). */
export type HuiyiDatabase = IDBDatabase;

/** The transaction an upgrade runs in. */
export type UpgradeTransaction = IDBTransaction;

/** One upgrade step: what turns the previous version into the next, inside the upgrade. */
export type UpgradeStep = (db: HuiyiDatabase, tx: UpgradeTransaction) => void;

/**
 * The upgrade steps, oldest first: step `i` makes version `i + 1`. Steps are only ever appended;
 * a released step is never edited, so every database written by an earlier version upgrades.
 */
export const UPGRADES: readonly UpgradeStep[] = [
  // v1: the log and the outbox.
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'position', autoIncrement: true });
    events.createIndex('by-id', 'id', { unique: true });
    db.createObjectStore('outbox', { keyPath: 'position' });
  },
  // v2: streams read through an index instead of a scan; saved projections.
  (db, tx) => {
    tx.objectStore('events').createIndex('by-stream', ['stream', 'position']);
    db.createObjectStore('projections', { keyPath: 'name' });
  },
  // v3: a quarantine for records that do not parse.
  (db) => {
    db.createObjectStore('quarantine', { keyPath: 'position' });
  },
  // v4: the device's settings and identity, kept like the log (not in localStorage).
  (db) => {
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v5: the sync with a hub: the pending queue of commands, its bookkeeping, retired positions.
  (db) => {
    const mutations = db.createObjectStore('mutations', { keyPath: 'id' });
    mutations.createIndex('by-status', ['status', 'id']);
    db.createObjectStore('sync', { keyPath: 'key' });
    db.createObjectStore('retired', { keyPath: 'position' });
  },
];

/** The current version of the database: the number of upgrade steps. */
export const SCHEMA_VERSION = UPGRADES.length;

/**
 * Runs the steps from the database's version up to the one asked for.
 *
 * @param db - the database being upgraded
 * @param oldVersion - its version before (0: new)
 * @param newVersion - the version asked for
 * @param tx - the upgrade transaction
 * @returns nothing; the upgrade commits with the transaction
 * @example
 * // inside `upgradeneeded`: upgradeSchema(db, event.oldVersion, SCHEMA_VERSION, tx)
 */
export function upgradeSchema(
  db: HuiyiDatabase,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
): void {
  for (let v = oldVersion; v < newVersion; v++) {
    const step = UPGRADES[v];
    if (step === undefined) throw new RangeError(`no upgrade step to version ${v + 1}`);
    step(db, tx);
  }
}
