// The hub's suites run on both engines: PGlite in this process and the PostgreSQL server at
// 127.0.0.1:5432. Each test file gets its own database (PGlite: one migrated instance; server:
// `hub_<random>`, dropped after), emptied before each test.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase, type DatabaseOptions } from '../db/open-database.js';
import { openHub, type Hub, type HubOptions } from '../hub.js';
import type { HubCommand, HubEvent } from '../hub-decider.js';

/** The server the suites use; `HUB_TEST_PG_URL` overrides it (a URL to its maintenance database). */
export const ADMIN_URL =
  process.env['HUB_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A URL for another database on the same server. */
export const urlFor = (database: string): string => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Runs one statement on the maintenance database. */
export async function adminQuery(text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

let reachable: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL server answers. When it does not, the server variant of a suite is
 * skipped with a printed line, unless `HUB_REQUIRE_POSTGRES=1` (CI), which makes it fail.
 */
export function postgresReachable(): Promise<boolean> {
  reachable ??= adminQuery('select 1').then(
    () => true,
    () => false,
  );
  return reachable;
}

/** One engine under test: opens hubs on this file's database, empties it between tests. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** Whether it can run here. */
  readonly available: boolean;
  /** Creates and migrates this file's database. */
  setup(): Promise<void>;
  /** Empties every table (between tests). */
  reset(): Promise<void>;
  /** Opens a hub on the database (close it yourself). */
  open<C extends HubCommand, E extends HubEvent, S>(options?: HubOptions<C, E, S>): Promise<Hub>;
  /** Drops the database / closes PGlite. */
  teardown(): Promise<void>;
  /** The server database's URL (postgres only). */
  readonly url: string | undefined;
  /** Another, empty database on the same engine (a restore's target); drop it after. */
  emptyDatabase(): Promise<{ readonly options: DatabaseOptions; drop(): Promise<void> }>;
}

const TABLES =
  'hub_events, hub_rooms, hub_clients, hub_mutations, hub_pending, rm_rooms, rm_bookings, rm_meetings, rm_actions';

const truncate = `truncate ${TABLES} restart identity`;

function pgliteBackend(): Backend {
  let pglite: PGlite | undefined;
  return {
    name: 'pglite',
    available: true,
    url: undefined,
    async setup() {
      pglite = await PGlite.create();
      const d = await openDatabase({ pglite });
      await migrateToLatest(d.db);
      await d.close();
    },
    async reset() {
      await (pglite as PGlite).exec(truncate);
    },
    open: (options) => openHub({ ...options, pglite: pglite as PGlite }),
    async teardown() {
      await pglite?.close();
    },
    async emptyDatabase() {
      const other = await PGlite.create();
      return { options: { pglite: other }, drop: () => other.close() };
    },
  };
}

function postgresBackend(available: boolean, file: string): Backend {
  const name = `hub_${Math.random().toString(36).slice(2, 10)}`;
  const url = urlFor(name);
  return {
    name: 'postgres',
    available,
    url,
    async setup() {
      await adminQuery(`create database ${name}`);
      const d = await openDatabase({ databaseUrl: url, poolSize: 2 });
      await migrateToLatest(d.db);
      await d.close();
    },
    async reset() {
      const d = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await sql.raw(truncate).execute(d.db);
      await d.close();
    },
    open: (options) => openHub({ poolSize: 20, ...options, databaseUrl: url }),
    async emptyDatabase() {
      const other = `${name}_r${Math.random().toString(36).slice(2, 6)}`;
      await adminQuery(`create database ${other}`);
      return {
        options: { databaseUrl: urlFor(other), poolSize: 4 },
        drop: async () => {
          await adminQuery(`drop database if exists ${other} with (force)`);
        },
      };
    },
    async teardown() {
      await adminQuery(`drop database if exists ${name} with (force)`).catch((e: unknown) => {
        console.log(`hub: could not drop ${name} for ${file}: ${String(e)}`);
      });
    },
  };
}

/**
 * The engines a suite runs on: PGlite always, the server when it answers. Prints which variant
 * could not run; throws when `HUB_REQUIRE_POSTGRES=1` and the server does not answer.
 *
 * @param file - the suite's name, for the printed line
 * @returns the backends
 */
export async function backends(file: string): Promise<Backend[]> {
  const up = await postgresReachable();
  if (!up) {
    const line = `hub: PostgreSQL at ${new URL(ADMIN_URL).host} is unreachable: the postgres variant of ${file} did not run`;
    if (process.env['HUB_REQUIRE_POSTGRES'] === '1')
      throw new Error(`${line} (HUB_REQUIRE_POSTGRES=1)`);
    console.log(line);
  }
  return [pgliteBackend(), postgresBackend(up, file)];
}
