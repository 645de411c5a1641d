// The door's side of the sync (S-2, S-5, K-3) against a model hub, in real Chromium with the real
// IndexedDB log: examples of each path, then a property over any interleaving of the door's taps,
// the hub's bookings, lost requests and replies, and restarts.
import { expect } from '@open-wc/testing';
import { demoCommands, MINUTE, occupied } from '@huiyi/core';
import { openIdbEventStore, type IdbEventStore } from '@huiyi/store-idb';
import { createMemoryEventStore } from '@huiyi/core/testing';
import fc from 'fast-check';
import type { KioskEvent } from '../src/services/kiosk-events.js';
import { KioskService, PAGE_TELL_MS } from '../src/services/kiosk-service.js';
import type { KioskState } from '../src/services/kiosk-state.js';
import { doorTarget } from '../src/sync/door-target.js';
import { withoutPosition } from '../src/sync/hub-events.js';
import { applyPage } from '../src/sync/apply-page.js';
import { SyncEngine, backoff } from '../src/sync/sync-engine.js';
import { T0, ZONE } from './helpers.js';
import { ModelHub, modelNetwork, type Weather } from './model-hub.js';

const CLIENT = 'door-D';
const admin = { id: 'p-zhou', roles: ['room-admin'] };
let names = 0;

/** A door on room D: its own IndexedDB log, its service, its sync with the model hub. */
async function openDoor(hub: ModelHub, name = `door-sync-${Date.now()}-${(names += 1)}`) {
  const net = modelNetwork(hub, CLIENT);
  const open = async () => {
    const log: IdbEventStore<KioskEvent> = await openIdbEventStore<KioskEvent>({
      name,
      broadcast: false,
    });
    const service = await KioskService.open(log, { device: CLIENT, synced: true });
    const engine = new SyncEngine({
      hub: net.calls,
      target: doorTarget(service, log),
      clientId: CLIENT,
      now: () => T0,
      live: () => undefined,
      timers: { set: () => undefined, clear: () => undefined },
    });
    return { log, service, engine };
  };
  let door = await open();
  return {
    get log() {
      return door.log;
    },
    get service() {
      return door.service;
    },
    get engine() {
      return door.engine;
    },
    net,
    /** The tablet restarted: the log closed, everything opened again from IndexedDB. */
    async restart() {
      door.engine.stop();
      await door.log.close();
      door = await open();
    },
    async sync(weather: Weather = 'fine') {
      net.weather = weather;
      await door.engine.request();
      net.weather = 'fine';
    },
  };
}

async function demoHub(): Promise<ModelHub> {
  const hub = await ModelHub.open();
  for (const c of demoCommands(T0, ZONE)) await hub.act(c);
  return hub;
}

const walkUp = (bookingId: string, at = T0, minutes = 30) => ({
  type: 'WalkUp',
  now: at,
  actor: { id: 'p-liu', roles: [] },
  roomId: 'D',
  bookingId,
  minutes,
});
const deskBooking = (bookingId: string, start: number, end: number) => ({
  type: 'RequestBooking',
  now: T0 - 60 * MINUTE,
  actor: admin,
  bookingId,
  roomId: 'D',
  organizerId: 'p-wang',
  department: '售后服务部',
  topic: '客户投诉复盘',
  headcount: 4,
  start,
  end,
});

/** The hub's events in a log of their own. */
async function copyOf(hub: ModelHub) {
  const log = createMemoryEventStore<KioskEvent>();
  const events = await hub.log.readAfter(0);
  await log.append(events.map((e) => withoutPosition(e)));
  return log;
}

/** The bookings of every room, as plain data, to compare a door's state with the hub's. */
const bookings = (s: KioskState) =>
  [...s.bookings.rooms.values()]
    .flatMap((r) => [...r.bookings.values()])
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((b) => JSON.stringify(b));

