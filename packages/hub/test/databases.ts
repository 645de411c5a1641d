// A fresh database per test file, on PGlite (in memory) or on the PostgreSQL server at
// 127.0.0.1:5432 (a database of its own, `hub_http_…`, dropped after). HUB_REQUIRE_POSTGRES=1
// makes a missing server fail instead of skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the tests use (its maintenance database). */
export const ADMIN_URL =
  process.env['HUB_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL server answers; when it must (`HUB_REQUIRE_POSTGRES=1`) and does not,
 * this fails.
 */
export async function serverAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      return false;
    }
  })();
  const up = await reachable;
  if (!up && process.env['HUB_REQUIRE_POSTGRES'] === '1') {
    throw new Error(
      `PostgreSQL at ${new URL(ADMIN_URL).host} is unreachable (HUB_REQUIRE_POSTGRES=1)`,
    );
  }
  if (!up) console.log(`hub-http: PostgreSQL is unreachable: the server variants did not run`);
  return up;
}

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Creates a database on the server, named after this branch; `drop` removes it. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hub_http_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
