// The hub guide: every endpoint of the hub's HTTP API, worked against a real hub (PGlite in
// memory, the demo dealership) listening on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toInstant } from '@huiyi/core';
import { AuthStore } from '../../packages/hub/src/auth/auth-store.js';
import { openRuntime, type HubEngine } from '../../packages/hub/src/http/engine.js';
import { buildServer } from '../../packages/hub/src/http/server.js';
import type { App } from '../../packages/hub/src/http/context.js';

const now = toInstant({ year: 2026, month: 12, day: 7, hour: 9, minute: 0 }, 'Asia/Shanghai');
let hub: HubEngine;
let app: App;
let HUB = '';
let code = '';
let API_KEY = '';

beforeAll(async () => {
  // The examples read the clock as an integrator's code does; it reads Monday 09:00 here.
  vi.useFakeTimers({ toFake: ['Date'], now });
  hub = await openRuntime();
  await hub.seedDemo(now);
  app = await buildServer(hub);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  HUB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // What `npm run hub -- enrol-code --room A` and `npm run hub -- api-key …` print.
  const auth = new AuthStore(hub.db);
  code = (await auth.issueEnrolCode('A', now)).code;
  API_KEY = (await auth.issueApiKey('DMS', ['act', 'read'], now)).key;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await hub?.close();
  vi.useRealTimers();
});

