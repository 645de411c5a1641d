// A fresh database per test file, on PGlite (in memory) or on the PostgreSQL server at
// 127.0.0.1:5432 (a database of its own, dropped after). HUB_REQUIRE_POSTGRES=1 makes a missing
// server fail instead of skip.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import * as auth0200 from '../src/db/migrations/0200-auth.js';
import type { ListenSource } from '../src/http/engine.js';

/** The server the tests use. */
export const SERVER = process.env['HUB_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432';

/** Whether the PostgreSQL server answers (or a failure when it must). */
export async function serverAvailable(): Promise<boolean> {
  const c = new pg.Client({
    connectionString: `${SERVER}/postgres`,
    connectionTimeoutMillis: 2000,
  });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch (err) {
    if (process.env['HUB_REQUIRE_POSTGRES'] === '1') throw err;
    return false;
  }
}

/** A database for a test file. */
export interface TestDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<unknown>;
  readonly listen: ListenSource;
  /** The server's URL for this database (PostgreSQL only). */
  readonly url?: string;
  close(): Promise<void>;
}

/** Creates a database on the server, named after this branch. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hub_http_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: `${SERVER}/${name}`,
    drop: async () => {
      const a = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Opens a fresh, migrated database of the kind asked. */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create();
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    await auth0200.up(db);
    return {
      kind,
      db,
      listen: {
        kind: 'embedded',
        listen: async (channel, cb) => {
          const un = await pglite.listen(channel, cb);
          return () => un();
        },
      },
      close: async () => {
        await db.destroy();
      },
    };
  }
  const { url, drop } = await createServerDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle connection ended by the drop below is no failure of the test.
  pool.on('error', () => undefined);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await auth0200.up(db);
  return {
    kind,
    db,
    url,
    listen: { kind: 'server', databaseUrl: url },
    close: async () => {
      await db.destroy();
      await drop();
    },
  };
}
