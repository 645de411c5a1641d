// Runs every benchmark in this folder (`*.bench.mjs`) against its anchor in the same process and
// prints a table, or with --json only a JSON array of { name, anchor, ratio, target, ok }.
//
// A bench module default-exports an async function that returns its cases and a `close`:
//   { cases: [{ name, anchor, target, ours: () => Promise<unknown>, anchorFn: () => Promise<unknown> }], close }
// `ratio` is the anchor's median time over ours; a case is ok when ratio >= target ("at most 2x
// the cost of X" is X as the anchor and target 1 / 2). Runs on the built package (dist).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatMs, printBenchRows } from '../../../scripts/bench-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filter = args.find((a) => !a.startsWith('--'));
const log = json ? () => {} : (...a) => console.error(...a);

/**
 * The medians of two async functions timed turn about (ours, then the anchor, and again), so the
 * load of a shared machine falls on both alike: at least `rounds` runs each and 1.5 s in all.
 */
async function medians(ours, anchor, rounds = 20) {
  const a = [];
  const b = [];
  for (let i = 0; i < 3; i++) {
    await ours();
    await anchor();
  }
  const started = performance.now();
  while (a.length < rounds || performance.now() - started < 1500) {
    let t = performance.now();
    await ours();
    a.push(performance.now() - t);
    t = performance.now();
    await anchor();
    b.push(performance.now() - t);
  }
  const mid = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [mid(a), mid(b)];
}

const rows = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  const { cases, close } = await mod.default();
  try {
    for (const c of cases) {
      if (filter && !c.name.includes(filter)) continue;
      log(`… ${c.name}`);
      const [oursMs, anchorMs] = await medians(c.ours, c.anchorFn);
      const ratio = anchorMs / oursMs;
      rows.push({
        name: c.name,
        anchor: c.anchor,
        ratio: Number(ratio.toPrecision(4)),
        target: Number(c.target.toPrecision(4)),
        ok: ratio >= c.target,
        oursMs,
        anchorMs,
      });
    }
  } finally {
    await close();
  }
}

printBenchRows(
  rows.map((r) => ({ ...r, ours: formatMs(r.oursMs), anchorText: formatMs(r.anchorMs) })),
  { json, what: 'hub benchmarks' },
);
