import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';

/** Where the hub keeps its data: a PostgreSQL server, or PGlite in this process. */
export interface DatabaseOptions {
  /** `postgres://…`: use this server. Wins over `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder; omitted: PGlite in memory (tests). */
  readonly dataDir?: string | undefined;
  /** An open PGlite to use as it is (tests start each from a migrated template). */
  readonly pglite?: PGlite | undefined;
  /** Connections in the server pool (default 20). */
  readonly poolSize?: number | undefined;
}

/** An open database: Kysely over it, which engine it is, and how to close it. */
export interface OpenDatabase {
  readonly db: Kysely<unknown>;
  readonly engine: 'postgres' | 'pglite';
  /** Closes the pool or PGlite (PGlite given in `pglite` is left open). */
  close(): Promise<void>;
}

/**
 * Opens the hub's database: `databaseUrl` → a `pg` pool; else PGlite with its data in `dataDir`
 * (or in memory). One Kysely API over both.
 *
 * @param options - where
 * @returns the open database
 * @example
 * const { db, engine } = await openDatabase({ dataDir: './hub-data' }) // engine => 'pglite'
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      idleTimeoutMillis: 10_000,
    });
    // A terminated backend (pg_terminate_backend, a restart) is an error on an idle client:
    // the pool drops that client and the next query takes a new one.
    pool.on('error', () => undefined);
    // The same on a client in use: its query fails (and is retried), the event must not crash us.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const given = options.pglite;
  const pglite =
    given ?? (await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: 'pglite',
    // Kysely's PGlite driver closes PGlite on destroy: a PGlite the caller gave stays open.
    close: async () => {
      if (!given) await db.destroy();
    },
  };
}
