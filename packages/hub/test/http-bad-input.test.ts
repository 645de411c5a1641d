// Bad input at the hub's door, on PGlite and on the PostgreSQL server: each a clear 4xx with a
// message in zh-CN and en (or a refusal by the rules), and the state unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubFixture } from './fixture.js';
import { NOW, openFixture } from './fixture.js';
import { requestBooking } from './commands.js';
import { serverAvailable } from './databases.js';

const kinds = ['pglite', 'postgres'] as const;
const onServer = await serverAvailable();
const LIMIT = 8 * 1024;

interface ErrorBody {
  error: { code: string; rule: string; message: { 'zh-CN': string; en: string } };
}

describe.each(kinds)('bad input on %s', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let f: HubFixture;
  let doorA: string;
  let writer: string;
  let reader: string;

  /** Every event of the dealership, for "state unchanged". */
  async function everything(): Promise<unknown[]> {
    const r = await f.app.inject({
      method: 'GET',
      url: '/api/v1/events?limit=1000',
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(r.statusCode).toBe(200);
    return (r.json() as { events: unknown[] }).events;
  }

  function push(token: string, body: unknown, raw?: string) {
    return f.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: raw ?? JSON.stringify(body),
    });
  }

  function expectBilingual(body: ErrorBody, code: string, rule: string) {
    expect(body.error.code).toBe(code);
    expect(body.error.rule).toBe(rule);
    expect(body.error.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.message.en).toMatch(/[a-z]/);
  }

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(kind, { bodyLimit: LIMIT });
    doorA = (await f.door('A')).token;
    writer = (await f.key('act')).key;
    reader = (await f.key('read')).key;
  }, 30_000);
  afterAll(async () => {
    if (!skip) await f.close();
  });

  it.skipIf(skip)('HTTP: malformed JSON is a 400 in both languages, state unchanged', async () => {
    const before = await everything();
    const r = await push(writer, undefined, '{"clientId": "c1", "mutations": [');
    expect(r.statusCode).toBe(400);
    expectBilingual(r.json(), 'request.malformed', 'HTTP');
    const enrol = await f.app.inject({
      method: 'POST',
      url: '/api/v1/enrol',
      headers: { 'content-type': 'application/json' },
      payload: '{code:',
    });
    expect(enrol.statusCode).toBe(400);
    expect(await everything()).toEqual(before);
  });

  it.skipIf(skip)(
    'HTTP: a body over the limit is a 413 in both languages, state unchanged',
    async () => {
      const before = await everything();
      const big = {
        clientId: 'c-big',
        clientClock: NOW,
        mutations: [{ id: 1, command: requestBooking('A', 0, { topic: 'x'.repeat(LIMIT) }) }],
      };
      const r = await push(writer, big);
      expect(r.statusCode).toBe(413);
      expectBilingual(r.json(), 'request.too-large', 'HTTP');
      expect((r.json() as ErrorBody).error.message.en).toContain(String(LIMIT));
      expect(await everything()).toEqual(before);
    },
  );

  it.skipIf(skip)('HTTP: a body that misses its schema is a 400 naming the field', async () => {
    const r = await push(writer, { clientId: 'c1', clientClock: 0, mutations: [{ id: 0 }] });
    expect(r.statusCode).toBe(400);
    expectBilingual(r.json(), 'request.invalid', 'HTTP');
    expect((r.json() as ErrorBody).error.message.en).toContain('/mutations/0');
  });

  it.skipIf(skip)('HTTP: an unknown address is a 404 in both languages', async () => {
    const r = await f.app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(r.statusCode).toBe(404);
    expectBilingual(r.json(), 'request.not-found', 'HTTP');
  });

  it.skipIf(skip)('S-3: no token, an unknown token and a revoked one are each a 401', async () => {
    const before = await everything();
    const body = {
      clientId: 'c-401',
      clientClock: NOW,
      mutations: [{ id: 1, command: requestBooking('A', 1) }],
    };
    const none = await f.app.inject({ method: 'POST', url: '/api/v1/push', payload: body });
    expect(none.statusCode).toBe(401);
    expectBilingual(none.json(), 'auth.missing', 'S-3');
    const unknown = await push(`hyk_0123456789abcdef.${'A'.repeat(43)}`, body);
    expect(unknown.statusCode).toBe(401);
    expectBilingual(unknown.json(), 'auth.unknown', 'S-3');
    const { key, keyId } = await f.key('act');
    await f.auth.revoke(keyId, Date.now());
    const revoked = await push(key, body);
    expect(revoked.statusCode).toBe(401);
    expectBilingual(revoked.json(), 'auth.revoked', 'S-3');
    for (const url of ['/api/v1/pull', '/api/v1/events', '/api/v1/me', '/api/v1/live']) {
      const r = await f.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${key}` },
      });
      expect([url, r.statusCode]).toEqual([url, 401]);
    }
    expect(await everything()).toEqual(before);
  });

  it.skipIf(skip)('S-3: a door acting for another room is refused, state unchanged', async () => {
    const before = await everything();
    const r = await push(doorA, {
      clientId: 'door-a',
      clientClock: NOW,
      mutations: [{ id: 1, command: requestBooking('B', 2) }],
    });
    expect(r.statusCode).toBe(200);
    const result = (r.json() as { results: { status: string; rejection?: { rule: string } }[] })
      .results[0];
    expect(result?.status).toBe('refused');
    expect(result?.rejection?.rule).toBe('S-3');
    expect(await everything()).toEqual(before);
  });

  it.skipIf(skip)(
    'S-3: a door may not read the dealership feed; a key without `read` neither',
    async () => {
      const door = await f.app.inject({
        method: 'GET',
        url: '/api/v1/events',
        headers: { authorization: `Bearer ${doorA}` },
      });
      expect(door.statusCode).toBe(403);
      expectBilingual(door.json(), 'auth.door', 'S-3');
      const scoped = await f.app.inject({
        method: 'GET',
        url: '/api/v1/events',
        headers: { authorization: `Bearer ${writer}` },
      });
      expect(scoped.statusCode).toBe(403);
      expectBilingual(scoped.json(), 'auth.scope', 'S-3');
      expect((scoped.json() as ErrorBody).error.message.en).toContain('read');
    },
  );

  it.skipIf(skip)(
    'S-3: a key pushes only within its scopes: `read` alone may not book',
    async () => {
      const before = await everything();
      const r = await push(reader, {
        clientId: 'reader-push',
        clientClock: NOW,
        mutations: [{ id: 1, command: requestBooking('A', 6) }],
      });
      const body = r.json() as {
        results?: { status: string; rejection?: { rule: string; code: string } }[];
        error?: { rule: string };
      };
      if (r.statusCode === 200) {
        expect(body.results?.[0]).toMatchObject({ status: 'refused', rejection: { rule: 'S-3' } });
      } else {
        expect(r.statusCode).toBe(403);
        expect(body.error?.rule).toBe('S-3');
      }
      expect(await everything()).toEqual(before);
    },
  );

  it.skipIf(skip)('S-2: a replayed counter is a duplicate and changes nothing', async () => {
    const body = {
      clientId: 'replayer',
      clientClock: NOW,
      mutations: [{ id: 1, command: requestBooking('A', 3) }],
    };
    const first = await push(writer, body);
    expect(first.statusCode).toBe(200);
    expect((first.json() as { results: { status: string }[] }).results[0]?.status).toBe('applied');
    const before = await everything();
    const again = await push(writer, body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { results: { status: string }[] }).results[0]?.status).toBe(
      'duplicate',
    );
    expect(await everything()).toEqual(before);
  });

  it.skipIf(skip)(
    'S-3: SQL metacharacters in every text field: a clear answer, tables intact',
    async () => {
      const evil = `'; drop table hub_devices; -- "\\ %_ $1 \u0000`;
      const before = await everything();
      const enrol = await f.app.inject({
        method: 'POST',
        url: '/api/v1/enrol',
        payload: { code: evil.slice(0, 40), deviceName: evil },
      });
      expect(enrol.statusCode).toBe(401);
      expectBilingual(enrol.json(), 'enrol.unknown', 'S-3');
      const token = await f.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${encodeURIComponent(evil)}` },
      });
      expect(token.statusCode).toBe(401);
      for (const url of [
        `/api/v1/pull?cursor=${encodeURIComponent(evil)}`,
        `/api/v1/pull?clientId=${encodeURIComponent(evil)}`,
        `/api/v1/events?after=${encodeURIComponent(evil)}`,
        `/api/v1/rooms/A/bookings?date=${encodeURIComponent(evil)}`,
        `/api/v1/rooms/free?at=${encodeURIComponent(evil)}`,
      ]) {
        const r = await f.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${url.includes('pull') ? doorA : reader}` },
        });
        expect([url, r.statusCode >= 400 && r.statusCode < 500]).toEqual([url, true]);
      }
      // A room id full of SQL is another room to a door: refused (S-3).
      const room = await f.app.inject({
        method: 'GET',
        url: `/api/v1/rooms/${encodeURIComponent(evil)}/bookings?date=2026-12-07`,
        headers: { authorization: `Bearer ${doorA}` },
      });
      expect(room.statusCode).toBe(403);
      // A client id full of SQL is refused whole.
      const badClient = await push(writer, {
        clientId: evil,
        clientClock: NOW,
        mutations: [{ id: 1, command: requestBooking('A', 5) }],
      });
      expect(badClient.statusCode).toBe(400);
      expect(await everything()).toEqual(before);
      // In a command's text fields SQL is only text: refused by the rules (an id, a control
      // character) or stored as it was sent.
      const sqlText = evil.replace('\u0000', '');
      const pushed = await push(writer, {
        clientId: 'metachars',
        clientClock: NOW,
        mutations: [
          { id: 1, command: requestBooking('A', 5, { bookingId: evil }) },
          { id: 2, command: requestBooking('A', 6, { topic: sqlText, department: sqlText }) },
        ],
      });
      expect(pushed.statusCode).toBe(200);
      const results = (
        pushed.json() as {
          results: { status: string; events?: { data: { booking: { topic: string } } }[] }[];
        }
      ).results;
      expect(results[0]?.status).toBe('refused');
      expect(results[1]?.status).toBe('applied');
      expect(results[1]?.events?.[0]?.data.booking.topic).toBe(sqlText);
      // The door still authenticates: hub_devices is there.
      const me = await f.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${doorA}` },
      });
      expect(me.statusCode).toBe(200);
      const after = await everything();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + 1);
    },
  );
});
