// The hub's benchmarks (`npm run bench`, or `node packages/hub/bench/run.mjs [filter] [--json]`),
// each against its anchor on the same database in one run. The targets hold on the PostgreSQL
// server (127.0.0.1:5432, or HUB_BENCH_PG_URL); PGlite's figures are printed beside them.
//   push: 100 rooms, 50 concurrent clients, one command a push   vs one bare INSERT a command  ≥ 0.5×
//   decide in a room with a year of history                       vs the same in an empty room  ≤ 1.5×
//   a door's catch-up after 7 days offline (2,000 of 200,000)     vs a plain indexed SELECT     ≤ 2×
//   a room's year-long iCalendar feed served (calendar-feed.bench.mjs, PGlite)
//                                                                 vs reading those bookings     ≤ 2×
import { PGlite } from '@electric-sql/pglite';
import { openHub } from '@huiyi/hub';
import pg from 'pg';
import { formatMs, printBenchRows } from '../../../scripts/bench-report.mjs';
import calendarFeed from './calendar-feed.bench.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const filter = args.find((a) => !a.startsWith('--') && a !== 'hub');
const log = json ? () => {} : (...a) => console.error(...a);
const ADMIN_URL = process.env.HUB_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 7, 0); // 08:00 in Shanghai
const allDay = [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }];
const room = (id) => ({
  id,
  name: `会议室 ${id}`,
  location: '售后服务楼',
  capacity: 20,
  equipment: [{ id: `${id}-proj`, kind: 'projector' }],
  openingHours: allDay,
  confidential: false,
  needsApproval: false,
  walkUp: true,
});
const admin = { id: 'p-zhou', roles: ['room-admin'] };
const wang = { id: 'p-wang', roles: ['organizer'] };
const ADMIN = { kind: 'admin' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function adminQuery(text) {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh database on each engine: { name, open(options), query(text, params), drop() }. */
async function engines() {
  const list = [];
  const up = await adminQuery('select 1').then(
    () => true,
    () => false,
  );
  if (up) {
    list.push({
      name: 'PostgreSQL',
      async fresh() {
        const db = `hub_bench_${Math.random().toString(36).slice(2, 10)}`;
        await adminQuery(`create database ${db}`);
        const u = new URL(ADMIN_URL);
        u.pathname = `/${db}`;
        const url = u.toString();
        const pool = new pg.Pool({ connectionString: url, max: 50 });
        pool.on('error', () => {});
        return {
          open: (o) => openHub({ ...o, databaseUrl: url, poolSize: 50 }),
          query: (text, params) => pool.query(text, params),
          async drop() {
            await pool.end();
            await adminQuery(`drop database if exists ${db} with (force)`);
          },
        };
      },
    });
  } else {
    log(`hub: PostgreSQL at ${new URL(ADMIN_URL).host} is unreachable: only PGlite's figures`);
  }
  if (process.env.HUB_BENCH_ENGINES === 'postgres') return { list, up };
  list.push({
    name: 'PGlite',
    async fresh() {
      const pglite = await PGlite.create();
      return {
        open: (o) => openHub({ ...o, pglite }),
        query: (text, params) => pglite.query(text, params),
        drop: () => pglite.close(),
      };
    },
  });
  return { list, up };
}

async function registerRooms(hub, ids, now) {
  const r = await hub.push(ADMIN, {
    clientId: 'bench-admin',
    clientClock: now,
    mutations: ids.map((id, i) => ({
      id: i + 1,
      command: { type: 'RegisterRoom', now: now - HOUR, actor: admin, room: room(id) },
    })),
  });
  if (!r.ok || r.results.some((o) => o.status !== 'applied')) throw new Error('setup failed');
}

/** push: 50 clients × 40 commands over 100 rooms, one command a push; vs 2,000 bare INSERTs. */
async function pushCase(engine) {
  const db = await engine.fresh();
  const clock = { now: T0 };
  const hub = await db.open({ clock: () => clock.now });
  const rooms = Array.from({ length: 100 }, (_, i) => `R${i}`);
  await registerRooms(hub, rooms, clock.now);
  await db.query(
    'create table bench_floor (id bigserial primary key, stream text not null, data jsonb not null)',
  );
  const clients = 50;
  const each = 40;
  const hubTimes = [];
  const floorTimes = [];
  for (let run = 0; run < 4; run++) {
    const day = run * DAY;
    let t = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let k = 0; k < each; k++) {
          const n = c * each + k;
          // Client c books its two rooms (2c, 2c + 1) in turn, half an hour after half an hour.
          const start = T0 + day + 2 * HOUR + Math.floor(k / 2) * 30 * MINUTE;
          const r = await hub.push(ADMIN, {
            clientId: `bench-${c}`,
            clientClock: clock.now,
            mutations: [
              {
                id: run * each + k + 1,
                command: {
                  type: 'RequestBooking',
                  now: clock.now,
                  actor: wang,
                  bookingId: `b${run}-${n}`,
                  roomId: rooms[2 * c + (k % 2)],
                  topic: '售后例会',
                  headcount: 6,
                  start,
                  end: start + 30 * MINUTE,
                },
              },
            ],
          });
          if (!r.ok || r.results[0]?.status !== 'applied')
            throw new Error(`push ${n}: ${JSON.stringify(r).slice(0, 300)}`);
        }
      }),
    );
    hubTimes.push((performance.now() - t) / (clients * each));
    t = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let k = 0; k < each; k++) {
          await db.query('insert into bench_floor (stream, data) values ($1, $2::jsonb)', [
            `room:R${(c * each + k) % 100}`,
            JSON.stringify({ type: 'RoomBooked', roomId: 'R', n: k, topic: '售后例会' }),
          ]);
        }
      }),
    );
    floorTimes.push((performance.now() - t) / (clients * each));
  }
  await hub.close();
  await db.drop();
  // The first run warms the caches and the JIT: the median of the other three.
  return { ours: median(hubTimes.slice(1)), anchor: median(floorTimes.slice(1)) };
}

