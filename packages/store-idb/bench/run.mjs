// Runs the store's benchmarks in Chromium against real IndexedDB and prints a table, or with
// --json only a JSON array of { name, anchor, ratio, target, ok } (like packages/core/bench/run.mjs).
//
// bench/browser.bench.ts is bundled with esbuild, served on 127.0.0.1 (IndexedDB needs an origin)
// and opened in headless Chromium through puppeteer-core; the page measures and leaves its rows in
// `window.__bench`. `ratio` is the anchor's median time over ours; a case is ok when
// ratio >= target ("at most 1.3x the cost of X" is X as the anchor and target 1 / 1.3).
// An argument that is not a flag keeps only the benchmarks whose name contains it.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { formatMs, printBenchRows } from '../../../scripts/bench-report.mjs';
import { CHROMIUM_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const log = json ? () => {} : (...a) => console.error(...a);

const executablePath = findChrome();
if (!executablePath) {
  console.error('The store benchmarks need Chrome or Chromium (set CHROME_PATH); none found.');
  process.exit(1);
}

const bundle = await build({
  entryPoints: [join(here, 'browser.bench.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text;
const page =
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/bench.js"></script>';

// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs.
const isolated = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/bench.js') {
    res
      .writeHead(200, { ...isolated, 'content-type': 'text/javascript; charset=utf-8' })
      .end(script);
  } else if (path === '/') {
    res.writeHead(200, { ...isolated, 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
let result;
try {
  const tab = await browser.newPage();
  tab.on('console', (m) => log(m.text()));
  tab.on('pageerror', (e) => log(String(e)));
  await tab.goto(`http://127.0.0.1:${port}/?filter=${encodeURIComponent(filter)}`);
  // These functions run in the page, where `globalThis` is its window.
  await tab.waitForFunction(() => globalThis.__bench?.done, { timeout: 600_000, polling: 200 });
  result = await tab.evaluate(() => globalThis.__bench);
} finally {
  await browser.close();
  server.close();
}

if (result.error) {
  console.error(`the benchmark page failed: ${result.error}`);
  process.exit(1);
}
const rows = result.rows;
printBenchRows(
  rows.map((r) => ({ ...r, ours: formatMs(r.oursMs), anchorText: formatMs(r.anchorMs) })),
  { json, what: 'store benchmarks (Chromium, IndexedDB)' },
);
