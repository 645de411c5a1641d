// Runs every benchmark in this folder (`*.bench.mjs`) against its anchor in the same process and
// prints a table, or with --json only a JSON array of { name, anchor, ratio, target, ok }.
//
// A bench module default-exports an array of cases, or an async function that returns one:
//   { name, anchor, target, ours: () => unknown, anchorFn: () => unknown, note? }
// `ratio` is the anchor's median time over ours; a case is ok when ratio >= target. A target of
// "at most 1.5x the cost of X" is written with X as the anchor and target 1 / 1.5.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { formatMs, printBenchRows } from '../../../scripts/bench-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filter = args.find((a) => !a.startsWith('--'));
const log = json ? () => {} : (...a) => console.error(...a);

async function median(name, fn) {
  const bench = new Bench({ time: 400, warmupTime: 100, iterations: 10 });
  bench.add(name, fn);
  await bench.run();
  const task = bench.tasks[0];
  const result = task?.result;
  if (!result || result.state !== 'completed') {
    throw new Error(`benchmark ${name} did not complete: ${result?.error ?? result?.state}`);
  }
  return result.latency.p50;
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
const rows = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  const cases = typeof mod.default === 'function' ? await mod.default() : mod.default;
  for (const c of cases) {
    if (filter && !c.name.includes(filter)) continue;
    log(`… ${c.name}`);
    const oursMs = await median(c.name, c.ours);
    const anchorMs = await median(c.anchor, c.anchorFn);
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
}

printBenchRows(
  rows.map((r) => ({ ...r, ours: formatMs(r.oursMs), anchorText: formatMs(r.anchorMs) })),
  { json },
);