/** The events of a year of bookings in one room (each booked and checked in), for seeding. */
function yearOf(roomId) {
  const events = [{ type: 'RoomRegistered', roomId, room: room(roomId) }];
  for (let d = 0; d < 261; d++) {
    for (let k = 0; k < 10; k++) {
      const start = T0 - 365 * DAY + d * DAY + k * 45 * MINUTE;
      const id = `y${d}-${k}`;
      events.push({
        type: 'RoomBooked',
        roomId,
        booking: {
          id,
          roomId,
          organizerId: 'p-wang',
          topic: `售后例会 ${d}-${k}`,
          headcount: 6,
          start,
          end: start + 40 * MINUTE,
          equipment: [],
          confidential: false,
          walkUp: false,
          status: 'confirmed',
          requestedAt: start - DAY,
        },
      });
      events.push({ type: 'BookingCheckedIn', roomId, bookingId: id, at: start });
    }
  }
  return events;
}

/** Appends events to the log directly (seeding only), one command per event. */
async function seed(db, roomId, events) {
  for (let i = 0; i < events.length; i += 2000) {
    const chunk = events.slice(i, i + 2000).map((e, j) => ({ v: i + j + 1, e }));
    await db.query(
      `insert into hub_events (id, stream, stream_version, room_id, room_version, type, data, now, who, device)
       select 'seed-' || $1 || '-' || (x->>'v'), 'room:' || $1, (x->>'v')::int, $1, (x->>'v')::int,
              x->'e'->>'type', x->'e', 0, 'seed', 'seed'
         from jsonb_array_elements($2::jsonb) x`,
      [roomId, JSON.stringify(chunk)],
    );
  }
  await db.query(
    `insert into hub_rooms (room_id, version) values ($1, $2)
       on conflict (room_id) do update set version = excluded.version`,
    [roomId, events.length],
  );
}

/** decide: a command in a room with a year of history vs in an empty room, one push each. */
async function decideCase(engine) {
  const db = await engine.fresh();
  const setup = await db.open({});
  await setup.close();
  await seed(db, 'Y', yearOf('Y'));
  await seed(db, 'E', [{ type: 'RoomRegistered', roomId: 'E', room: room('E') }]);
  const clock = { now: T0 };
  const hub = await db.open({ clock: () => clock.now });
  const year = [];
  const empty = [];
  let id = 0;
  for (let i = 0; i < 240; i++) {
    for (const roomId of i % 2 === 0 ? ['Y', 'E'] : ['E', 'Y']) {
      id++;
      const start = T0 + DAY * (1 + Math.floor(i / 20)) + (i % 20) * 45 * MINUTE;
      const t = performance.now();
      const r = await hub.push(ADMIN, {
        clientId: 'bench-decide',
        clientClock: clock.now,
        mutations: [
          {
            id,
            command: {
              type: 'RequestBooking',
              now: clock.now,
              actor: wang,
              bookingId: `d${id}`,
              roomId,
              topic: '售后例会',
              headcount: 6,
              start,
              end: start + 40 * MINUTE,
            },
          },
        ],
      });
      const ms = performance.now() - t;
      if (!r.ok || r.results[0]?.status !== 'applied')
        throw new Error(`decide ${roomId}: ${JSON.stringify(r).slice(0, 300)}`);
      if (i >= 40) (roomId === 'Y' ? year : empty).push(ms);
    }
  }
  await hub.close();
  await db.drop();
  return { ours: median(year), anchor: median(empty) };
}

