// A hub for a test file: a database (PGlite or the server), the engine over it, the HTTP server,
// and credentials: a door of room A, a door of room B, and API keys.
import { AuthStore, isAuthRefusal } from '../src/auth/auth-store.js';
import type { App } from '../src/http/context.js';
import type { HubEngine } from '../src/http/engine.js';
import { buildServer, type ServerOptions } from '../src/http/server.js';
import { openTestDatabase, type TestDatabase } from './databases.js';
import { interimEngine } from './interim-engine.js';

export interface HubFixture {
  readonly t: TestDatabase;
  readonly hub: HubEngine;
  readonly app: App;
  readonly auth: AuthStore;
  /** Enrols a door for a room, returns its token. */
  door(roomId: string): Promise<{ token: string; deviceId: string }>;
  /** Issues an API key with scopes, returns it. */
  key(...scopes: string[]): Promise<{ key: string; keyId: string }>;
  close(): Promise<void>;
}

export async function openFixture(
  kind: 'pglite' | 'postgres',
  options: ServerOptions = {},
): Promise<HubFixture> {
  const t = await openTestDatabase(kind);
  const hub = interimEngine(t);
  const app = await buildServer(hub, options);
  const auth = new AuthStore(t.db);
  return {
    t,
    hub,
    app,
    auth,
    async door(roomId) {
      const { code } = await auth.issueEnrolCode(roomId, Date.now());
      const d = await auth.enrol(code, `door ${roomId}`, Date.now());
      if (isAuthRefusal(d)) throw new Error(d.message.en);
      return { token: d.deviceToken, deviceId: d.deviceId };
    },
    key: (...scopes) => auth.issueApiKey(`system ${scopes.join(' ')}`, scopes, Date.now()),
    async close() {
      await app.close();
      await hub.close();
      await t.close();
    },
  };
}
