import { beforeEach, describe, expect, it } from 'vitest';
import { exportLog, restoreLog, RestoreError } from './export-log.js';
import { openHub, type Hub } from './hub.js';
import {
  bookingsOfRoom,
  meetingWithAttendance,
  openActionsOf,
  roomsFreeAt,
} from './read-models.js';
import { DEMO_ROOMS, demoCommands } from '@huiyi/core';
import { sql } from 'kysely';
import { seedDemo } from './seed-demo.js';
import type { Committed, MutationOutcome, PushReply, PushRequest } from './hub-types.js';
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

const all = await backends('hub.test.ts');

const results = (r: PushReply): readonly MutationOutcome[] => {
  if (!r.ok) throw new Error(`push refused: ${r.rejection.code}`);
  return r.results;
};
const statuses = (r: PushReply): string[] => results(r).map((o) => o.status);

describe.each(all)('the hub on $name', (backend) => {
  let hub: Hub;
  const clock = { now: at(9) };
  // Each test at 09:00 (registered first: it runs before the hub opens).
  beforeEach(() => {
    clock.now = at(9);
  });
  hubPerTest(backend, { clock: () => clock.now }, (h) => (hub = h));
  // The three rooms, in each test's new hub.
  beforeEach(async () => {
    const r = await hub.push(ADMIN, {
      clientId: 'admin-cli',
      clientClock: clock.now,
      mutations: ['A', 'B', 'C'].map((id, i) => ({
        id: i + 1,
        command: register(room(id, id === 'B' ? { confidential: true } : {})),
      })),
    });
    expect(statuses(r)).toEqual(['applied', 'applied', 'applied']);
  });

  it('S-1: decides a pushed command by the rules and appends its events to the feed', async () => {
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    const [o] = results(r);
    expect(o?.status).toBe('applied');
    if (o?.status !== 'applied') return;
    expect(o.events.map((e) => e.type)).toEqual(['RoomBooked', 'BookingCheckedIn']);
    const page = await hub.feed(ADMIN, {});
    if (!page.ok) throw new Error('feed refused');
    expect(page.events.map((e) => e.type)).toEqual([
      'RoomRegistered',
      'RoomRegistered',
      'RoomRegistered',
      'RoomBooked',
      'BookingCheckedIn',
    ]);
    expect(page.events.map((e) => e.streamVersion)).toEqual([1, 1, 1, 2, 3]);
  });

  it('S-2: a retried push applies nothing twice and returns the first outcome', async () => {
    const push = {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    };
    expect(statuses(await hub.push(door('A'), push))).toEqual(['applied']);
    const again = await hub.push(door('A'), push);
    expect(results(again)[0]).toEqual({
      id: 1,
      status: 'duplicate',
      prior: { outcome: 'applied', eventCount: 2 },
    });
    const page = await hub.feed(ADMIN, {});
    expect(page.ok && page.events.filter((e) => e.type === 'RoomBooked')).toHaveLength(1);
  });

  it('S-2: a refused command advances the counter and its refusal is readable by its client', async () => {
    await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [{ id: 1, command: book('b1', 'A', at(10), at(11)) }],
    });
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: book('b2', 'A', at(10, 30), at(11, 30)) }],
    });
    const [o] = results(r);
    expect(o?.status).toBe('refused');
    expect(o?.status === 'refused' && o.rejection.rule).toBe('R-2');
    expect(r.ok && r.lastMutationId).toBe(1);
    const pulled = await hub.pull(door('A'), { clientId: 'door-A' });
    if (!pulled.ok) throw new Error('pull refused');
    expect(pulled.client?.lastMutationId).toBe(1);
    expect(pulled.client?.refused.map((x) => [x.mutationId, x.rejection.rule])).toEqual([
      [1, 'R-2'],
    ]);
  });

  it('S-2: a mutation ahead of its predecessor waits and runs right after it arrives', async () => {
    const later = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [
        {
          id: 2,
          command: { type: 'EndEarly', now: at(9, 10), actor: wang, roomId: 'A', bookingId: 'w1' },
        },
      ],
    });
    expect(results(later)).toEqual([{ id: 2, status: 'waiting' }]);
    expect(later.ok && later.lastMutationId).toBe(0);
    const first = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    expect(results(first).map((o) => [o.id, o.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
    expect(first.ok && first.lastMutationId).toBe(2);
  });

  it("S-1: a walk-up tapped offline at 13:40 is decided with its own now against the hub's state when it arrives (capped by R-5)", async () => {
    // The hub accepted a booking at 14:00 while the door was offline.
    await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [{ id: 1, command: book('b1', 'A', at(14), at(15)) }],
    });
    clock.now = at(15);
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(13, 40), 30) }],
    });
    const [o] = results(r);
    if (o?.status !== 'applied') throw new Error(`expected applied, got ${o?.status}`);
    const booked = o.events.find((e) => e.type === 'RoomBooked')?.data as {
      booking: { start: number; end: number };
    };
    expect(booked.booking.start).toBe(at(13, 40));
    expect(booked.booking.end).toBe(at(14));
  });

  it('S-3: a door acting for another room is refused, recorded, and changes nothing', async () => {
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'C', at(9)) }],
    });
    const [o] = results(r);
    expect(o?.status === 'refused' && [o.rejection.rule, o.rejection.code]).toEqual([
      'S-3',
      'hub.other-room',
    ]);
    const page = await hub.feed(ADMIN, {});
    expect(page.ok && page.events).toHaveLength(3);
  });

  it('S-3: a door may not issue an admin command for its own room; a key needs its scope', async () => {
    const d = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: register(room('A', { capacity: 99 })) }],
    });
    expect(
      results(d)[0]?.status === 'refused' &&
        (results(d)[0] as { rejection: { code: string } }).rejection.code,
    ).toBe('hub.not-for-door');
    const k = await hub.push(system(['act']), {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [{ id: 1, command: register(room('D')) }],
    });
    expect(
      results(k)[0]?.status === 'refused' &&
        (results(k)[0] as { rejection: { code: string } }).rejection.code,
    ).toBe('hub.missing-scope');
    const noRead = await hub.feed(system(['act']), {});
    expect(!noRead.ok && noRead.rejection.code).toBe('hub.missing-scope');
    const doorFeed = await hub.feed(door('A'), {});
    expect(!doorFeed.ok && doorFeed.rejection.rule).toBe('S-3');
  });

  it("S-3: a door reads only its own room's events (and the site's)", async () => {
    await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    await hub.push(door('C'), {
      clientId: 'door-C',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w2', 'C', at(9)) }],
    });
    const page = await hub.pull(door('A'), {});
    if (!page.ok) throw new Error('pull refused');
    expect(new Set(page.events.map((e) => e.roomId))).toEqual(new Set(['A']));
  });

  it('S-3: a client id belongs to the principal that first used it', async () => {
    await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    const r = await hub.push(door('C', 'kiosk-C'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 2, command: walkUp('w2', 'C', at(9)) }],
    });
    expect(!r.ok && r.rejection.code).toBe('hub.foreign-client');
    const p = await hub.pull(door('C', 'kiosk-C'), { clientId: 'door-A' });
    expect(!p.ok && p.rejection.code).toBe('hub.foreign-client');
  });

  it('S-4: a confidential booking reaches a door without its topic; an integrator reads it whole', async () => {
    await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [
        {
          id: 1,
          command: book('secret', 'B', at(10), at(11), { topic: '人事调整', confidential: true }),
        },
      ],
    });
    const d = await hub.pull(door('B'), {});
    if (!d.ok) throw new Error('pull refused');
    const booked = d.events.find((e) => e.type === 'RoomBooked' || e.type === 'BookingRequested');
    expect(JSON.stringify(d.events)).not.toContain('人事调整');
    expect((booked?.data as { booking: { id: string } }).booking.id).toBe('secret');
    const f = await hub.feed(ADMIN, {});
    expect(f.ok && JSON.stringify(f.events)).toContain('人事调整');
  });

  it("S-1: a device clock off by 10 minutes has its commands' now bounded, and the reply says so", async () => {
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now + 10 * 60_000,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9, 10)) }],
    });
    if (!r.ok) throw new Error('refused');
    expect(r.clock).toEqual({ hubNow: clock.now, skewMs: 10 * 60_000, verdict: 'bounded' });
    const [o] = r.results;
    if (o?.status !== 'applied') throw new Error('not applied');
    expect(o.events[0]?.now).toBe(at(9));
  });

  it('S-1: a device clock off by two days has its commands refused, and told why', async () => {
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now - 2 * 24 * 3600_000,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    expect(r.ok && r.clock.verdict).toBe('refused');
    const [o] = results(r);
    expect(o?.status === 'refused' && o.rejection.code).toBe('hub.clock-skew');
  });

  it('S-6: a cursor from another database, or malformed, gets a clear reset and the first page', async () => {
    const first = await hub.feed(ADMIN, { limit: 2 });
    if (!first.ok) throw new Error('feed refused');
    expect(first.more).toBe(true);
    const second = await hub.feed(ADMIN, { after: first.cursor });
    expect(second.ok && [second.reset, second.events.length]).toEqual([false, 1]);
    for (const bad of ['ffff.1.1', 'nonsense', `${hub.hubId}.999999.999999`]) {
      const r = await hub.feed(ADMIN, { after: bad });
      expect(r.ok && [r.reset, r.events.length]).toEqual([true, 3]);
    }
  });

  it("S-2: the hub restarted on the same database knows every counter and the rooms' state", async () => {
    await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    await hub.close();
    hub = await backend.open({ clock: () => clock.now });
    const again = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [
        { id: 1, command: walkUp('w1', 'A', at(9)) },
        { id: 2, command: walkUp('w2', 'A', at(9, 5)) },
      ],
    });
    expect(statuses(again)).toEqual(['duplicate', 'refused']);
  });

  it("R-2: today's bookings of a room and which rooms are free now follow every commit (read models)", async () => {
    await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [
        { id: 1, command: book('b1', 'A', at(10), at(11)) },
        {
          id: 2,
          command: book('secret', 'B', at(8), at(12), { topic: '人事调整', confidential: true }),
        },
        { id: 3, command: book('b3', 'A', at(12), at(13)) },
        {
          id: 4,
          command: { type: 'CancelBooking', now: at(9), actor: wang, roomId: 'A', bookingId: 'b3' },
        },
      ],
    });
    await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    const today = await bookingsOfRoom(hub.db, door('A'), 'A', at(0), at(0, 0, 8));
    expect(today.ok && today.bookings.map((b) => [b.bookingId, b.status])).toEqual([
      ['w1', 'checked-in'],
      ['b1', 'confirmed'],
    ]);
    const secret = await bookingsOfRoom(hub.db, door('B'), 'B', at(0), at(0, 0, 8));
    expect(secret.ok && secret.bookings.map((b) => b.topic)).toEqual(['']);
    const other = await bookingsOfRoom(hub.db, door('A'), 'B', at(0), at(0, 0, 8));
    expect(!other.ok && other.rejection.rule).toBe('S-3');
    const free = await roomsFreeAt(hub.db, ADMIN, at(9, 15));
    expect(free.ok && free.rooms.map((r) => [r.roomId, r.free])).toEqual([
      ['A', false],
      ['B', false],
      ['C', true],
    ]);
    const later = await roomsFreeAt(hub.db, ADMIN, at(12, 30));
    expect(later.ok && later.rooms.map((r) => [r.roomId, r.free])).toEqual([
      ['A', true],
      ['B', true],
      ['C', true],
    ]);
  });

  const countRows = async (): Promise<number[]> => {
    const r = await sql<{ e: number; m: number; c: number }>`
      select (select count(*)::int from hub_events) as e, (select count(*)::int from hub_mutations) as m,
             (select count(*)::int from hub_clients) as c`.execute(hub.db);
    const row = r.rows[0];
    return [row?.e ?? -1, row?.m ?? -1, row?.c ?? -1];
  };

  it('S-2: a malformed push is refused whole with a clear reason, and nothing is recorded', async () => {
    const before = await countRows();
    const bad: unknown[] = [
      null,
      'push',
      { clientId: "x'; drop table hub_events; --", clientClock: clock.now, mutations: [] },
      { clientId: 'door-A', clientClock: 'now', mutations: [] },
      { clientId: 'door-A', clientClock: clock.now, mutations: {} },
      { clientId: 'door-A', clientClock: clock.now, mutations: [{ id: 0, command: {} }] },
      { clientId: 'door-A', clientClock: clock.now, mutations: [{ id: 1.5, command: {} }] },
      {
        clientId: 'door-A',
        clientClock: clock.now,
        mutations: [
          { id: 2, command: {} },
          { id: 1, command: {} },
        ],
      },
      { clientId: 'door-A', clientClock: Number.NaN, mutations: [] },
    ];
    for (const b of bad) {
      const r = await hub.push(door('A'), b as PushRequest);
      expect(r.ok, JSON.stringify(b)).toBe(false);
      expect(!r.ok && [r.rejection.rule, r.rejection.code]).toEqual(['S-2', 'hub.malformed']);
      expect(
        !r.ok && r.rejection.message.en.length > 0 && r.rejection.message['zh-CN'].length > 0,
      ).toBe(true);
    }
    for (const q of [
      { limit: 0 },
      { limit: 5000 },
      { cursor: 'x'.repeat(500) },
      { sinceMutationId: -1, clientId: 'door-A' },
    ]) {
      const r = await hub.pull(door('A'), q);
      expect(!r.ok && r.rejection.code, JSON.stringify(q)).toBe('hub.malformed');
    }
    expect(await countRows()).toEqual(before);
  });

  it('S-2: malformed commands and unknown ids are refused with their rule and recorded, the state unchanged', async () => {
    const [events] = await countRows();
    const commands: unknown[] = [
      null,
      'WalkUp',
      [1, 2],
      { type: 'Nope', now: at(9), actor: wang },
      { type: 'WalkUp', now: at(9), actor: wang, roomId: 'A' },
      { ...walkUp('w1', 'A', at(9)), minutes: -5 },
      { ...walkUp('w1', 'A', at(9)), now: 'nine' },
      { type: 'CheckIn', now: at(9), actor: wang, roomId: 'A', bookingId: 'nobody' },
      { type: 'EndEarly', now: at(9), actor: wang, roomId: 'A', bookingId: 'nobody' },
      { ...walkUp('w1', 'A', at(9)), topic: 'nul \u0000 inside' },
    ];
    const r = await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: commands.map((command, i) => ({ id: i + 1, command })),
    });
    if (!r.ok) throw new Error('push refused');
    expect(r.results.map((o) => o.status)).toEqual(commands.map(() => 'refused'));
    for (const o of r.results) {
      if (o.status !== 'refused') continue;
      expect(o.rejection.rule).toMatch(/^[A-Z]-\d+$/);
      expect(o.rejection.message.en.length).toBeGreaterThan(0);
    }
    expect(r.lastMutationId).toBe(commands.length);
    const [after] = await countRows();
    expect(after).toBe(events);
    const unknownRoom = await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [{ id: 1, command: book('b1', 'Z', at(10), at(11)) }],
    });
    expect(unknownRoom.ok && unknownRoom.results[0]?.status).toBe('refused');
  });

  it('S-2: SQL metacharacters in every text field are kept as data, never run', async () => {
    const nasty = `'); drop table hub_events; -- $$ \\ " %s \n 会议'`;
    const r = await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [
        { id: 1, command: register(room('N', { name: nasty, location: nasty })) },
        {
          id: 2,
          command: book('b-n', 'N', at(10), at(11), {
            topic: nasty,
            actor: { id: nasty, roles: ['organizer'] },
          }),
        },
        {
          id: 3,
          command: {
            type: 'ReportEquipmentFault',
            now: at(9),
            actor: wang,
            roomId: 'N',
            equipmentId: 'N-proj',
            note: nasty,
          },
        },
      ],
    });
    expect(statuses(r)).toEqual(['applied', 'applied', 'applied']);
    const f = await hub.feed(ADMIN, {});
    if (!f.ok) throw new Error('feed refused');
    const booked = f.events.find((e) => e.type === 'RoomBooked');
    expect((booked?.data as { booking: { topic: string } }).booking.topic).toBe(nasty);
    expect(booked?.who).toBe(nasty);
    const rooms = await roomsFreeAt(hub.db, ADMIN, at(12));
    expect(rooms.ok && rooms.rooms.find((x) => x.roomId === 'N')?.name).toBe(nasty);
    const b = await bookingsOfRoom(hub.db, ADMIN, 'N', at(0), at(23));
    expect(b.ok && b.bookings[0]?.topic).toBe(nasty);
    expect((await countRows())[0]).toBe(f.events.length);
  });

  it('S-6: the log exported as NDJSON restores into an empty database: same events and counters, every cursor reset', async () => {
    await hub.push(door('A'), {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
    });
    await hub.push(ADMIN, {
      clientId: 'erp',
      clientClock: clock.now,
      mutations: [
        {
          id: 1,
          command: book('secret', 'B', at(10), at(11), { topic: '人事调整', confidential: true }),
        },
        { id: 2, command: book('clash', 'B', at(10), at(11)) },
        { id: 4, command: book('later', 'C', at(15), at(16)) },
      ],
    });
    const source = await hub.feed(ADMIN, { limit: 1000 });
    if (!source.ok) throw new Error('feed refused');
    const lines: string[] = [];
    const written = await exportLog(hub.db, (line) => {
      lines.push(line);
    });
    expect(written).toBe(lines.length);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      kind: 'huiyi-hub-log',
      version: 1,
      hubId: hub.hubId,
    });
    const target = await backend.emptyDatabase();
    try {
      expect(await restoreLog(target.options, lines)).toBe(source.events.length);
      await expect(restoreLog(target.options, lines)).rejects.toThrow(RestoreError);
      const restored = await openHub({ ...target.options, clock: () => clock.now });
      try {
        expect(restored.hubId).not.toBe(hub.hubId);
        const feed = await restored.feed(ADMIN, { limit: 1000 });
        if (!feed.ok) throw new Error('feed refused');
        expect(feed.events).toEqual(source.events);
        const old = await restored.feed(ADMIN, { after: source.cursor });
        expect(old.ok && old.reset).toBe(true);
        const replay = await restored.push(door('A'), {
          clientId: 'door-A',
          clientClock: clock.now,
          mutations: [{ id: 1, command: walkUp('w1', 'A', at(9)) }],
        });
        expect(replay.ok && replay.results[0]?.status).toBe('duplicate');
        const refusals = await restored.pull(ADMIN, { clientId: 'erp' });
        expect(refusals.ok && refusals.client?.refused.map((r) => r.mutationId)).toEqual([2]);
        // The waiting mutation 4 runs once its predecessor arrives, as before the export.
        const third = await restored.push(ADMIN, {
          clientId: 'erp',
          clientClock: clock.now,
          mutations: [{ id: 3, command: book('third', 'C', at(12), at(13)) }],
        });
        expect(third.ok && third.results.map((o) => [o.id, o.status])).toEqual([
          [3, 'applied'],
          [4, 'applied'],
        ]);
        const rooms = await bookingsOfRoom(restored.db, ADMIN, 'B', at(0), at(23));
        expect(rooms.ok && rooms.bookings.map((b) => b.bookingId)).toEqual(['secret']);
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  }, 60_000);

  it('R-1: the demo dealership seeds through the hub once; seeding again adds nothing', async () => {
    await hub.close();
    await backend.reset();
    hub = await backend.open({ clock: () => clock.now });
    const first = await seedDemo(hub, clock.now);
    const commands = demoCommands(clock.now, 'Asia/Shanghai');
    const rooming = commands.filter(
      (c) => c['type'] === 'RegisterRoom' || c['type'] === 'RequestBooking',
    );
    expect(rooming.length).toBeGreaterThan(0);
    expect(first).toEqual({ applied: commands.length, refused: 0, duplicate: 0 });
    const again = await seedDemo(hub, clock.now);
    expect(again).toEqual({ applied: 0, refused: 0, duplicate: commands.length });
    const rooms = await roomsFreeAt(hub.db, ADMIN, clock.now);
    expect(rooms.ok && rooms.rooms.map((r) => r.roomId)).toEqual(DEMO_ROOMS.map((r) => r.id));
  });

  it('M-6, S-4: a meeting with its attendance; a confidential meeting reaches its door without topic, agenda or the informed', async () => {
    await hub.close();
    await backend.reset();
    hub = await backend.open({ clock: () => clock.now });
    await seedDemo(hub, clock.now);
    const weekly = await meetingWithAttendance(hub.db, ADMIN, 'm-weekly');
    if (!weekly.ok || !weekly.meeting) throw new Error('no meeting');
    expect(weekly.meeting.roomId).toBe('A');
    const att = weekly.meeting.attendance as { rows: { personId: string }[]; attended: number };
    expect(att.rows.length).toBeGreaterThan(0);
    expect(att.attended).toBe(4);
    const fromB = await meetingWithAttendance(hub.db, door('B'), 'm-weekly');
    expect(!fromB.ok && fromB.rejection.rule).toBe('S-3');
    const secret = await meetingWithAttendance(hub.db, door('C'), 'm-secret');
    expect(secret.ok && secret.meeting?.topic).toBe('');
    const pulled = await hub.pull(door('C'), { limit: 1000 });
    if (!pulled.ok) throw new Error('pull refused');
    const text = JSON.stringify(pulled.events);
    expect(text).not.toContain('年度索赔审计');
    expect(text).not.toContain('索赔单据抽查结果');
    const planned = pulled.events.find((e) => e.type === 'MeetingPlanned')?.data as {
      plan: { participants: string[] };
    };
    expect(planned.plan.participants).toEqual(['p-zhao', 'p-huang']);
    // The door reads the directory (site-wide) but nothing of another room.
    expect(pulled.events.some((e) => e.type === 'PersonRegistered')).toBe(true);
    expect(pulled.events.every((e) => e.roomId === 'C' || e.roomId === null)).toBe(true);
    const whole = await hub.feed(ADMIN, { limit: 1000 });
    expect(whole.ok && JSON.stringify(whole.events)).toContain('年度索赔审计');
  });

  it('R-8, S-4: an agreement signed by hand at a door is kept whole at the hub; a door learns that it was signed, never the drawing', async () => {
    await hub.close();
    await backend.reset();
    hub = await backend.open({ clock: () => clock.now });
    await seedDemo(hub, clock.now);
    const drawing = 'M120 300l40 -80 35 90 50 -120 60 110';
    const signed = await hub.push(door('C'), {
      clientId: 'door-C',
      clientClock: clock.now,
      mutations: [
        {
          id: 1,
          command: {
            type: 'SignConfidentialityAgreement',
            now: clock.now,
            actor: { id: 'p-zhao', roles: [] },
            personId: 'p-zhao',
            version: 1,
            signatureRef: 'sig-zhao-1',
            signature: drawing,
            meetingId: 'm-secret',
          },
        },
      ],
    });
    expect(statuses(signed)).toEqual(['applied']);
    const agreementOf = (events: readonly { type: string; data: unknown }[]) =>
      events.find((e) => e.type === 'ConfidentialityAgreementSigned')?.data as
        Record<string, unknown> | undefined;
    const pulled = await hub.pull(door('C'), { limit: 1000 });
    if (!pulled.ok) throw new Error('pull refused');
    const atDoor = agreementOf(pulled.events);
    expect(atDoor).toMatchObject({ personId: 'p-zhao', version: 1, signatureRef: 'sig-zhao-1' });
    expect(atDoor).not.toHaveProperty('signature');
    expect(JSON.stringify(pulled.events)).not.toContain(drawing);
    const whole = await hub.feed(ADMIN, { limit: 1000 });
    if (!whole.ok) throw new Error('feed refused');
    expect(agreementOf(whole.events)).toMatchObject({ signature: drawing });
  });

  it('F-2, S-3: open actions of a person are read by an integrator, never by a door', async () => {
    const actions = await openActionsOf(hub.db, system(['read']), 'p-liu');
    expect(actions.ok && actions.actions).toEqual([]);
    const d = await openActionsOf(hub.db, door('A'), 'p-liu');
    expect(!d.ok && d.rejection.rule).toBe('S-3');
    const noScope = await openActionsOf(hub.db, system(['act']), 'p-liu');
    expect(!noScope.ok && noScope.rejection.code).toBe('hub.missing-scope');
  });

  it('S-6: onCommitted hears each commit that appended events, after it, with its positions; not refusals or retries', async () => {
    const heard: Committed[] = [];
    const off = hub.onCommitted((c) => heard.push(c));
    const push = {
      clientId: 'door-A',
      clientClock: clock.now,
      mutations: [
        { id: 1, command: walkUp('w1', 'A', at(9)) },
        { id: 2, command: walkUp('w2', 'A', at(9)) },
      ],
    };
    await hub.push(door('A'), push);
    await hub.push(door('A'), push);
    off();
    await hub.push(door('A'), {
      ...push,
      mutations: [
        {
          id: 3,
          command: { type: 'EndEarly', now: at(9, 10), actor: wang, roomId: 'A', bookingId: 'w1' },
        },
      ],
    });
    const feed = await hub.feed(ADMIN, {});
    if (!feed.ok) throw new Error('feed refused');
    const ofFirst = feed.events
      .filter((e) => e.clientId === 'door-A' && e.mutationId === 1)
      .map((e) => e.position);
    expect(heard).toEqual([{ roomId: 'A', clientId: 'door-A', mutationId: 1, positions: ofFirst }]);
  });
});
