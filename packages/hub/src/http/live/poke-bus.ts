// The live channel's bus across hub processes: after a commit, one coalesced NOTIFY (outside the
// command's transaction: NOTIFY takes a global lock at commit); every process LISTENs on one
// dedicated connection and hands each poke to its Server-Sent Events subscribers.
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Committed, ListenSource } from '../engine.js';

/** The PostgreSQL channel the hub's pokes travel on. */
export const POKE_CHANNEL = 'huiyi_poke';

/** A poke: which rooms changed, and whether what every door reads (directory, policy) did. */
export interface Poke {
  readonly rooms: readonly string[];
  readonly everyone: boolean;
}

/** NOTIFY's payload must stay under 8000 bytes: past this, one poke for everyone instead. */
const MAX_PAYLOAD = 7000;

/** Options of the bus. */
export interface PokeBusOptions {
  /** Commits within this many ms become one NOTIFY (default 5). */
  readonly coalesceMs?: number;
  /** Where failures to notify or listen are told. */
  readonly log?: (message: string, err?: unknown) => void;
}

/** Pokes out (NOTIFY, coalesced) and in (LISTEN on one dedicated connection). */
export class PokeBus {
  readonly #db: Kysely<unknown>;
  readonly #source: ListenSource;
  readonly #coalesceMs: number;
  readonly #log: (message: string, err?: unknown) => void;
  readonly #subscribers = new Set<(p: Poke) => void>();
  #pendingRooms = new Set<string>();
  #pendingEveryone = false;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #client: pg.Client | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  /**
   * @param db - the hub's database (NOTIFY goes through it, outside any transaction)
   * @param source - where to LISTEN
   * @param options - coalescing and logging
   */
  constructor(db: Kysely<unknown>, source: ListenSource, options: PokeBusOptions = {}) {
    this.#db = db;
    this.#source = source;
    this.#coalesceMs = options.coalesceMs ?? 5;
    this.#log = options.log ?? (() => undefined);
  }

  /**
   * Starts listening.
   *
   * @returns when the LISTEN is in place
   */
  async start(): Promise<void> {
    if (this.#source.kind === 'embedded') {
      this.#unlisten = await this.#source.listen(POKE_CHANNEL, (payload) => this.#receive(payload));
      return;
    }
    await this.#connect(this.#source.databaseUrl);
  }

  async #connect(databaseUrl: string): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel === POKE_CHANNEL && msg.payload !== undefined) this.#receive(msg.payload);
    });
    const lost = (err?: unknown) => {
      if (this.#client !== client || this.#closed) return;
      this.#log('live: the LISTEN connection was lost; reconnecting', err);
      this.#client = undefined;
      client.end().catch(() => undefined);
      this.#retry = setTimeout(() => {
        this.#connect(databaseUrl)
          // Pokes may have been missed while away: every client pulls once.
          .then(() => this.#emit({ rooms: [], everyone: true }))
          .catch((e: unknown) => lost(e));
      }, 500);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.#client = client;
    await client.connect();
    await client.query(`LISTEN ${POKE_CHANNEL}`);
  }

  #receive(payload: string): void {
    try {
      const p = JSON.parse(payload) as { rooms?: unknown; everyone?: unknown };
      const rooms = Array.isArray(p.rooms) ? p.rooms.filter((r) => typeof r === 'string') : [];
      this.#emit({ rooms, everyone: p.everyone === true });
    } catch (err) {
      this.#log('live: a poke that is not JSON was ignored', err);
    }
  }

  #emit(poke: Poke): void {
    for (const s of this.#subscribers) s(poke);
  }

  /**
   * Schedules a poke for what was committed: commits within the coalescing window share one NOTIFY.
   *
   * @param committed - the rooms and whether every door's shared data changed
   */
  send(committed: Committed): void {
    if (this.#closed) return;
    for (const r of committed.rooms) this.#pendingRooms.add(r);
    if (committed.everyone) this.#pendingEveryone = true;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#flushing.then(() => this.#flush());
    }, this.#coalesceMs);
  }

  async #flush(): Promise<void> {
    let poke: Poke = { rooms: [...this.#pendingRooms].sort(), everyone: this.#pendingEveryone };
    this.#pendingRooms = new Set();
    this.#pendingEveryone = false;
    let payload = JSON.stringify(poke);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      poke = { rooms: [], everyone: true };
      payload = JSON.stringify(poke);
    }
    try {
      await sql`select pg_notify(${POKE_CHANNEL}, ${payload})`.execute(this.#db);
    } catch (err) {
      this.#log('live: NOTIFY failed; clients catch up on their next pull', err);
    }
  }

  /**
   * Subscribes to pokes from every hub process on the database.
   *
   * @param fn - called with each poke
   * @returns a function that unsubscribes
   */
  subscribe(fn: (p: Poke) => void): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }

  /**
   * Sends what is pending and stops listening.
   *
   * @returns when done
   */
  async close(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#flushing = this.#flushing.then(() => this.#flush());
    }
    await this.#flushing;
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#subscribers.clear();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
    await this.#unlisten?.();
  }
}
