// K-3, the short form of the kill loop (kill-loop.mjs): 20 cycles of an action at the door (the
// settings' room, walk-up, end early, sign-in and sign-out), each confirmed, then the browser
// killed or its renderer crashed 0–50 ms later; after each restart the log and the settings hold
// exactly what was confirmed. The 200-cycle form: `npm run soak`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './harness.mjs';
import { killLoop } from './kill-loop.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('K-3: 20 kills of the browser or its renderer right after a confirmation lose nothing and write nothing twice', async () => {
  const run = await killLoop(server, 20);
  // Every kind of action met both kinds of kill (the plan rotates them; see kill-loop.mjs).
  assert.deepEqual(run.byAction, {
    'room:D': 4,
    'walk-up': 4,
    'end-early': 3,
    'room:A': 3,
    sign: 6,
  });
  assert.deepEqual(run.byKill, { browser: 10, renderer: 10 });
  assert.deepEqual(
    run.pairs,
    ['end-early', 'room:A', 'room:D', 'sign', 'walk-up'].flatMap((a) => [
      `${a} browser`,
      `${a} renderer`,
    ]),
  );
});
