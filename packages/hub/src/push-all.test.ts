// pushAll: commands decided together and committed in one transaction, or none (an all-or-nothing
// calendar import, C-4), on both engines.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import { backends } from './testing/backends.test-helpers.js';
import { ADMIN, at, book, door, register, room } from './testing/fixtures.test-helpers.js';

const count = async (hub: Hub, table: string): Promise<number> =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(hub.db))
      .rows[0]?.n,
  );

for (const backend of await backends('push-all.test.ts')) {
  const run = backend.available ? describe : describe.skip;
  run(`pushAll on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.setup();
    }, 60_000);
    afterAll(async () => {
      await backend.teardown();
    });
    let hub: Hub;
    beforeEach(async () => {
      await backend.reset();
      hub = await backend.open({ clock: () => at(8) });
      const r = await hub.push(ADMIN, {
        clientId: 'setup',
        clientClock: at(8),
        mutations: [
          { id: 1, command: register(room('A')) },
          { id: 2, command: register(room('B')) },
        ],
      });
      expect(r.ok && r.results.every((x) => x.status === 'applied')).toBe(true);
      return () => hub.close();
    });

    it('C-4: a refusal of one command leaves nothing of any in the log, not even the refusal', async () => {
      const events = await count(hub, 'hub_events');
      const mutations = await count(hub, 'hub_mutations');
      const clients = await count(hub, 'hub_clients');
      const r = await hub.pushAll(ADMIN, [
        book('first', 'A', at(9), at(10)),
        book('other-room', 'B', at(9), at(10)),
        // overlaps the first, which only this push would have booked
        book('second', 'A', at(9, 30), at(10, 30)),
      ]);
      expect(r).toMatchObject({ ok: false, index: 2, rejection: { code: 'booking.room-busy' } });
      expect(await count(hub, 'hub_events')).toBe(events);
      expect(await count(hub, 'hub_mutations')).toBe(mutations);
      expect(await count(hub, 'hub_clients')).toBe(clients);
      expect(await count(hub, 'rm_bookings')).toBe(0);
      // The cache did not keep them either: the first books as if the push never was.
      const again = await hub.push(ADMIN, {
        clientId: 'after',
        clientClock: at(8),
        mutations: [{ id: 1, command: book('first', 'A', at(9), at(10)) }],
      });
      expect(again.ok && again.results[0]?.status).toBe('applied');
    });

    it('C-4: commands that all pass commit together, in one transaction, each decided on the ones before', async () => {
      const r = await hub.pushAll(ADMIN, [
        book('one', 'A', at(9), at(10)),
        book('two', 'A', at(10), at(11)),
        book('three', 'B', at(9), at(10)),
      ]);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.events.map((es) => es.map((e) => e.type))).toEqual([
        ['RoomBooked'],
        ['RoomBooked'],
        ['RoomBooked'],
      ]);
      const rows = await sql<{ tx: string; room_id: string; room_version: number }>`
        select tx::text as tx, room_id, room_version from hub_events
         where type = 'RoomBooked' order by position`.execute(hub.db);
      expect(new Set(rows.rows.map((x) => x.tx)).size).toBe(1);
      expect(rows.rows.map((x) => `${x.room_id}${x.room_version}`)).toEqual(['A2', 'A3', 'B2']);
      expect(await count(hub, 'rm_bookings')).toBe(3);
      // The feed serves them; S-2 still holds for a client after it.
      const feed = await hub.feed(ADMIN, {});
      expect(feed.ok && feed.events.filter((e) => e.type === 'RoomBooked')).toHaveLength(3);
    });

    it('S-1: a second hub on the database decides them again on what the first wrote meanwhile', async () => {
      const other = await backend.open({ clock: () => at(8) });
      try {
        // The other process books A at 9 after this one's cache last saw A.
        const meanwhile = await other.push(ADMIN, {
          clientId: 'elsewhere',
          clientClock: at(8),
          mutations: [{ id: 1, command: book('meanwhile', 'A', at(9), at(10)) }],
        });
        expect(meanwhile.ok && meanwhile.results[0]?.status).toBe('applied');
        const r = await hub.pushAll(ADMIN, [
          book('fits', 'B', at(9), at(10)),
          book('clash', 'A', at(9, 30), at(10, 30)),
        ]);
        expect(r).toMatchObject({ ok: false, index: 1, rejection: { code: 'booking.room-busy' } });
        const booked = await sql<{ booking_id: string }>`
          select booking_id from rm_bookings order by booking_id`.execute(hub.db);
        expect(booked.rows.map((x) => x.booking_id)).toEqual(['meanwhile']);
      } finally {
        await other.close();
      }
    });

    it('S-3: a door may not push for another room: refused before anything is decided', async () => {
      const r = await hub.pushAll(door('A'), [
        book('mine', 'A', at(9), at(10)),
        book('theirs', 'B', at(9), at(10)),
      ]);
      expect(r).toMatchObject({ ok: false, index: 1, rejection: { rule: 'S-3' } });
      expect(await count(hub, 'rm_bookings')).toBe(0);
    });
  });
}
