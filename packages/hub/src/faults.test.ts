// Faults on the PostgreSQL server: a hub process killed with SIGKILL inside a push loop, and
// connections terminated under load (S-2: nothing acknowledged lost, nothing applied twice).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import { adminQuery, backends } from './testing/backends.test-helpers.js';
import { ADMIN, at, register, room } from './testing/fixtures.test-helpers.js';

const server = (await backends('faults.test.ts')).find((b) => b.name === 'postgres');
const run = server?.available === true ? describe : describe.skip;
const child = fileURLToPath(new URL('./testing/push-loop.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const T0 = at(8);

/** Runs the push loop in its own process; resolves with the acknowledged ids when it ends or is killed. */
function pushLoop(
  url: string,
  from: number,
  to: number,
  killAfter?: number,
  client = 'loop',
): Promise<{ acked: number[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        FROM: String(from),
        TO: String(to),
        T0: String(T0),
        CLIENT: client,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let err = '';
    let killed = false;
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+) (\w+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
        if (killAfter !== undefined && acked.length >= killAfter && !killed) {
          killed = true;
          p.kill('SIGKILL');
        }
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ acked, killed });
      else reject(new Error(`push loop exited ${code}: ${err}`));
    });
  });
}

run('the hub under faults (PostgreSQL)', () => {
  beforeAll(async () => {
    await server?.setup();
  }, 60_000);
  afterAll(async () => {
    await server?.teardown();
  });

  it('S-2: a hub killed with SIGKILL inside a push loop loses nothing it acknowledged and applies nothing twice after a restart', async () => {
    expect(existsSync(built), 'the hub is built (npx tsc -b) before this test runs').toBe(true);
    await server?.reset();
    const url = server?.url as string;
    const setup = (await server?.open({ clock: () => T0 })) as Hub;
    await setup.push(ADMIN, {
      clientId: 'admin',
      clientClock: T0,
      mutations: ['K0', 'K1', 'K2', 'K3'].map((id, i) => ({
        id: i + 1,
        command: register(room(id)),
      })),
    });
    await setup.close();
    const first = await pushLoop(url, 1, 60, 25);
    expect(first.killed).toBe(true);
    // The client did not hear about the rest: it sends everything again from the first mutation.
    const second = await pushLoop(url, 1, 60);
    expect(second.acked).toHaveLength(60);
    const hub = (await server?.open({ clock: () => T0 })) as Hub;
    const rows = await sql<{ mutation_id: number; outcome: string }>`
      select mutation_id, outcome from hub_mutations where client_id = 'loop' order by mutation_id`.execute(
      hub.db,
    );
    expect(rows.rows.map((r) => r.mutation_id)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect(rows.rows.every((r) => r.outcome === 'applied')).toBe(true);
    for (const id of first.acked) expect(rows.rows.some((r) => r.mutation_id === id)).toBe(true);
    const booked = await sql<{ id: string; n: number }>`
      select data->'booking'->>'id' as id, count(*)::int as n from hub_events
       where type = 'RoomBooked' and client_id = 'loop' group by 1`.execute(hub.db);
    expect(booked.rows).toHaveLength(60);
    expect(booked.rows.every((r) => r.n === 1)).toBe(true);
    await hub.close();
  }, 120_000);

  it('S-2: connections terminated under load (pg_terminate_backend): the hub recovers by itself, each command once', async () => {
    await server?.reset();
    const url = server?.url as string;
    const name = new URL(url).pathname.slice(1);
    const hub = (await server?.open({ clock: () => T0 })) as Hub;
    await hub.push(ADMIN, {
      clientId: 'admin',
      clientClock: T0,
      mutations: ['K0', 'K1', 'K2', 'K3'].map((id, i) => ({
        id: i + 1,
        command: register(room(id)),
      })),
    });
    let pushing = true;
    let errors = 0;
    const clients = Array.from({ length: 6 }, async (_, c) => {
      for (let id = 1; id <= 30;) {
        const start = T0 + 3_600_000 + id * 1_800_000;
        const command = {
          type: 'RequestBooking',
          now: T0,
          actor: { id: 'p-wang', roles: ['organizer'] },
          bookingId: `t${c}-${id}`,
          roomId: `K${c % 4}`,
          topic: '例会',
          headcount: 4,
          start: start + (c >= 4 ? 0 : 0),
          end: start + 1_800_000,
        };
        try {
          const r = await hub.push(ADMIN, {
            clientId: `term-${c}`,
            clientClock: T0,
            mutations: [{ id, command }],
          });
          if (r.ok) id = r.lastMutationId + 1;
        } catch {
          errors++; // the client retries the same mutation, as a door would
        }
      }
    });
    const killer = (async () => {
      let kills = 0;
      while (pushing) {
        const r = await adminQuery(
          `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
        );
        kills += Number(r.rows[0]?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return kills;
    })();
    await Promise.all(clients);
    pushing = false;
    const kills = await killer;
    expect(kills).toBeGreaterThan(0);
    // The hub still works without a restart, and every mutation is there once.
    const after = await hub.push(ADMIN, {
      clientId: 'admin',
      clientClock: T0,
      mutations: [{ id: 5, command: register(room('K9')) }],
    });
    expect(after.ok && after.results[0]?.status).toBe('applied');
    const rows = await sql<{ client_id: string; n: number; m: number }>`
      select client_id, count(*)::int as n, max(mutation_id) as m from hub_mutations
       where client_id like 'term-%' group by client_id order by client_id`.execute(hub.db);
    expect(rows.rows.map((r) => [r.n, r.m])).toEqual(Array.from({ length: 6 }, () => [30, 30]));
    const twice =
      await sql`select client_id, mutation_id from hub_events where client_id like 'term-%'
       group by client_id, mutation_id having count(distinct tx::text) > 1`.execute(hub.db);
    expect(twice.rows).toEqual([]);
    console.log(
      `hub faults: ${kills} backends terminated, ${errors} pushes failed and were retried`,
    );
    await hub.close();
  }, 120_000);

  it('S-1: two hub processes on one database, each with its client booking the same slots: each slot won once, each command once', async () => {
    expect(existsSync(built), 'the hub is built (npx tsc -b) before this test runs').toBe(true);
    await server?.reset();
    const url = server?.url as string;
    const setup = (await server?.open({ clock: () => T0 })) as Hub;
    await setup.push(ADMIN, {
      clientId: 'admin',
      clientClock: T0,
      mutations: ['K0', 'K1', 'K2', 'K3'].map((id, i) => ({
        id: i + 1,
        command: register(room(id)),
      })),
    });
    const [one, two] = await Promise.all([
      pushLoop(url, 1, 40, undefined, 'east'),
      pushLoop(url, 1, 40, undefined, 'west'),
    ]);
    expect([one.acked.length, two.acked.length]).toEqual([40, 40]);
    const slots = await sql<{ room: string; start: string; n: number }>`
      select data->>'roomId' as room, data->'booking'->>'start' as start, count(*)::int as n
        from hub_events where type = 'RoomBooked' group by 1, 2`.execute(setup.db);
    expect(slots.rows).toHaveLength(40);
    expect(slots.rows.every((r) => r.n === 1)).toBe(true);
    const outcomes = await sql<{ client_id: string; n: number }>`
      select client_id, count(*)::int as n from hub_mutations where client_id in ('east', 'west')
       group by client_id order by client_id`.execute(setup.db);
    expect(outcomes.rows).toEqual([
      { client_id: 'east', n: 40 },
      { client_id: 'west', n: 40 },
    ]);
    await setup.close();
  }, 120_000);
});
