// `npm start`: the hub with the demo dealership (laid out once), the built door kiosk and the API
// on http://127.0.0.1:4173, each room's door at /door/<roomId>. Embedded PGlite in
// packages/hub/.data/ by default; DATABASE_URL for a PostgreSQL server.
import { AuthStore } from './auth/auth-store.js';
import { whereFromEnv } from './cli/data-dir.js';
import { serve } from './cli/serve.js';

/** The name of the demo's API key. */
const DEMO_KEY_NAME = 'demo dealer system';
const port = Number(process.env['PORT'] ?? 4173);
const where = whereFromEnv();
const running = await serve({ where, port, demo: true });
const rooms = await running.hub.rooms();
// The demo's dealer system: a key issued at each start (the last start's is revoked), printed so
// that the API can be tried at once. A real key comes from `npm run hub -- api-key`.
const auth = new AuthStore(running.hub.db);
await auth.revokeKeysNamed(DEMO_KEY_NAME, Date.now());
const { key } = await auth.issueApiKey(DEMO_KEY_NAME, ['act', 'read'], Date.now());
const url = running.url;
const data =
  where.databaseUrl !== undefined ? 'PostgreSQL, DATABASE_URL' : `PGlite, ${where.dataDir ?? ''}`;
console.log(
  [
    '',
    `Huiyi hub: ${url}  (${data}${running.seeded ? '; the demo dealership was laid out now' : ''})`,
    `  API:      ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.json)`,
    `  Kiosk:    ${url}/  (English: ${url}/?lang=en)`,
    ...rooms.map((r) => `  Door:     ${url}/door/${r.id}  ${r.name}`),
    `  Demo key: ${key}  (scopes act, read; a new one each start)`,
    'Settings on a door are behind the admin PIN 2468. Ctrl+C stops it.',
  ].join('\n'),
);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
