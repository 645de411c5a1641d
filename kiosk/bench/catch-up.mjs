// The door's catch-up (S-5): a door enrolled with its hub and closed for a week while its room
// collects 2,000 events at the hub, then opened: from the navigation to a settled screen (the
// week pulled, written and folded, the sync at rest), against a cold start of the same door on
// the same log already local (the hub unreachable: the start reads IndexedDB only). The built
// kiosk in Chromium, the real hub on PGlite. `node kiosk/bench/catch-up.mjs [--json]`.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { formatMs, printBenchRows } from '../../scripts/bench-report.mjs';
import { demoMorning, serviceWorkerActive } from '../e2e/harness.mjs';
import { ROOMS, settled, startHub } from '../e2e/sync-hub.mjs';

const json = process.argv.includes('--json');
const MINUTE = 60_000;
const RUNS = Number(process.env.RUNS ?? 3);
const EVENTS = 2_000;
const rooms = Array.from({ length: RUNS }, (_, i) => ({
  ...ROOMS[1],
  id: `W${i}`,
  name: `周会室 ${i}`,
}));
const start = demoMorning() - 7 * 24 * 60 * MINUTE;
const hub = await startHub('pglite', start, { rooms });
const browser = await chromium.launch({
  executablePath: findChrome() ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});

/** The door's whole state read and its screen drawn, in ms since the navigation began. */
const drawn = (page) =>
  page.evaluate(async () => {
    const app = globalThis.document.querySelector('huiyi-kiosk');
    await app.service.whenComplete();
    await app.updateComplete;
    return globalThis.performance.now();
  });

/** Room `id`'s week at the hub: bookings made and cancelled, 2,000 events in all. */
async function week(id) {
  // On the hour, so that no 15-minute slot runs past the room's closing at 23:59.
  const t0 = Math.ceil(hub.clock() / (60 * MINUTE)) * 60 * MINUTE;
  for (let i = 0; i < EVENTS / 2; i += 1) {
    const slot = t0 + 60 * MINUTE + (i % 500) * 20 * MINUTE;
    const bookingId = `${id}-${i}`;
    const b = await hub.book(bookingId, id, slot, slot + 15 * MINUTE, `周会 ${i}`);
    if (b.status !== 'applied') throw new Error(JSON.stringify(b));
    const c = await hub.dealer({
      type: 'CancelBooking',
      now: hub.clock(),
      actor: { id: 'p-zhou', roles: ['room-admin'] },
      roomId: id,
      bookingId,
    });
    if (c.status !== 'applied') throw new Error(JSON.stringify(c));
  }
}

const catchUp = [];
const hubWait = [];
const cold = [];
try {
  for (const room of rooms) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(60_000);
    // Enrolled and installed, then closed for the week.
    let page = await context.newPage();
    await page.goto(`${hub.url}/door/${room.id}`);
    await settled(page, 30_000);
    await serviceWorkerActive(page);
    await page.close();
    await week(room.id);
    // Opened again: the week comes in.
    page = await context.newPage();
    await page.goto(`${hub.url}/door/${room.id}`);
    const at = await page.waitForFunction(
      ([id, n]) => {
        const app = globalThis.document.querySelector('huiyi-kiosk');
        return app?.sync?.status.kind === 'synced' &&
          app.service.state.bookings.rooms.get(id)?.bookings.size === n
          ? globalThis.performance.now()
          : false;
      },
      [room.id, EVENTS / 2],
      { timeout: 120_000, polling: 'raf' },
    );
    catchUp.push(await at.jsonValue());
    // Of that, the time spent waiting for the hub's pages (the hub's reading, not the door's).
    hubWait.push(
      await page.evaluate(() =>
        globalThis.performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/v1/pull'))
          .reduce((sum, r) => sum + (r.responseEnd - r.startTime), 0),
      ),
    );
    await page.close();
    // The same door, the same log, the hub unreachable: a cold start on what is local.
    await context.setOffline(true);
    page = await context.newPage();
    await page.goto(`${hub.url}/door/${room.id}`);
    cold.push(await drawn(page));
    await context.close();
  }
} finally {
  await browser.close();
  await hub.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = median(catchUp);
const anchor = median(cold);
printBenchRows(
  [
    {
      name: 'kiosk: catch up a week (2,000 events) to a settled screen',
      anchor: 'a cold start on the same log, local',
      ratio: anchor / ours,
      target: 0.5,
      ok: anchor / ours >= 0.5,
      ours: formatMs(ours),
      anchorText: formatMs(anchor),
    },
  ],
  {
    json,
    what: 'sync benchmarks',
    notes: [
      `runs: ${catchUp.map(formatMs).join(', ')} vs ${cold.map(formatMs).join(', ')}`,
      `of each catch-up, waiting for the hub's pages: ${hubWait.map(formatMs).join(', ')}`,
    ],
  },
);
