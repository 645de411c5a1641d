// hub_apply_many commits a batch with a few set statements; every plan that leaves its fast path
// runs through hub_apply. Whatever a batch holds, it must leave the database and answer exactly as
// hub_apply called once a plan, in order, would (S-1, S-2): on both engines.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import { backends } from './testing/backends.test-helpers.js';

interface Plan {
  client: string;
  principal: string;
  mutation: number;
  room: string | null;
  expected: number;
  from_pending?: boolean;
  outcome: 'applied' | 'refused';
  rejection: unknown;
  now: number;
  command: unknown;
  events: {
    id: string;
    stream: string;
    stream_version: number;
    door_visible: boolean;
    type: string;
    data: unknown;
    now: number;
    who: string;
    device: string;
  }[];
  rooms: unknown[];
  bookings: unknown[];
  meetings?: unknown[];
}

const booking = (id: string, room: string, topic: string) => ({
  booking_id: id,
  room_id: room,
  organizer_id: 'p-wang',
  topic,
  headcount: 4,
  start_at: 1000,
  end_at: 2000,
  status: 'confirmed',
  confidential: false,
  walk_up: false,
  occ_start: 1000,
  occ_end: 2000,
});

/** A plan; `n` events on the room's stream from `sv` + 1. */
function plan(
  client: string,
  mutation: number,
  room: string | null,
  expected: number,
  n: number,
  extra: Partial<Plan> = {},
): Plan {
  const sv = extra.events?.[0]?.stream_version ?? expected;
  return {
    client,
    principal: 'admin',
    mutation,
    room,
    expected,
    from_pending: false,
    outcome: 'applied',
    rejection: null,
    now: 100 + mutation,
    command: { type: 'Probe', client, mutation },
    events: Array.from({ length: n }, (_, k) => ({
      id: `${client}-${mutation}-${k}`,
      stream: `room:${room ?? ''}`,
      stream_version: sv + k + 1,
      door_visible: true,
      type: 'Probe',
      data: { type: 'Probe', client, mutation, k },
      now: 100 + mutation,
      who: 'p-wang',
      device: 'admin',
    })),
    rooms: [],
    bookings: [],
    ...extra,
  };
}

const refusal = (client: string, mutation: number, room: string | null, expected: number) =>
  plan(client, mutation, room, expected, 0, {
    outcome: 'refused',
    rejection: { code: 'R-2', message: { en: 'held', 'zh-CN': '已占用' } },
  });

/** The state before the batch: clients at known counters, rooms at known versions, a pending row. */
const SETUP: Plan[] = [
  plan('c1', 1, 'A', 0, 1, { bookings: [booking('bk-1', 'A', '例会')] }),
  plan('c2', 1, 'B', 0, 1),
  { ...refusal('c3', 1, null, 0), principal: 'door:B' },
  plan('c4', 1, 'C', 0, 1),
  plan('c10', 1, 'F', 0, 1),
  plan('c11', 1, 'G', 0, 1),
  plan('c12', 1, null, 0, 0),
  plan('c13', 1, 'I', 0, 1),
  plan('c14', 1, 'P', 0, 1),
  plan('c14', 3, 'P', 1, 1), // waits for 2
  plan('c15', 2, 'Q', 0, 1), // waits for 1
  plan('c15', 1, 'Q', 0, 1),
  plan('c16', 1, 'L', 0, 1),
  plan('c17', 1, 'M', 0, 1),
  plan('c18', 1, 'N', 0, 1),
];

/** One batch with every path: applied, refused (with and without a room), stale, duplicate, foreign, waiting, a new client, two plans of one room, from a pending row, rows two plans touch. */
const BATCH: Plan[] = [
  plan('c1', 2, 'A', 1, 2, { bookings: [booking('bk-1', 'A', '例会（改）')] }),
  plan('c2', 2, 'B', 0, 1), // stale: B is at 1
  plan('c3', 2, null, 0, 0), // foreign: c3 is a door's
  plan('c4', 1, 'C', 0, 1), // duplicate
  plan('c6', 1, 'D', 0, 2, {
    rooms: [
      {
        room_id: 'D',
        name: '会议室 D',
        location: '二楼',
        capacity: 8,
        confidential: false,
        walk_up: true,
      },
    ],
  }), // a new client
  plan('c7', 2, 'E', 0, 1), // a new client, waits for 1
  plan('c10', 2, 'H', 0, 1), // H twice: the first applies …
  plan('c11', 2, 'H', 0, 1, {
    events: plan('c11', 2, 'H', 1, 1).events,
  }), // … the second is stale
  refusal('c12', 2, null, 0),
  refusal('c13', 2, 'I', 1),
  plan('c14', 2, 'P', 1, 1, { events: plan('c14', 2, 'P', 1, 1).events }), // releases 3
  plan('c15', 2, 'Q', 1, 1, { from_pending: true }),
  plan('c16', 2, 'L', 1, 1, { bookings: [booking('bk-shared', 'L', '先')] }),
  plan('c17', 2, 'M', 1, 1, { bookings: [booking('bk-shared', 'M', '后')] }),
  plan('c18', 2, 'N', 1, 1, {
    meetings: [
      {
        meeting_id: 'mt-1',
        room_id: 'N',
        topic: '售后周会',
        status: 'planned',
        start_at: 1000,
        end_at: 2000,
        confidential: false,
        chair_id: 'p-zhou',
        participants: ['p-wang'],
        attendance: null,
      },
    ],
  }),
];