describe("the door's sync with a hub", function () {
  this.timeout(180_000);

  it('S-5: a new door pulls its hub in pages and ends with the hub’s state', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    expect(door.engine.status.kind).to.equal('synced');
    expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
    expect(bookings(door.service.state).length).to.be.greaterThan(3);
  });

  it('S-2: a push whose reply is lost is sent again and applied once (the counter makes it a duplicate)', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    const r = await door.service.dispatch(walkUp('w-1'));
    expect(r.ok).to.equal(true);
    await door.sync('reply-lost');
    expect(door.engine.status.kind).to.equal('offline');
    expect((await door.log.sync.mutations('pending')).length).to.equal(1);
    await door.restart();
    await door.sync();
    expect(hub.applied.get(`${CLIENT}#1`)).to.equal(1);
    expect((await door.log.sync.mutations('confirmed')).map((m) => m.id)).to.deep.equal([1]);
    expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
    // The door's own events for it are retired; the hub's count, once.
    const d = door.service.state.bookings.rooms.get('D')!;
    expect(d.bookings.get('w-1')!.status).to.equal('checked-in');
  });

  it('S-2: a walk-up the hub refuses (the slot was taken at a desk first) stays in the log with why', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    // Offline, the door books D from now for 30 minutes …
    expect((await door.service.dispatch(walkUp('w-1'))).ok).to.equal(true);
    // … while a desk books D from a minute ago for an hour.
    expect(await hub.act(deskBooking('h-1', T0 - MINUTE, T0 + 60 * MINUTE))).to.equal(true);
    await door.sync();
    const refused = await door.log.sync.mutations('refused');
    expect(refused.map((m) => m.id)).to.deep.equal([1]);
    const rejection = refused[0]!.rejection as { rule: string; message: { en: string } };
    expect(rejection.rule).to.match(/^R-/);
    expect(rejection.message.en.length).to.be.greaterThan(0);
    const d = door.service.state.bookings.rooms.get('D')!;
    expect(d.bookings.has('w-1')).to.equal(false);
    expect(d.bookings.has('h-1')).to.equal(true);
    expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
    expect(door.engine.status).to.include({ kind: 'synced', refused: 1 });
  });

  it('S-5: a command still pending is decided again on top of what the hub confirmed', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    // A desk books D from 40 minutes on; the door, not knowing it, books a 60-minute walk-up.
    await hub.act(deskBooking('h-1', T0 + 40 * MINUTE, T0 + 90 * MINUTE));
    expect((await door.service.dispatch(walkUp('w-1', T0, 60))).ok).to.equal(true);
    const before = door.service.state.bookings.rooms.get('D')!.bookings.get('w-1')!;
    expect(before.end).to.equal(T0 + 60 * MINUTE);
    // The push is lost on the way: the pull still comes in, and the walk-up is decided again.
    door.net.weather = 'down';
    await door.engine.request();
    door.net.weather = 'fine';
    // Only pull, as a live poke would, without the push reaching the hub.
    const page = await hub.pull((await door.log.sync.meta()).cursor, 500);
    await applyPage(door.service, page, CLIENT, T0);
    const after = door.service.state.bookings.rooms.get('D')!;
    expect(after.bookings.has('h-1')).to.equal(true);
    const rebased = after.bookings.get('w-1');
    // Capped at the desk's booking or refused at the door: never overlapping it.
    if (rebased) expect(rebased.end <= T0 + 40 * MINUTE).to.equal(true);
    expect((await door.log.sync.mutations('pending')).length).to.equal(1);
    // K-3: a restart folds the same state from the log (retired events skipped).
    const state = door.service.state;
    await door.restart();
    expect(bookings(door.service.state)).to.deep.equal(bookings(state));
    await door.sync();
    expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
  });

  it('S-5: a catch-up of several pages tells the screen once, at its last page, with every page in it', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    for (let i = 0; i < 6; i += 1)
      await hub.act(
        deskBooking(`h-${i}`, T0 + (60 + 30 * i) * MINUTE, T0 + (80 + 30 * i) * MINUTE),
      );
    const told: number[] = [];
    door.service.subscribe((s) => told.push(s.bookings.rooms.get('D')!.bookings.size));
    // Pages of two: the first pages fold at once, but only the last tells the screen.
    let cursor = (await door.log.sync.meta()).cursor;
    const pages = [];
    for (;;) {
      const page = await hub.pull(cursor, 2);
      pages.push(page);
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    expect(pages.length).to.be.greaterThan(2);
    for (const page of pages) await applyPage(door.service, page, CLIENT, T0);
    const all = door.service.state.bookings.rooms.get('D')!.bookings.size;
    expect(told).to.deep.equal([all]);
    expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
  });

  it('S-5: a pull that stops after a page (the hub gone) still shows that page, a moment later', async () => {
    const hub = await demoHub();
    const door = await openDoor(hub);
    await door.sync();
    for (let i = 0; i < 4; i += 1)
      await hub.act(
        deskBooking(`h-${i}`, T0 + (60 + 30 * i) * MINUTE, T0 + (80 + 30 * i) * MINUTE),
      );
    const told: number[] = [];
    door.service.subscribe((s) => told.push(s.bookings.rooms.get('D')!.bookings.size));
    const page = await hub.pull((await door.log.sync.meta()).cursor, 2);
    expect(page.hasMore).to.equal(true);
    await applyPage(door.service, page, CLIENT, T0);
    expect(told).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, PAGE_TELL_MS + 50));
    expect(told).to.deep.equal([door.service.state.bookings.rooms.get('D')!.bookings.size]);
  });

  it('the backoff doubles up to a minute, each wait between half and all of it', () => {
    expect([1, 2, 3, 7, 30].map((n) => backoff(n, () => 0.999999))).to.deep.equal([
      1000, 2000, 4000, 60000, 60000,
    ]);
    expect(backoff(3, () => 0)).to.equal(2000);
  });

  it('S-2, S-5: any interleaving of taps, desk bookings, lost calls and restarts ends with the door equal to the hub, every tap confirmed or refused, none applied twice', async () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('walk-up' as const),
        at: fc.integer({ min: 0, max: 240 }),
        minutes: fc.constantFrom(15, 30, 60),
      }),
      fc.record({
        kind: fc.constant('desk' as const),
        at: fc.integer({ min: -2, max: 16 }),
        quarters: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({
        kind: fc.constant('sync' as const),
        weather: fc.constantFrom<Weather>('fine', 'down', 'reply-lost'),
      }),
      fc.record({ kind: fc.constant('restart' as const) }),
      // A pull with taps queued after the push went (a tap during a sync, a live poke).
      fc.record({ kind: fc.constant('pull' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const hub = await demoHub();
        const door = await openDoor(hub);
        await door.sync();
        let queued = 0;
        let n = 0;
        for (const a of actions) {
          n += 1;
          switch (a.kind) {
            case 'walk-up': {
              const r = await door.service.dispatch(
                walkUp(`w-${n}`, T0 + a.at * MINUTE, a.minutes),
              );
              if (r.ok && r.value.length > 0) queued += 1;
              break;
            }
            case 'desk': {
              const start = T0 + a.at * 15 * MINUTE;
              await hub.act(deskBooking(`h-${n}`, start, start + a.quarters * 15 * MINUTE));
              break;
            }
            case 'sync':
            case 'pull': {
              if (a.kind === 'sync') await door.sync(a.weather);
              else {
                for (let more = true; more;) {
                  const page = await hub.pull((await door.log.sync.meta()).cursor, 40);
                  await applyPage(door.service, page, CLIENT, T0);
                  more = page.hasMore;
                }
              }
              if (a.kind === 'sync' && a.weather !== 'fine') break;
              // After a sync the door shows the hub's state with its pending taps decided again
              // on top, in order (the oracle: a fresh door over the hub's events, taking them).
              const expected = await KioskService.open(await copyOf(hub), { device: 'oracle' });
              for (const m of await door.log.sync.mutations('pending'))
                await expected.dispatch(m.command);
              expect(bookings(door.service.state), 'rebased').to.deep.equal(
                bookings(expected.state),
              );
              const d = [...door.service.state.bookings.rooms.get('D')!.bookings.values()]
                .flatMap((b) => occupied(b) ?? [])
                .sort((x, y) => x.start - y.start);
              for (let i = 1; i < d.length; i++)
                expect(d[i]!.start >= d[i - 1]!.end, 'no overlap in D').to.equal(true);
              break;
            }
            case 'restart':
              await door.restart();
              break;
          }
        }
        await door.sync();
        await door.sync();
        expect((await door.log.sync.mutations('pending')).length, 'nothing left pending').to.equal(
          0,
        );
        const settled =
          (await door.log.sync.mutations('confirmed')).length +
          (await door.log.sync.mutations('refused')).length;
        expect(settled, 'every tap confirmed or refused').to.equal(queued);
        expect(
          [...hub.applied.values()].every((c) => c === 1),
          'none applied twice',
        ).to.equal(true);
        expect(bookings(door.service.state)).to.deep.equal(bookings(hub.service.state));
        // K-3: what the log holds (retired events skipped) folds to the same state.
        const again = await KioskService.open(door.log, { device: CLIENT });
        expect(bookings(again.state)).to.deep.equal(bookings(hub.service.state));
        door.engine.stop();
        await door.log.close();
      }),
      { numRuns: 25 },
    );
  });
});
