// `npm run bench`: every package's benchmarks (packages/*/bench/run.mjs, then the kiosk's,
// kiosk/bench/run.mjs), one after another, each against its anchors. Arguments pass through: a
// name filter, and --json, which prints one JSON array of { name, anchor, ratio, target, ok } over
// all of them. An argument that names a package (core, store-idb, kiosk) runs only that one. The
// store's and the kiosk's benchmarks run in Chromium (real IndexedDB, the built app); without a
// browser they are skipped, and said so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const needsBrowser = new Set(['store-idb', 'kiosk', 'kiosk-sync']);

const suites = [
  ...readdirSync(join(root, 'packages'))
    .filter((p) => existsSync(join(root, 'packages', p, 'bench', 'run.mjs')))
    .sort((a, b) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)))
    .map((name) => ({ name, script: join(root, 'packages', name, 'bench', 'run.mjs') })),
  { name: 'kiosk', script: join(root, 'kiosk', 'bench', 'run.mjs') },
  // The door's catch-up from the real hub (PGlite): the hub's own runner must be built.
  { name: 'kiosk-sync', script: join(root, 'kiosk', 'bench', 'catch-up.mjs') },
].filter((s) => existsSync(s.script));

const named = args.filter((a) => suites.some((s) => s.name === a));
const passed = args.filter((a) => !named.includes(a));
const selected = named.length > 0 ? suites.filter((s) => named.includes(s.name)) : suites;

const rows = [];
let status = 0;
for (const { name, script } of selected) {
  if (needsBrowser.has(name) && !findChrome()) {
    console.error(`${name}: benchmarks skipped, they need Chrome or Chromium (set CHROME_PATH)`);
    continue;
  }
  const r = spawnSync(process.execPath, [script, ...passed], {
    cwd: root,
    stdio: json ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`${name}: benchmarks failed (exit ${r.status ?? r.signal})`);
    status = 1;
    continue;
  }
  if (json) rows.push(...JSON.parse(r.stdout));
}
if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
process.exit(status);
