// The live channel: a commit on one hub process pokes the clients of every process on the same
// database, through PostgreSQL LISTEN/NOTIFY; a door hears only of its room (S-3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.js';
import type { App } from '../src/http/context.js';
import { requestBooking } from './commands.js';
import { NOW, openFixture, type HubFixture } from './fixture.js';
import { serverAvailable } from './databases.js';
import { openSse } from './sse-client.js';
import { PokeBus, type Poke } from '../src/http/live/poke-bus.js';

async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const onServer = await serverAvailable();

async function listen(app: App): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  if (a === null || typeof a === 'string') throw new Error('no address');
  return `http://127.0.0.1:${a.port}`;
}

function pushBooking(base: string, token: string, clientId: string, room: string, n: number) {
  return fetch(`${base}/api/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId,
      clientClock: NOW,
      mutations: [{ id: 1, command: requestBooking(room, n) }],
    }),
  });
}

describe.each(['pglite', 'postgres'] as const)('the live channel on %s', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let f: HubFixture;
  let second: App | undefined;
  let one: string;
  let two: string;

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(kind);
    one = await listen(f.app);
    if (kind === 'postgres') {
      // A second hub process on the same database: its own engine, server and LISTEN connection.
      second = await buildServer(await f.another(), { clock: () => NOW });
      two = await listen(second);
    } else {
      two = one;
    }
  }, 30_000);
  afterAll(async () => {
    if (skip) return;
    await second?.close();
    await f.close();
  });

  it.skipIf(skip)(
    'S-3: the token may come as ?token= (EventSource sends no headers); none is a 401',
    async () => {
      const none = await fetch(`${one}/api/v1/live`);
      expect(none.status).toBe(401);
      const door = await f.door('A');
      const sse = await openSse(`${one}/api/v1/live?token=${door.token}`);
      const hello = await sse.next((e) => e.event === 'hello');
      expect(JSON.parse(hello.data)).toEqual({ roomId: 'A' });
      sse.close();
    },
  );

  it.skipIf(skip)(
    'S-1: a commit through one hub pokes the clients of the other; a door hears only of its room',
    async () => {
      const doorA = await f.door('A');
      const doorB = await f.door('B');
      const { key } = await f.key('act', 'read');
      const onA = await openSse(`${two}/api/v1/live`, { authorization: `Bearer ${doorA.token}` });
      const onB = await openSse(`${two}/api/v1/live`, { authorization: `Bearer ${doorB.token}` });
      const system = await openSse(`${two}/api/v1/live`, { authorization: `Bearer ${key}` });
      for (const c of [onA, onB, system]) await c.next((e) => e.event === 'hello');

      const r = await pushBooking(one, key, 'dms-live', 'A', 1);
      expect(r.status).toBe(200);
      const poke = await onA.next((e) => e.event === 'poke');
      expect(JSON.parse(poke.data)).toEqual({ rooms: ['A'], everyone: false });
      // …and the door pulls it from the process it is connected to.
      const pulled = await fetch(`${two}/api/v1/pull`, {
        headers: { authorization: `Bearer ${doorA.token}` },
      });
      const page = (await pulled.json()) as { events: { data: { booking?: { id: string } } }[] };
      expect(page.events.map((e) => e.data.booking?.id)).toContain('b-A-1');
      const all = await system.next((e) => e.event === 'poke');
      expect(JSON.parse(all.data)).toMatchObject({ rooms: ['A'] });
      // Room B's door heard nothing of room A: a commit in B reaches it, and is the first poke it sees.
      await pushBooking(one, key, 'dms-live-b', 'B', 1);
      const pokeB = await onB.next((e) => e.event === 'poke');
      expect(JSON.parse(pokeB.data)).toEqual({ rooms: ['B'], everyone: false });
      expect(onB.events.filter((e) => e.event === 'poke')).toHaveLength(1);
      // The other way round: a client of the first process hears a commit made through the second.
      const onOne = await openSse(`${one}/api/v1/live`, { authorization: `Bearer ${doorA.token}` });
      await onOne.next((e) => e.event === 'hello');
      expect((await pushBooking(two, key, 'dms-live-2', 'A', 2)).status).toBe(200);
      expect(JSON.parse((await onOne.next((e) => e.event === 'poke')).data)).toEqual({
        rooms: ['A'],
        everyone: false,
      });
      onOne.close();
      for (const c of [onA, onB, system]) c.close();
    },
  );

  it.skipIf(skip)('S-1: commits within the window share one NOTIFY (coalesced pokes)', async () => {
    // Two buses on the database: one sends, one hears (on the server, another connection).
    const sender = new PokeBus(f.hub.db, f.hub.listen, { coalesceMs: 50 });
    const hearer = new PokeBus(f.hub.db, f.hub.listen);
    await hearer.start();
    const heard: Poke[] = [];
    hearer.subscribe((p) => heard.push(p));
    for (const room of ['B', 'A', 'B', 'C', 'A']) sender.send({ rooms: [room], everyone: false });
    sender.send({ rooms: [], everyone: true });
    await until(() => heard.length > 0);
    // The window has closed; nothing more comes.
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([{ rooms: ['A', 'B', 'C'], everyone: true }]);
    await sender.close();
    await hearer.close();
  });
});