describe('the hub, endpoint by endpoint', () => {
  let deviceToken = '';

  it('S-3: a door enrols with its one-time code', async () => {
    // #region enrol
    const res = await fetch(`${HUB}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: '一号会议室门口' }),
    });
    const door = await res.json();
    // => { deviceId: '…', deviceToken: 'hyd_….…', room: { id: 'A', name: '一号会议室' }, hubTime: … }
    // #endregion enrol
    expect(res.status).toBe(200);
    expect(door).toMatchObject({ room: { id: 'A', name: '一号会议室' }, hubTime: now });
    deviceToken = door.deviceToken;
    const again = await fetch(`${HUB}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(401);
  });

  it('S-3: me says who a token stands for', async () => {
    // #region me
    const me = await fetch(`${HUB}/api/v1/me`, {
      headers: { authorization: `Bearer ${deviceToken}` },
    }).then((r) => r.json());
    // => { kind: 'door', deviceId: '…', room: { id: 'A', name: '一号会议室' } }
    // #endregion me
    expect(me).toMatchObject({ kind: 'door', room: { id: 'A' } });
  });

  it('S-1, S-2: a dealer system pushes a booking; the same counter again is a duplicate', async () => {
    // #region push
    const push = {
      clientId: 'dms-1', // one per installed system, kept for good
      clientClock: Date.now(),
      mutations: [
        {
          id: 1, // the client's counter: 1, 2, 3 …
          command: {
            type: 'RequestBooking',
            now: Date.now(),
            actor: { id: 'p-wang', roles: ['organizer'] },
            bookingId: 'dms-b-1',
            roomId: 'D',
            topic: '配件供应商洽谈',
            headcount: 3,
            start: toInstant(
              { year: 2026, month: 12, day: 7, hour: 15, minute: 0 },
              'Asia/Shanghai',
            ),
            end: toInstant({ year: 2026, month: 12, day: 7, hour: 16, minute: 0 }, 'Asia/Shanghai'),
          },
        },
      ],
    };
    const reply = await fetch(`${HUB}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(push),
    }).then((r) => r.json());
    // => { lastMutationId: 1, hubTime: …, clock: { skewMs: …, status: 'ok' | 'bounded' | 'refused' },
    //      results: [{ id: 1, status: 'applied', events: [{ type: 'RoomBooked', position: 9, … }] }] }
    // #endregion push
    expect(reply).toMatchObject({
      lastMutationId: 1,
      results: [{ id: 1, status: 'applied', events: [{ type: 'RoomBooked', stream: 'room:D' }] }],
    });
    const again = await fetch(`${HUB}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(push),
    }).then((r) => r.json());
    expect(again.results).toEqual([{ id: 1, status: 'duplicate' }]);
  });

  it('S-3: a door pulls its room, page by page', async () => {
    // #region pull
    let cursor: string | undefined;
    const events = [];
    for (;;) {
      const query = new URLSearchParams({ clientId: 'door-A', limit: '100' });
      if (cursor) query.set('cursor', cursor);
      const res = await fetch(`${HUB}/api/v1/pull?${query}`, {
        headers: { authorization: `Bearer ${deviceToken}` },
      });
      if (res.status === 409) {
        cursor = undefined; // sync.reset: the hub does not know the cursor; start again
        events.length = 0;
        continue;
      }
      const page = await res.json();
      // => { cursor: '…', events: [...], hasMore: false, lastMutationIds: { 'door-A': 0 }, refusals: [], hubTime: … }
      events.push(...page.events);
      cursor = page.cursor; // keep it for the next pull
      if (!page.hasMore) break;
    }
    // #endregion pull
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.every((e: { roomId: string | null }) => e.roomId === 'A' || e.roomId === null),
    ).toBe(true);
    const stale = await fetch(`${HUB}/api/v1/pull?cursor=0123abcd.1.1`, {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('sync.reset');
  });

  it("S-6: an integrator reads the dealership's feed after its checkpoint", async () => {
    // #region events
    let checkpoint = ''; // kept by the integrator between runs ('' = from the start)
    const page = await fetch(`${HUB}/api/v1/events?after=${checkpoint}&limit=500`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    // => { events: [{ position: 1, type: 'RoomRegistered', stream: 'room:A', … }, …], checkpoint: '…', hasMore: false }
    checkpoint = page.checkpoint;
    // #endregion events
    expect(page.events.map((e: { position: number }) => e.position)).toEqual(
      page.events.map((_: unknown, i: number) => i + 1),
    );
    const next = await fetch(`${HUB}/api/v1/events?after=${checkpoint}`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    expect(next.events).toEqual([]);
  });

  it('S-1: the live channel pokes a door when its room changes', async () => {
    // #region live
    // In a browser: new EventSource(`${HUB}/api/v1/live?token=${deviceToken}`)
    const live = await fetch(`${HUB}/api/v1/live`, {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    const reader = live.body!.pipeThrough(new TextDecoderStream()).getReader();
    const hello = (await reader.read()).value; // 'retry: 3000\nevent: hello\ndata: {"roomId":"A"}\n\n'
    // … a booking in room A is committed, by this hub process or another on the database …
    // #endregion live
    expect(hello).toContain('event: hello');
    const poked = reader.read();
    await fetch(`${HUB}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'dms-live',
        clientClock: Date.now(),
        mutations: [
          {
            id: 1,
            command: {
              type: 'RequestBooking',
              now: Date.now(),
              actor: { id: 'p-wang', roles: ['organizer'] },
              bookingId: 'dms-b-live',
              roomId: 'A',
              topic: '技术培训',
              headcount: 4,
              start: toInstant(
                { year: 2026, month: 12, day: 8, hour: 9, minute: 0 },
                'Asia/Shanghai',
              ),
              end: toInstant(
                { year: 2026, month: 12, day: 8, hour: 10, minute: 0 },
                'Asia/Shanghai',
              ),
            },
          },
        ],
      }),
    });
    // #region live-poke
    const poke = (await poked).value; // 'event: poke\ndata: {"rooms":["A"],"everyone":false}\n\n'
    // → pull now
    // #endregion live-poke
    expect(poke).toBe('event: poke\ndata: {"rooms":["A"],"everyone":false}\n\n');
    await reader.cancel();
  });

  it("S-4: a room's bookings on a day, and which rooms are free now", async () => {
    // #region bookings
    const day = await fetch(`${HUB}/api/v1/rooms/C/bookings?date=2026-12-07`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    // => { roomId: 'C', date: '2026-12-07', bookings: [{ bookingId: 'demo-secret', topic: '年度索赔审计', confidential: true, … }] }
    // #endregion bookings
    expect(day.bookings).toMatchObject([{ bookingId: 'demo-secret', confidential: true }]);
    // #region free
    const free = await fetch(`${HUB}/api/v1/rooms/free?at=${Date.now()}`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    // => { at: …, rooms: [{ roomId: 'A', name: '一号会议室', free: false, freeUntil: null, … }, …] }
    // #endregion free
    expect(free.rooms.map((r: { roomId: string }) => r.roomId)).toEqual(['A', 'B', 'C', 'D']);
  });

  it("M-6, F-2: a meeting with its attendance, and a person's open actions", async () => {
    // #region meeting
    const { meeting } = await fetch(`${HUB}/api/v1/meetings/m-weekly`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    // => { meetingId: 'm-weekly', roomId: 'A', topic: '售后周例会', status: …, chairId: 'p-wang',
    //      participants: [...], attendance: { … per person on time, late, absent …, the rates } }
    // #endregion meeting
    expect(meeting).toMatchObject({ meetingId: 'm-weekly', roomId: 'A', chairId: 'p-wang' });
    // #region actions
    const open = await fetch(`${HUB}/api/v1/people/p-liu/actions`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.json());
    // => { personId: 'p-liu', actions: [{ actionId, meetingId, text, status: 'open', due, urgency }, …] }
    // #endregion actions
    expect(open).toEqual({ personId: 'p-liu', actions: [] }); // the demo has no actions yet
    const byDoor = await fetch(`${HUB}/api/v1/people/p-liu/actions`, {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    expect(byDoor.status).toBe(403);
  });

  it('S-3: every refusal names its rule, in Chinese and English', async () => {
    // #region errors
    const res = await fetch(`${HUB}/api/v1/events`, {
      headers: { authorization: `Bearer ${deviceToken}` }, // a door's token
    });
    // res.status => 403
    const { error } = await res.json();
    // => { code: 'auth.door', rule: 'S-3', message: { 'zh-CN': '门口屏不能使用此接口', en: 'a door may not use this endpoint' } }
    // #endregion errors
    expect(res.status).toBe(403);
    expect(error).toEqual({
      code: 'auth.door',
      rule: 'S-3',
      message: { 'zh-CN': '门口屏不能使用此接口', en: 'a door may not use this endpoint' },
    });
  });

  it('the OpenAPI document is served by the hub', async () => {
    // #region openapi
    const doc = await fetch(`${HUB}/api/v1/openapi.json`).then((r) => r.json());
    // => { openapi: '3.1.0', info: { title: 'Huiyi hub API', … }, paths: { '/api/v1/push': … } }
    // #endregion openapi
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/push');
  });
});
