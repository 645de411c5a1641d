// On the PostgreSQL server: many writers committing late, a reader of the feed in a tight loop
// (S-6); two hub processes' engines on one database with clients on both (S-1, S-2).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import { bookingsOfRoom } from './read-models.js';
import { backends } from './testing/backends.test-helpers.js';
import { ADMIN, at, book, door, register, room, walkUp } from './testing/fixtures.test-helpers.js';

const server = (await backends('concurrency.test.ts')).find((b) => b.name === 'postgres');
const run = server?.available === true ? describe : describe.skip;

run('the hub on PostgreSQL under concurrent commits', () => {
  beforeAll(async () => {
    await server?.setup();
  }, 60_000);
  afterAll(async () => {
    await server?.teardown();
  });

  it('S-6: a feed reader in a tight loop misses no event of late commits and sees none twice', async () => {
    await server?.reset();
    const url = server?.url as string;
    const writers = 12;
    const perWriter = 25;
    const committed = new Set<string>();
    let writing = true;
    const writer = async (w: number): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        let version = 0;
        for (let m = 1; m <= perWriter; m++) {
          const ids = [`w${w}-m${m}-a`, `w${w}-m${m}-b`];
          const plan = {
            client: `writer-${w}`,
            principal: 'admin',
            mutation: m,
            room: `R${w}`,
            expected: version,
            outcome: 'applied',
            rejection: null,
            now: m,
            command: null,
            events: ids.map((id, i) => ({
              id,
              stream: `room:R${w}`,
              stream_version: 2 * m - 1 + i,
              type: 'Probe',
              data: { type: 'Probe', w, m },
              now: m,
              who: 'test',
              device: 'test',
            })),
            rooms: [],
            bookings: [],
          };
          await c.query('begin');
          // Half the transactions take their id before inserting, then wait: the case where a
          // higher position commits before a lower one.
          if (m % 2 === 0) await c.query('select pg_current_xact_id()');
          await c.query('select pg_sleep($1)', [Math.random() * 0.02]);
          const r = await c.query<{ r: { status: string } }>('select hub_apply($1::jsonb) as r', [
            JSON.stringify(plan),
          ]);
          await c.query('select pg_sleep($1)', [Math.random() * 0.03]);
          expect(r.rows[0]?.r.status).toBe('applied');
          await c.query('commit');
          version++;
          for (const id of ids) committed.add(id);
        }
      } finally {
        await c.end();
      }
    };
    const hub = (await server?.open({})) as Hub;
    const seen: string[] = [];
    const reader = async (): Promise<void> => {
      let cursor: string | undefined;
      for (;;) {
        const done = !writing;
        const page = await hub.feed(ADMIN, { after: cursor, limit: 50 });
        if (!page.ok) throw new Error(page.rejection.code);
        expect(page.reset).toBe(false);
        for (const e of page.events) seen.push(e.id);
        cursor = page.cursor;
        if (done && !page.more && page.events.length === 0) return;
      }
    };
    const reading = reader();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    writing = false;
    await reading;
    await hub.close();
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(committed);
    expect(seen.length).toBe(writers * perWriter * 2);
  }, 120_000);

  it('S-1: two hub engines on one database, clients on both, decide as one: no overlap, each command once', async () => {
    await server?.reset();
    const clock = { now: at(8) };
    const one = (await server?.open({ clock: () => clock.now })) as Hub;
    const two = (await server?.open({ clock: () => clock.now })) as Hub;
    const setup = await one.push(ADMIN, {
      clientId: 'admin',
      clientClock: at(8),
      mutations: ['A', 'B'].map((id, i) => ({ id: i + 1, command: register(room(id)) })),
    });
    expect(setup.ok).toBe(true);
    // Eight clients, half on each hub, each books the same hours in rooms A and B.
    const clients = Array.from({ length: 8 }, (_, c) => c);
    const outcomes = await Promise.all(
      clients.map(async (c) => {
        const hub = c % 2 === 0 ? one : two;
        const mutations = Array.from({ length: 6 }, (_, i) => ({
          id: i + 1,
          command: book(`c${c}-b${i}`, i % 2 === 0 ? 'A' : 'B', at(9 + i), at(10 + i)),
        }));
        const first = await hub.push(ADMIN, {
          clientId: `erp-${c}`,
          clientClock: at(8),
          mutations,
        });
        // The reply is "lost": the client retries everything on the other hub.
        const other = hub === one ? two : one;
        const again = await other.push(ADMIN, {
          clientId: `erp-${c}`,
          clientClock: at(8),
          mutations,
        });
        return { first, again };
      }),
    );
    let applied = 0;
    for (const { first, again } of outcomes) {
      if (!first.ok || !again.ok) throw new Error('push refused');
      applied += first.results.filter((o) => o.status === 'applied').length;
      expect(again.results.every((o) => o.status === 'duplicate')).toBe(true);
    }
    // Each of the 6 hours in its room is won by exactly one client.
    expect(applied).toBe(6);
    for (const r of ['A', 'B']) {
      const b = await bookingsOfRoom(one.db, ADMIN, r, at(0), at(23));
      if (!b.ok) throw new Error('refused');
      const sorted = [...b.bookings].sort((x, y) => x.start - y.start);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
      }
      expect(sorted).toHaveLength(3);
    }
    // A door on the second hub walks up in A at 9:05 (taken 9:00–10:00): refused by the rules, decided on the truth.
    clock.now = at(9, 5);
    const d = await two.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w', 'A', at(9, 5)) }],
    });
    expect(d.ok && d.results[0]?.status, JSON.stringify(d)).toBe('refused');
    await one.close();
    await two.close();
  }, 120_000);
});
