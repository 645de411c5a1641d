// The hub's bookkeeping of a client's mutations and its pages, rule by rule, on both engines: what
// a push and a pull must look like (and the field named when they do not), a client's counter, the
// order of its commands, a repeated push, the refusals a pull reports, and the feed's pages. The
// exactly-once bookkeeping itself is PL/pgSQL (hub_apply, hub_apply_many): these tests hold it on
// PGlite and on PostgreSQL alike.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import type { FeedEvent, PushReply, PushRequest } from './hub-types.js';
import { backends } from './testing/backends.test-helpers.js';
import { hubPerTest } from './testing/hub-per-test.test-helpers.js';
import {
  ADMIN,
  at,
  book,
  door,
  register,
  room,
  system,
  walkUp,
  wang,
} from './testing/fixtures.test-helpers.js';

const all = await backends('hub.rules.test.ts');

const endEarly = (bookingId: string, now: number): Record<string, unknown> => ({
  type: 'EndEarly',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
});

const outcomes = (r: PushReply): [number, string][] => {
  if (!r.ok) throw new Error(`push refused: ${r.rejection.code}`);
  return r.results.map((o) => [o.id, o.status]);
};

describe.each(all)('the hub keeps each client’s mutations on $name', (backend) => {
  let hub: Hub;
  const clock = { now: at(9) };
  // Each test at 09:00 (registered first: it runs before the hub opens).
  beforeEach(() => {
    clock.now = at(9);
  });
  hubPerTest(backend, { clock: () => clock.now }, (h) => (hub = h));

  /** Registers rooms A and C (the admin's client `admin-cli`). */
  const rooms = async (): Promise<void> => {
    const r = await hub.push(ADMIN, {
      clientId: 'admin-cli',
      clientClock: clock.now,
      mutations: [
        { id: 1, command: register(room('A')) },
        { id: 2, command: register(room('C')) },
      ],
    });
    expect(outcomes(r)).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
  };

  const push = (
    principal: Parameters<Hub['push']>[0],
    clientId: string,
    mutations: { id: number; command: unknown }[],
  ): Promise<PushReply> => hub.push(principal, { clientId, clientClock: clock.now, mutations });

  it('S-2: a malformed push is refused whole, naming the field at fault', async () => {
    const ok = { clientId: 'door-A', clientClock: clock.now, mutations: [] };
    const ids = (...xs: unknown[]) => ({ ...ok, mutations: xs.map((id) => ({ id, command: {} })) });
    const cases: [unknown, string][] = [
      [null, 'push'],
      ['push', 'push'],
      [{ ...ok, clientId: 7 }, 'clientId'],
      [{ ...ok, clientId: '' }, 'clientId'],
      [{ ...ok, clientId: 'a'.repeat(101) }, 'clientId'],
      [{ ...ok, clientId: 'door A' }, 'clientId'],
      [{ ...ok, clientClock: '9:00' }, 'clientClock'],
      [{ ...ok, clientClock: Number.POSITIVE_INFINITY }, 'clientClock'],
      [{ ...ok, mutations: { 0: { id: 1 } } }, 'mutations'],
      [ids(...Array.from({ length: 1001 }, (_, i) => i + 1)), 'mutations'],
      [{ ...ok, mutations: [null] }, 'mutations[]'],
      [{ ...ok, mutations: [3] }, 'mutations[]'],
      [ids('1'), 'mutations[].id'],
      [ids(0), 'mutations[].id'],
      [ids(1.5), 'mutations[].id'],
      [ids(2 ** 31), 'mutations[].id'],
      [ids(1, 1), 'mutations[].id (ascending)'],
      [ids(2, 1), 'mutations[].id (ascending)'],
    ];
    for (const [request, what] of cases) {
      const r = await hub.push(door('A'), request as PushRequest);
      expect(!r.ok && [r.rejection.code, r.rejection.message.en], JSON.stringify(request)).toEqual([
        'hub.malformed',
        `malformed request: ${what}`,
      ]);
    }
    const pulled = await hub.pull(ADMIN, { clientId: 'door-A' });
    expect(pulled.ok && [pulled.events, pulled.client?.lastMutationId]).toEqual([[], 0]);
  });

  it('S-2: a push at the limits of its shape is taken: a 100-character id of letters, digits and ._:-, ids up to 2³¹−1, 1000 mutations', async () => {
    await rooms();
    const id = `Door_A.1:x-${'y'.repeat(89)}`;
    expect(id).toHaveLength(100);
    const top = await push(door('A'), id, [{ id: 2 ** 31 - 1, command: walkUp('w1', 'A', at(9)) }]);
    expect(outcomes(top)).toEqual([[2 ** 31 - 1, 'waiting']]);
    // 1000 mutations pass the shape check: this client id is another principal's, so the push is
    // then refused as a whole at its first mutation, having decided nothing
    const many = await push(
      door('C'),
      id,
      Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, command: walkUp(`m${i}`, 'C', at(9)) })),
    );
    expect(!many.ok && many.rejection.code).toBe('hub.foreign-client');
  });

  it('S-2: a malformed pull or feed request is refused, naming the field at fault; the limits themselves are taken', async () => {
    await rooms();
    const bad: [Parameters<Hub['pull']>[1], string][] = [
      [{ cursor: 5 as unknown as string }, 'cursor'],
      [{ cursor: 'x'.repeat(201) }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ limit: '5' as unknown as number }, 'limit'],
      [{ clientId: 'door A' }, 'clientId'],
      [{ clientId: 'door-A', sinceMutationId: -1 }, 'sinceMutationId'],
      [{ clientId: 'door-A', sinceMutationId: 0.5 }, 'sinceMutationId'],
    ];
    for (const [request, what] of bad) {
      const r = await hub.pull(door('A'), request);
      expect(!r.ok && r.rejection.message.en, JSON.stringify(request)).toBe(
        `malformed request: ${what}`,
      );
    }
    for (const [request, what] of [
      [{ after: 'x'.repeat(201) }, 'cursor'],
      [{ limit: 1001 }, 'limit'],
    ] as const) {
      const r = await hub.feed(ADMIN, request);
      expect(!r.ok && r.rejection.message.en).toBe(`malformed request: ${what}`);
    }
    for (const request of [
      { cursor: 'x'.repeat(200), limit: 1 },
      { limit: 1000, clientId: 'door-A', sinceMutationId: 0 },
    ]) {
      const r = await hub.pull(ADMIN, request);
      expect(r.ok && r.events.length, JSON.stringify(request)).toBe(request.limit === 1 ? 1 : 2);
    }
  });

  it('S-3: reading takes a key with the read scope; a door reads no feed', async () => {
    await rooms();
    const noRead = await hub.pull(system(['act', 'admin']), {});
    expect(!noRead.ok && noRead.rejection.message.en).toBe(
      'this key lacks the "read" scope needed for pull',
    );
    const noFeed = await hub.feed(system(['act', 'admin']), {});
    expect(!noFeed.ok && noFeed.rejection.message.en).toBe(
      'this key lacks the "read" scope needed for feed',
    );
    const doorFeed = await hub.feed(door('A'), {});
    expect(!doorFeed.ok && doorFeed.rejection.message.en).toBe('not allowed to read: feed');
    const pulled = await hub.pull(system(['read']), {});
    expect(pulled.ok && pulled.events.length).toBe(2);
    const fed = await hub.feed(system(['read']), {});
    expect(fed.ok && fed.events.length).toBe(2);
  });

  it("S-2: a client's mutations run in the order of their ids: those ahead of a gap wait, then run in order once it is filled", async () => {
    await rooms();
    const third = await push(door('A'), 'door-A', [
      { id: 3, command: walkUp('w3', 'A', at(9, 15)) },
    ]);
    expect(outcomes(third)).toEqual([[3, 'waiting']]);
    expect(third.ok && third.lastMutationId).toBe(0);
    const second = await push(door('A'), 'door-A', [{ id: 2, command: endEarly('w1', at(9, 10)) }]);
    expect(outcomes(second)).toEqual([[2, 'waiting']]);
    const first = await push(door('A'), 'door-A', [{ id: 1, command: walkUp('w1', 'A', at(9)) }]);
    // 2 ends the walk-up at 9:10, so the room is free for 3's walk-up at 9:15; run before 2, 3
    // would find the room taken until 9:30
    expect(outcomes(first)).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'applied'],
    ]);
    expect(first.ok && first.lastMutationId).toBe(3);
    // the mutations that waited are gone from the waiting list once run
    const pending = await sql<{ n: number }>`select count(*)::int as n from hub_pending`.execute(
      hub.db,
    );
    expect(pending.rows[0]?.n).toBe(0);
    const feed = await hub.feed(ADMIN, {});
    expect(
      feed.ok &&
        feed.events.filter((e) => e.clientId === 'door-A').map((e) => [e.mutationId, e.type]),
    ).toEqual([
      [1, 'RoomBooked'],
      [1, 'BookingCheckedIn'],
      [2, 'BookingEndedEarly'],
      [3, 'RoomBooked'],
      [3, 'BookingCheckedIn'],
    ]);
  });

  it('S-2: a repeated push of a refused mutation answers with its first refusal and changes nothing; the counter stays', async () => {
    await rooms();
    await push(ADMIN, 'erp', [{ id: 1, command: book('b1', 'A', at(10), at(11)) }]);
    const overlap = [{ id: 1, command: book('b2', 'A', at(10, 30), at(11, 30)) }];
    const first = await push(door('A'), 'door-A', overlap);
    if (!first.ok || first.results[0]?.status !== 'refused') throw new Error('not refused');
    const { rejection } = first.results[0];
    expect(rejection.rule).toBe('R-2');
    const before = await hub.feed(ADMIN, {});
    const again = await push(door('A'), 'door-A', overlap);
    expect(again.ok && again.results).toEqual([
      { id: 1, status: 'duplicate', prior: { outcome: 'refused', rejection } },
    ]);
    expect(again.ok && again.lastMutationId).toBe(1);
    const after = await hub.feed(ADMIN, {});
    expect(after.ok && after.events).toEqual(before.ok && before.events);
  });

  it("S-2, S-3: an empty push tells a client its counter; on another principal's client id it learns nothing", async () => {
    await rooms();
    const fresh = await push(door('A'), 'door-A', []);
    expect(fresh.ok && [fresh.clientId, fresh.lastMutationId, fresh.results]).toEqual([
      'door-A',
      0,
      [],
    ]);
    await push(door('A'), 'door-A', [
      { id: 1, command: walkUp('w1', 'A', at(9)) },
      { id: 2, command: endEarly('w1', at(9, 10)) },
    ]);
    const own = await push(door('A'), 'door-A', []);
    expect(own.ok && own.lastMutationId).toBe(2);
    const other = await push(door('C'), 'door-A', []);
    expect(other.ok && other.lastMutationId).toBe(0);
  });

  it("S-2: a pull tells a client its counter and its refusals after the id it names, oldest first; another client's or none for an unknown id", async () => {
    await rooms();
    await push(ADMIN, 'erp', [{ id: 1, command: book('b1', 'A', at(10), at(11)) }]);
    await push(door('A'), 'door-A', [
      { id: 1, command: book('b2', 'A', at(10, 30), at(11, 30)) },
      { id: 2, command: walkUp('w1', 'A', at(9)) },
      { id: 3, command: endEarly('nobody', at(9, 10)) },
    ]);
    const since = async (n: number | undefined) => {
      const p = await hub.pull(door('A'), { clientId: 'door-A', sinceMutationId: n });
      if (!p.ok || !p.client) throw new Error('no client in the pull');
      return [p.client.lastMutationId, p.client.refused.map((x) => x.mutationId)];
    };
    expect(await since(undefined)).toEqual([3, [1, 3]]);
    expect(await since(0)).toEqual([3, [1, 3]]);
    expect(await since(1)).toEqual([3, [3]]);
    expect(await since(3)).toEqual([3, []]);
    const refused = await hub.pull(door('A'), { clientId: 'door-A' });
    expect(refused.ok && refused.client?.refused.map((x) => x.rejection.rule)).toEqual([
      'R-2',
      expect.stringMatching(/^[A-Z]-\d+$/),
    ]);
    const unknown = await hub.pull(door('A'), { clientId: 'door-Z' });
    expect(unknown.ok && unknown.client).toEqual({
      clientId: 'door-Z',
      lastMutationId: 0,
      refused: [],
    });
    const without = await hub.pull(door('A'), {});
    expect(without.ok && 'client' in without).toBe(false);
  });

  it('S-6: the feed comes in pages without gap or repeat; `more` says whether another page is there now', async () => {
    await rooms();
    await push(door('A'), 'door-A', [
      { id: 1, command: walkUp('w1', 'A', at(9)) },
      { id: 2, command: endEarly('w1', at(9, 10)) },
    ]);
    const whole = await hub.feed(ADMIN, {});
    if (!whole.ok) throw new Error('feed refused');
    expect([whole.events.length, whole.more, whole.reset]).toEqual([5, false, false]);
    const exact = await hub.feed(ADMIN, { limit: 5 });
    expect(exact.ok && [exact.events.length, exact.more]).toEqual([5, false]);
    const short = await hub.feed(ADMIN, { limit: 4 });
    expect(short.ok && [short.events.length, short.more]).toEqual([4, true]);
    const read: FeedEvent[] = [];
    const pages: [number, boolean, boolean][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await hub.feed(ADMIN, { after: cursor, limit: 2 });
      if (!page.ok) throw new Error('feed refused');
      read.push(...page.events);
      pages.push([page.events.length, page.more, page.reset]);
      if (i === 3) expect(page.cursor).toBe(cursor);
      cursor = page.cursor;
    }
    expect(pages).toEqual([
      [2, true, false],
      [2, true, false],
      [1, false, false],
      [0, false, false],
    ]);
    expect(read).toEqual(whole.events);
    expect(read.map((e) => e.position)).toEqual(
      [...read.map((e) => e.position)].sort((a, b) => a - b),
    );
  });

  it('S-6: the cursor of an empty feed is good later: no reset, every event since', async () => {
    const empty = await hub.feed(ADMIN, {});
    if (!empty.ok) throw new Error('feed refused');
    expect([empty.events, empty.more]).toEqual([[], false]);
    await rooms();
    const later = await hub.feed(ADMIN, { after: empty.cursor });
    expect(later.ok && [later.reset, later.events.map((e) => e.type)]).toEqual([
      false,
      ['RoomRegistered', 'RoomRegistered'],
    ]);
  });

  it('S-6: a push answers with its events as the feed gives them: position, stream, room, who, device, client and mutation', async () => {
    await rooms();
    const r = await push(door('A'), 'door-A', [{ id: 1, command: walkUp('w1', 'A', at(9)) }]);
    if (!r.ok || r.results[0]?.status !== 'applied') throw new Error('not applied');
    const answered = r.results[0].events;
    const feed = await hub.feed(ADMIN, {});
    if (!feed.ok) throw new Error('feed refused');
    expect(feed.events.slice(2)).toEqual(answered);
    expect(
      answered.map((e) => [e.type, e.roomId, e.streamVersion, e.clientId, e.mutationId]),
    ).toEqual([
      ['RoomBooked', 'A', 2, 'door-A', 1],
      ['BookingCheckedIn', 'A', 3, 'door-A', 1],
    ]);
    expect(answered.map((e) => [e.now, e.who, e.device, typeof e.position])).toEqual([
      [at(9), 'p-zhao', 'kiosk-A', 'number'],
      [at(9), 'p-zhao', 'kiosk-A', 'number'],
    ]);
    expect(feed.events[0]).toMatchObject({
      type: 'RoomRegistered',
      roomId: 'A',
      clientId: 'admin-cli',
      mutationId: 1,
      device: 'admin',
    });
    // an event of no room (the directory's) has none, answered and in the feed
    const site = await push(ADMIN, 'admin-cli', [
      {
        id: 3,
        command: {
          type: 'RegisterPerson',
          now: at(7),
          actor: { id: 'p-zhou', roles: ['room-admin'] },
          person: {
            id: 'p-sun',
            name: '孙',
            department: '售后服务部',
            employeeNumber: 'p-sun',
            roles: [],
          },
        },
      },
    ]);
    if (!site.ok || site.results[0]?.status !== 'applied') throw new Error('not applied');
    const after = await hub.feed(ADMIN, {});
    if (!after.ok) throw new Error('feed refused');
    expect(after.events.slice(4)).toEqual(site.results[0].events);
    expect(site.results[0].events.map((e) => [e.roomId, e.clientId, e.mutationId])).toEqual([
      [null, 'admin-cli', 3],
    ]);
  });

  it("S-4: a pull by an integrator reads a confidential booking whole; a door's pull, without its topic", async () => {
    await push(ADMIN, 'admin-cli', [
      { id: 1, command: register(room('B', { confidential: true })) },
    ]);
    const secret = await push(ADMIN, 'erp', [
      {
        id: 1,
        command: book('secret', 'B', at(10), at(11), { topic: '人事调整', confidential: true }),
      },
    ]);
    expect(outcomes(secret)).toEqual([[1, 'applied']]);
    const integrator = await hub.pull(system(['read']), {});
    expect(integrator.ok && JSON.stringify(integrator.events)).toContain('人事调整');
    const atDoor = await hub.pull(door('B'), {});
    if (!atDoor.ok) throw new Error('pull refused');
    expect(atDoor.events.length).toBeGreaterThan(1);
    expect(JSON.stringify(atDoor.events)).not.toContain('人事调整');
  });

  it("S-4: a door reading through a hub whose cache is behind gets a confidential booking's changed topic blanked", async () => {
    await push(ADMIN, 'admin-cli', [
      { id: 1, command: register(room('B', { confidential: true })) },
    ]);
    // opened now: its cache holds room B and nothing after
    const stale = await backend.open({ clock: () => clock.now });
    try {
      const written = await push(ADMIN, 'erp', [
        {
          id: 1,
          command: book('secret', 'B', at(10), at(11), { topic: '人事调整', confidential: true }),
        },
        // The change carries the new topic but not the booking's confidentiality: only a hub that
        // has seen the booking knows to blank it.
        {
          id: 2,
          command: {
            type: 'ChangeBooking',
            now: at(8, 30),
            actor: wang,
            roomId: 'B',
            bookingId: 'secret',
            topic: '人事调整（二）',
          },
        },
      ]);
      expect(outcomes(written)).toEqual([
        [1, 'applied'],
        [2, 'applied'],
      ]);
      const atDoor = await stale.pull(door('B'), {});
      if (!atDoor.ok) throw new Error('pull refused');
      const changed = atDoor.events.find(
        (e) => (e.data as { type: string }).type === 'BookingChanged',
      );
      expect(changed?.data).toMatchObject({ bookingId: 'secret', topic: '' });
      expect(JSON.stringify(atDoor.events)).not.toContain('人事调整');
    } finally {
      await stale.close();
    }
  });

  it('S-1: a hub whose cache is behind (another hub wrote to the room) decides again on what was written', async () => {
    await rooms();
    // opened now: its cache holds the rooms and nothing after
    const stale = await backend.open({ clock: () => clock.now });
    try {
      const there = await push(ADMIN, 'erp', [{ id: 1, command: book('b1', 'A', at(10), at(11)) }]);
      expect(outcomes(there)).toEqual([[1, 'applied']]);
      const overlap = await stale.push(door('A'), {
        clientId: 'door-A',
        clientClock: clock.now,
        mutations: [
          { id: 1, command: book('b2', 'A', at(10, 30), at(11, 30)) },
          { id: 2, command: book('b3', 'A', at(11), at(12)) },
        ],
      });
      expect(overlap.ok && overlap.results.map((o) => [o.id, o.status])).toEqual([
        [1, 'refused'],
        [2, 'applied'],
      ]);
      const feed = await hub.feed(ADMIN, {});
      expect(
        feed.ok && feed.events.filter((e) => e.roomId === 'A').map((e) => e.streamVersion),
      ).toEqual([1, 2, 3]);
    } finally {
      await stale.close();
    }
  });
});