interface Outcome {
  readonly results: unknown[];
  readonly tables: Record<string, unknown[]>;
}

/** Runs `apply` inside a transaction it rolls back, and returns what it answered and left. */
async function tried(
  db: Kysely<unknown>,
  apply: (c: Kysely<unknown>) => Promise<unknown[]>,
): Promise<Outcome> {
  return db.connection().execute(async (c) => {
    await sql`begin`.execute(c);
    try {
      const results = await apply(c);
      const q = async (text: string) => (await sql.raw(text).execute(c)).rows;
      const tables = {
        clients: await q(
          'select client_id, principal, last_mutation_id from hub_clients order by client_id',
        ),
        rooms: await q('select room_id, version from hub_rooms order by room_id'),
        events: await q(
          `select id, stream, stream_version, room_id, room_version, type, data, now::text, who,
                  device, client_id, mutation_id, door_visible from hub_events order by id`,
        ),
        mutations: await q(
          `select client_id, mutation_id, outcome, rejection, event_count, now::text
             from hub_mutations order by client_id, mutation_id`,
        ),
        pending: await q(
          'select client_id, mutation_id, command from hub_pending order by client_id, mutation_id',
        ),
        rm_rooms: await q('select * from rm_rooms order by room_id'),
        rm_bookings: await q('select * from rm_bookings order by booking_id'),
        rm_meetings: await q('select * from rm_meetings order by meeting_id'),
      };
      // Within a plan, its events take positions in their order.
      const order = await q(
        `select client_id, mutation_id, array_agg(stream_version order by position) as v
           from hub_events group by client_id, mutation_id`,
      );
      for (const r of order as { v: number[] }[])
        expect(r.v).toEqual([...r.v].sort((a, b) => a - b));
      return { results, tables };
    } finally {
      await sql`rollback`.execute(c);
    }
  });
}

/** Positions differ between runs (a sequence is not rolled back): their count stays. */
const withoutPositions = (results: unknown[]): unknown[] =>
  results.map((r) => {
    const o = r as { positions?: unknown[] | null };
    return { ...o, positions: Array.isArray(o.positions) ? o.positions.length : o.positions };
  });

for (const backend of await backends('apply-many.test.ts')) {
  const run = backend.available ? describe : describe.skip;
  run(`hub_apply_many on ${backend.name}`, () => {
    let hub: Hub;
    beforeAll(async () => {
      await backend.setup();
      await backend.reset();
      hub = await backend.open({});
      for (const p of SETUP) {
        await sql`select hub_apply(${JSON.stringify(p)}::jsonb)`.execute(hub.db);
      }
    }, 60_000);
    afterAll(async () => {
      await hub.close();
      await backend.teardown();
    });

    it('S-2: a batch with every path answers and writes as hub_apply once a plan, in order', async () => {
      const many = await tried(hub.db, async (c) => {
        const r = await sql<{
          r: unknown[];
        }>`select hub_apply_many(${JSON.stringify(BATCH)}::jsonb) as r`.execute(c);
        return r.rows[0]?.r ?? [];
      });
      const one = await tried(hub.db, async (c) => {
        const out: unknown[] = [];
        for (const p of BATCH) {
          const r = await sql<{
            r: unknown;
          }>`select hub_apply(${JSON.stringify(p)}::jsonb) as r`.execute(c);
          out.push(r.rows[0]?.r);
        }
        return out;
      });
      expect(withoutPositions(many.results)).toEqual(withoutPositions(one.results));
      expect(many.tables).toEqual(one.tables);
      // What each plan came to, named: every path of the batch was taken.
      expect(many.results.map((r) => (r as { status: string }).status)).toEqual([
        'applied',
        'stale',
        'foreign',
        'duplicate',
        'applied',
        'waiting',
        'applied',
        'stale',
        'refused',
        'refused',
        'applied',
        'applied',
        'applied',
        'applied',
        'applied',
      ]);
      // The released successor comes back with the plan that released it; the row two plans
      // upserted holds the later plan's; the pending row the plan came from is gone.
      expect((many.results[10] as { next: unknown }).next).toEqual({
        type: 'Probe',
        client: 'c14',
        mutation: 3,
      });
      expect(many.tables['rm_bookings']).toContainEqual(
        expect.objectContaining({ booking_id: 'bk-shared', room_id: 'M', topic: '后' }),
      );
      expect(many.tables['pending']).not.toContainEqual(
        expect.objectContaining({ client_id: 'c15' }),
      );
    });

    it('S-2: a batch of plans that all take the fast path writes each once, with its positions', async () => {
      const batch = [
        plan('c16', 2, 'L', 1, 2),
        plan('c17', 2, 'M', 1, 1),
        plan('c18', 2, 'N', 1, 3),
      ];
      const many = await tried(hub.db, async (c) => {
        const r = await sql<{
          r: unknown[];
        }>`select hub_apply_many(${JSON.stringify(batch)}::jsonb) as r`.execute(c);
        return r.rows[0]?.r ?? [];
      });
      expect(many.results.map((r) => (r as { positions: unknown[] }).positions.length)).toEqual([
        2, 1, 3,
      ]);
      expect(many.results.map((r) => (r as { version: number }).version)).toEqual([2, 2, 2]);
      expect(
        many.tables['events']?.filter((e) =>
          ['c16', 'c17', 'c18'].includes(String((e as { client_id: string }).client_id)),
        ),
      ).toHaveLength(3 + 6);
    });
  });
}
