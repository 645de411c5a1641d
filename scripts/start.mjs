// `npm start`: builds what is missing or older than its sources (the TypeScript packages and the
// door kiosk), then runs the hub: the demo dealership (laid out on first start), the built kiosk
// and the API on http://127.0.0.1:4173, each room's door at /door/<roomId>, until Ctrl+C.
// Embedded PGlite in packages/hub/.data/ by default; DATABASE_URL runs it on a PostgreSQL server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kiosk = join(root, 'kiosk');
const builtKiosk = join(kiosk, 'dist', 'index.html');
const hubMain = join(root, 'packages', 'hub', 'dist', 'main.js');
// tsc -b rewrites the build info of every project it checks, not always its outputs.
const builtHub = join(root, 'packages', 'hub', 'dist', '.tsbuildinfo');

/** The newest modification time under a folder (sources only). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(
  newest(join(kiosk, 'src')),
  newest(join(root, 'packages', 'core', 'src')),
  newest(join(root, 'packages', 'store-idb', 'src')),
  newest(join(root, 'packages', 'hub', 'src')),
);
const stale = (file) => !existsSync(file) || statSync(file).mtimeMs < sources;
if (stale(builtKiosk) || stale(builtHub)) {
  console.log('Building the hub and the kiosk …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--loglevel=warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The hub in a process of its own: Ctrl+C reaches it, and it closes its database before it ends.
const hub = spawn(process.execPath, [hubMain], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
