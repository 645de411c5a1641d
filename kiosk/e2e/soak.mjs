// K-3, the long form of the kill loop: 200 cycles (SOAK_CYCLES=n for another count), behind
// `npm run soak` at the root (it builds the kiosk first). Not part of `npm run test:e2e`.
import { test } from 'node:test';
import { startServer } from './harness.mjs';
import { killLoop } from './kill-loop.mjs';

test('K-3: the kill loop, 200 cycles', { timeout: 60 * 60_000 }, async () => {
  const server = await startServer();
  try {
    const cycles = Number(process.env.SOAK_CYCLES ?? 200);
    const started = Date.now();
    const run = await killLoop(server, cycles, (line) => console.log(line));
    console.log(
      `${run.cycles} cycles in ${Math.round((Date.now() - started) / 1000)} s:`,
      JSON.stringify(run.byAction),
      JSON.stringify(run.byKill),
      `${run.events} events`,
    );
  } finally {
    await server.close();
  }
});