/** catch-up: a door's pull of its room's 2,000 events among 200,000, vs a plain indexed SELECT. */
async function catchUpCase(engine) {
  const db = await engine.fresh();
  const setup = await db.open({});
  await setup.close();
  const rooms = 100;
  const per = 2000;
  for (let i = 0; i < rooms * per; i += 20000) {
    await db.query(
      `insert into hub_events (id, stream, stream_version, room_id, room_version, type, data, now, who, device)
       select 'e' || g, 'room:R' || (g % ${rooms}), g / ${rooms} + 1, 'R' || (g % ${rooms}), g / ${rooms} + 1,
              'RoomBooked',
              jsonb_build_object('type', 'RoomBooked', 'roomId', 'R' || (g % ${rooms}),
                'booking', jsonb_build_object('id', 'b' || g, 'roomId', 'R' || (g % ${rooms}),
                  'organizerId', 'p-wang', 'topic', '售后例会 ' || g, 'headcount', 6,
                  'start', ${T0} + g::bigint * 60000, 'end', ${T0} + g::bigint * 60000 + 2400000, 'equipment', '[]'::jsonb,
                  'confidential', false, 'walkUp', false, 'status', 'confirmed', 'requestedAt', ${T0})),
              ${T0}, 'seed', 'seed'
         from generate_series($1::int, $2::int) g`,
      [i, i + 19999],
    );
  }
  await db.query('analyze hub_events');
  const hub = await db.open({});
  const door = { kind: 'door', deviceId: 'kiosk-R7', roomId: 'R7' };
  const ours = [];
  const anchor = [];
  for (let run = 0; run < 7; run++) {
    let t = performance.now();
    let cursor;
    let n = 0;
    for (;;) {
      const page = await hub.pull(door, { cursor, limit: 1000 });
      if (!page.ok) throw new Error(page.rejection.code);
      n += page.events.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    ours.push(performance.now() - t);
    if (n !== per) throw new Error(`catch-up read ${n} events, not ${per}`);
    t = performance.now();
    const r = await db.query(
      `select position, id, stream, stream_version, room_id, type, data, now, who, device, client_id, mutation_id
         from hub_events where room_id = $1 and room_version > $2 order by room_version`,
      ['R7', 0],
    );
    anchor.push(performance.now() - t);
    if (r.rows.length !== per) throw new Error('anchor read the wrong rows');
  }
  await hub.close();
  await db.drop();
  return { ours: median(ours.slice(1)), anchor: median(anchor.slice(1)) };
}

const CASES = [
  {
    name: 'hub: push, 100 rooms, 50 concurrent clients',
    anchor: 'one bare INSERT transaction a command',
    target: 0.5,
    run: pushCase,
  },
  {
    name: 'hub: decide in a room with a year of history',
    anchor: 'the same in an empty room',
    target: 1 / 1.5,
    run: decideCase,
  },
  {
    name: "hub: a door's catch-up after 7 days offline (2,000 of 200,000 events)",
    anchor: 'a plain indexed SELECT of those rows',
    target: 1 / 2,
    run: catchUpCase,
  },
];

const { list, up } = await engines();
const rows = [];
const notes = [];
for (const c of CASES) {
  if (filter && !c.name.includes(filter)) continue;
  for (const engine of list) {
    log(`… ${c.name} (${engine.name})`);
    const r = await c.run(engine);
    const ratio = r.anchor / r.ours;
    const row = {
      name: `${c.name} (${engine.name})`,
      anchor: c.anchor,
      ratio: Number(ratio.toPrecision(4)),
      target: Number(c.target.toPrecision(4)),
      ok: ratio >= c.target,
      ours: formatMs(r.ours),
      anchorText: formatMs(r.anchor),
    };
    // The targets hold on the server; PGlite's figures are reported beside them.
    if (engine.name === 'PGlite' && up) {
      notes.push(
        `${row.name}: ours ${row.ours}, anchor ${row.anchorText}, ${ratio.toFixed(2)}× (reported beside, target on PostgreSQL)`,
      );
    } else rows.push(row);
  }
}
/**
 * The medians of two async functions timed turn about (ours, then the anchor, and again), so the
 * load of a shared machine falls on both alike: at least `rounds` runs each and 1.5 s in all.
 */
async function medians(ours, anchor, rounds = 20) {
  const a = [];
  const b = [];
  for (let i = 0; i < 3; i++) {
    await ours();
    await anchor();
  }
  const started = performance.now();
  while (a.length < rounds || performance.now() - started < 1500) {
    let t = performance.now();
    await ours();
    a.push(performance.now() - t);
    t = performance.now();
    await anchor();
    b.push(performance.now() - t);
  }
  return [median(a), median(b)];
}

// Cases written as modules: `{ cases: [{ name, anchor, target, ours, anchorFn }], close }`.
for (const module of [calendarFeed]) {
  const { cases, close } = await module();
  try {
    for (const c of cases) {
      if (filter && !c.name.includes(filter)) continue;
      log(`… ${c.name}`);
      const [ours, anchor] = await medians(c.ours, c.anchorFn);
      const ratio = anchor / ours;
      rows.push({
        name: c.name,
        anchor: c.anchor,
        ratio: Number(ratio.toPrecision(4)),
        target: Number(c.target.toPrecision(4)),
        ok: ratio >= c.target,
        ours: formatMs(ours),
        anchorText: formatMs(anchor),
      });
    }
  } finally {
    await close();
  }
}
printBenchRows(rows, { json, what: 'hub benchmarks', notes });
