// A hub for a test file: the real engine on a fresh database (PGlite in memory, or a database of
// its own on the server), the HTTP server over it, rooms A, B (for confidential meetings) and C,
// and credentials.
import { PGlite } from '@electric-sql/pglite';
import { AuthStore, isAuthRefusal } from '../src/auth/auth-store.js';
import type { App } from '../src/http/context.js';
import { adaptEngine, embedded, type HubEngine } from '../src/http/engine.js';
import { buildServer, type ServerOptions } from '../src/http/server.js';
import { openHub } from '../src/hub.js';
import type { Scope } from '../src/principal.js';
import { ADMIN, at, register, room } from '../src/testing/fixtures.test-helpers.js';
import { createServerDatabase } from './databases.js';

/** The hub's clock in the tests: Monday 2026-12-07, 09:00 in Shanghai. */
export const NOW = at(9);

export interface HubFixture {
  readonly kind: 'pglite' | 'postgres';
  readonly hub: HubEngine;
  readonly app: App;
  readonly auth: AuthStore;
  /** The server database's URL (postgres only). */
  readonly url: string | undefined;
  /** Opens another hub process's engine on the same database (postgres only). */
  another(): Promise<HubEngine>;
  /** Enrols a door for a room, returns its token. */
  door(roomId: string): Promise<{ token: string; deviceId: string }>;
  /** Issues an API key with scopes. */
  key(...scopes: Scope[]): Promise<{ key: string; keyId: string }>;
  close(): Promise<void>;
}

export async function openFixture(
  kind: 'pglite' | 'postgres',
  options: ServerOptions = {},
): Promise<HubFixture> {
  const clock = () => NOW;
  let hub: HubEngine;
  let url: string | undefined;
  let drop = async () => undefined as void;
  if (kind === 'pglite') {
    const pglite = await PGlite.create();
    hub = adaptEngine(await openHub({ pglite, clock }), embedded(pglite), clock, () =>
      pglite.close(),
    );
  } else {
    const d = await createServerDatabase();
    url = d.url;
    drop = d.drop;
    hub = adaptEngine(
      await openHub({ databaseUrl: url, clock, poolSize: 5 }),
      { kind: 'server', databaseUrl: url },
      clock,
    );
  }
  const seeded = await hub.push(ADMIN, {
    clientId: 'test-admin',
    clientClock: NOW,
    mutations: ['A', 'B', 'C'].map((id, i) => ({
      id: i + 1,
      command: register(room(id, { confidential: id === 'B' })),
    })),
  });
  if ('refused' in seeded || seeded.results.some((r) => r.status !== 'applied')) {
    throw new Error(`the rooms were not registered: ${JSON.stringify(seeded)}`);
  }
  const app = await buildServer(hub, { clock, ...options });
  const auth = new AuthStore(hub.db);
  const others: HubEngine[] = [];
  return {
    kind,
    hub,
    app,
    auth,
    url,
    async another() {
      if (!url) throw new Error('a second process needs the server');
      const h = adaptEngine(
        await openHub({ databaseUrl: url, clock, poolSize: 5 }),
        { kind: 'server', databaseUrl: url },
        clock,
      );
      others.push(h);
      return h;
    },
    async door(roomId) {
      const { code } = await auth.issueEnrolCode(roomId, NOW);
      const d = await auth.enrol(code, `door ${roomId}`, NOW);
      if (isAuthRefusal(d)) throw new Error(d.message.en);
      return { token: d.deviceToken, deviceId: d.deviceId };
    },
    key: (...scopes) => auth.issueApiKey(`system ${scopes.join(' ')}`, scopes, NOW),
    async close() {
      await app.close();
      for (const o of others) await o.close();
      await hub.close();
      await drop();
    },
  };
}
