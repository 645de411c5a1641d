// The read models over HTTP, on PGlite and on the PostgreSQL server: a room's bookings on a day,
// the rooms free at a moment; a door reads its own room only (S-3), confidential topics withheld (S-4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../src/testing/fixtures.test-helpers.js';
import { requestBooking } from './commands.js';
import { serverAvailable } from './databases.js';
import { NOW, openFixture, type HubFixture } from './fixture.js';

const onServer = await serverAvailable();

describe.each(['pglite', 'postgres'] as const)('read models on %s', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let f: HubFixture;
  let doorA: string;
  let doorB: string;
  let reader: string;
  let writer: string;
  const get = (url: string, token: string) =>
    f.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(kind);
    doorA = (await f.door('A')).token;
    doorB = (await f.door('B')).token;
    reader = (await f.key('read')).key;
    writer = (await f.key('act')).key;
    const r = await f.app.inject({
      method: 'POST',
      url: '/api/v1/push',
      headers: { authorization: `Bearer ${writer}` },
      payload: {
        clientId: 'dms',
        clientClock: NOW,
        mutations: [
          { id: 1, command: requestBooking('B', 0, { topic: '季度预算', confidential: true }) },
          { id: 2, command: requestBooking('B', 2) },
          { id: 3, command: requestBooking('A', 0) },
        ],
      },
    });
    expect((r.json() as { results: { status: string }[] }).results.map((x) => x.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  }, 60_000);
  afterAll(async () => {
    if (!skip) await f.close();
  });

  it.skipIf(skip)(
    "S-4: a room's bookings on a day; the door reads a confidential one without its topic",
    async () => {
      const bySystem = await get('/api/v1/rooms/B/bookings?date=2026-12-07', reader);
      expect(bySystem.statusCode).toBe(200);
      const sys = bySystem.json() as {
        bookings: { bookingId: string; topic: string; start: number }[];
      };
      expect(sys.bookings.map((b) => [b.bookingId, b.topic, b.start])).toEqual([
        ['b-B-0', '季度预算', at(10)],
        ['b-B-2', '周例会', at(12)],
      ]);
      const byDoor = await get('/api/v1/rooms/B/bookings?date=2026-12-07', doorB);
      expect(byDoor.statusCode).toBe(200);
      const door = byDoor.json() as { bookings: { bookingId: string; topic: string }[] };
      expect(door.bookings.map((b) => [b.bookingId, b.topic])).toEqual([
        ['b-B-0', ''],
        ['b-B-2', '周例会'],
      ]);
      const nextDay = await get('/api/v1/rooms/B/bookings?date=2026-12-08', reader);
      expect((nextDay.json() as { bookings: unknown[] }).bookings).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "S-3: a door may not read another room's bookings; a key needs `read`",
    async () => {
      const other = await get('/api/v1/rooms/B/bookings?date=2026-12-07', doorA);
      expect(other.statusCode).toBe(403);
      expect((other.json() as { error: { code: string; rule: string } }).error).toMatchObject({
        code: 'auth.room',
        rule: 'S-3',
      });
      const noScope = await get('/api/v1/rooms/free', writer);
      expect(noScope.statusCode).toBe(403);
      expect((noScope.json() as { error: { rule: string } }).error.rule).toBe('S-3');
    },
  );

  it.skipIf(skip)('HTTP: a day that is not one is a 400', async () => {
    for (const date of ['2026-02-30', '2026-1-1', "2026-12-07' or 1=1"]) {
      const r = await get(`/api/v1/rooms/A/bookings?date=${encodeURIComponent(date)}`, reader);
      expect([date, r.statusCode]).toEqual([date, 400]);
    }
  });

  it.skipIf(skip)('R-2: the rooms free at a moment, and until when', async () => {
    const r = await get(`/api/v1/rooms/free?at=${at(10, 30)}`, reader);
    expect(r.statusCode).toBe(200);
    const rooms = (
      r.json() as { rooms: { roomId: string; free: boolean; freeUntil: number | null }[] }
    ).rooms;
    expect(rooms.map((x) => [x.roomId, x.free, x.freeUntil])).toEqual([
      ['A', false, null],
      ['B', false, at(12)],
      ['C', true, null],
    ]);
  });
  it.skipIf(skip)('M-4, S-3: an unknown meeting is a 404; a door reads no actions', async () => {
    const none = await get('/api/v1/meetings/no-such-meeting', reader);
    expect(none.statusCode).toBe(404);
    expect((none.json() as { error: { code: string; rule: string } }).error).toMatchObject({
      code: 'meeting.unknown',
      rule: 'M-4',
    });
    const actions = await get('/api/v1/people/p-wang/actions', reader);
    expect(actions.json()).toEqual({ personId: 'p-wang', actions: [] });
    const byDoor = await get('/api/v1/people/p-wang/actions', doorA);
    expect(byDoor.statusCode).toBe(403);
    expect((byDoor.json() as { error: { rule: string } }).error.rule).toBe('S-3');
  });
});
