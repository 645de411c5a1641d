// `npm run bench`: every package's benchmarks (packages/*/bench/run.mjs), one package after another,
// each against its anchors. Arguments pass through: a name filter, and --json, which prints one
// JSON array of { name, anchor, ratio, target, ok } over all packages. The store's benchmarks run
// in Chromium (real IndexedDB); without a browser they are skipped, and said so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const needsBrowser = new Set(['store-idb']);

const packages = readdirSync(join(root, 'packages'))
  .filter((p) => existsSync(join(root, 'packages', p, 'bench', 'run.mjs')))
  .sort((a, b) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)));

const rows = [];
let status = 0;
for (const pkg of packages) {
  if (needsBrowser.has(pkg) && !findChrome()) {
    console.error(`${pkg}: benchmarks skipped, they need Chrome or Chromium (set CHROME_PATH)`);
    continue;
  }
  const r = spawnSync(
    process.execPath,
    [join(root, 'packages', pkg, 'bench', 'run.mjs'), ...args],
    {
      cwd: root,
      stdio: json ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) {
    console.error(`${pkg}: benchmarks failed (exit ${r.status ?? r.signal})`);
    status = 1;
    continue;
  }
  if (json) rows.push(...JSON.parse(r.stdout));
}
if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
process.exit(status);
