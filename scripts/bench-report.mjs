// What every package's benchmark runner prints (packages/*/bench/run.mjs, kiosk/bench/run.mjs):
// with --json the array scripts/bench.mjs gathers, else a table and how many reach their target.

/**
 * A time for the table: milliseconds from 1 ms up, microseconds below.
 *
 * @param {number} ms - the time in milliseconds
 * @returns {string} the text
 */
export const formatMs = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

/**
 * Prints a runner's rows. `ratio` is the anchor over ours; a row is ok when ratio >= target (a
 * target under 1 reads "ours at most 1/target times the anchor").
 *
 * @param {readonly { name: string, anchor: string, ratio: number, target: number, ok: boolean, ours: string, anchorText: string }[]} rows
 * @param {{ json: boolean, what?: string, notes?: readonly string[] }} options - JSON or a table;
 *   what the benchmarks are, for the last line; lines to print under the table
 */
export function printBenchRows(rows, { json, what = 'benchmarks', notes = [] }) {
  if (json) {
    const out = rows.map(({ name, anchor, ratio, target, ok }) => ({
      name,
      anchor,
      ratio,
      target,
      ok,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      ours: r.ours,
      anchor: `${r.anchor}: ${r.anchorText}`,
      ratio: `${r.ratio.toFixed(r.ratio < 10 ? 2 : 0)}×`,
      target:
        r.target >= 1
          ? `≥ ${r.target}×`
          : `≥ ${r.target.toFixed(2)}× (ours ≤ ${(1 / r.target).toFixed(2)}× the anchor)`,
      ok: r.ok ? 'yes' : 'NO',
    })),
  );
  for (const n of notes) console.log(`  ${n}`);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - failed} of ${rows.length} ${what} reach their target`);
}
