import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase, type DatabaseOptions } from './db/open-database.js';
import type { HubCommand, HubEvent } from './hub-decider.js';
import type { HubRules } from './hub-rules.js';
import { dealershipHubRules } from './dealership-rules.js';

/** The first line of an export: what it is and where it came from. */
export interface LogHeader {
  readonly kind: 'huiyi-hub-log';
  readonly version: 1;
  readonly hubId: string;
  readonly exportedAt: string;
}

const PAGE = 2000;

/**
 * Writes the whole log as NDJSON, one JSON value a line: the header, every event in position
 * order, every mutation's outcome, every client's counter, every waiting mutation. Read in one
 * snapshot, so the export is consistent while the hub keeps running.
 *
 * @param db - the hub's database (`hub.db`)
 * @param write - called with each line (without its newline), in order
 * @returns how many lines were written
 * @example
 * await exportLog(hub.db, (line) => out.write(`${line}\n`)) // => 1 + events + mutations + clients
 */
export async function exportLog(
  db: Kysely<unknown>,
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      let n = 0;
      const out = async (v: unknown): Promise<void> => {
        await write(JSON.stringify(v));
        n++;
      };
      const meta = await sql<{
        value: string;
      }>`select value from hub_meta where key = 'hub_id'`.execute(trx);
      const header: LogHeader = {
        kind: 'huiyi-hub-log',
        version: 1,
        hubId: meta.rows[0]?.value ?? '',
        exportedAt: new Date().toISOString(),
      };
      await out(header);
      for (let after = 0; ;) {
        const rows = await sql<Record<string, unknown>>`
          select position::text as position, id, stream, stream_version, room_id, room_version, type,
                 data, now::text as now, who, device, client_id, mutation_id, door_visible, recorded_at
            from hub_events where position > ${after} order by hub_events.position limit ${PAGE}`.execute(
          trx,
        );
        for (const r of rows.rows) {
          await out({
            kind: 'event',
            position: Number(r['position']),
            id: r['id'],
            stream: r['stream'],
            streamVersion: r['stream_version'],
            roomId: r['room_id'],
            roomVersion: r['room_version'],
            type: r['type'],
            data: r['data'],
            now: Number(r['now']),
            who: r['who'],
            device: r['device'],
            clientId: r['client_id'],
            mutationId: r['mutation_id'],
            doorVisible: r['door_visible'],
            recordedAt: new Date(r['recorded_at'] as string).toISOString(),
          });
        }
        if (rows.rows.length < PAGE) break;
        after = Number(rows.rows[rows.rows.length - 1]?.['position']);
      }
      const mutations = await sql<Record<string, unknown>>`
        select client_id, mutation_id, outcome, rejection, event_count, now::text as now
          from hub_mutations order by client_id, mutation_id`.execute(trx);
      for (const r of mutations.rows) {
        await out({
          kind: 'mutation',
          clientId: r['client_id'],
          mutationId: r['mutation_id'],
          outcome: r['outcome'],
          rejection: r['rejection'],
          eventCount: r['event_count'],
          now: r['now'] === null ? null : Number(r['now']),
        });
      }
      const clients = await sql<Record<string, unknown>>`
        select client_id, principal, last_mutation_id from hub_clients order by client_id`.execute(
        trx,
      );
      for (const r of clients.rows) {
        await out({
          kind: 'client',
          clientId: r['client_id'],
          principal: r['principal'],
          lastMutationId: r['last_mutation_id'],
        });
      }
      const pending = await sql<Record<string, unknown>>`
        select client_id, mutation_id, command from hub_pending order by client_id, mutation_id`.execute(
        trx,
      );
      for (const r of pending.rows) {
        await out({
          kind: 'pending',
          clientId: r['client_id'],
          mutationId: r['mutation_id'],
          command: r['command'],
        });
      }
      return n;
    });
}

/** Why a restore did not happen. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

const insertBatch = async (
  db: Kysely<unknown>,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> => {
  const first = rows[0];
  if (!first) return;
  const json = JSON.stringify(rows);
  const columns = sql.join(Object.keys(first).map((k) => sql.ref(k)));
  await sql`insert into ${sql.table(table)} (${columns})
    select ${columns} from jsonb_populate_recordset(null::${sql.table(table)}, ${json}::jsonb)`.execute(
    db,
  );
};

/**
 * Restores an NDJSON export into an empty database (refused otherwise): events with their ids,
 * streams, versions and positions, every outcome and counter (so a replayed mutation is still a
 * duplicate), the read models folded again, and a new hub id, so every cursor resets.
 *
 * @param options - the database to restore into (as for `openHub`), and the rules for the read models
 * @param lines - the export's lines, in order
 * @returns how many events were restored
 * @throws RestoreError when the database is not empty or a line is not part of an export
 * @example
 * await restoreLog({ databaseUrl }, readLines(file)) // => 5210
 */
export async function restoreLog<C extends HubCommand, E extends HubEvent, S>(
  options: DatabaseOptions & { readonly rules?: HubRules<C, E, S> | undefined },
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<number> {
  const rules = (options.rules ?? dealershipHubRules()) as unknown as HubRules<C, E, S>;
  const database = await openDatabase(options);
  try {
    await migrateToLatest(database.db);
    // All or nothing: a failed restore leaves the database empty, ready for another try.
    return await database.db.transaction().execute((trx) => restoreInto(trx, rules, lines));
  } finally {
    await database.close();
  }
}

async function restoreInto<C extends HubCommand, E extends HubEvent, S>(
  db: Kysely<unknown>,
  rules: HubRules<C, E, S>,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<number> {
  const used = await sql<{ n: number }>`
    select (select count(*) from hub_events) + (select count(*) from hub_clients)
         + (select count(*) from hub_mutations) as n`.execute(db);
  if (Number(used.rows[0]?.n ?? 0) > 0)
    throw new RestoreError('restore: the database is not empty');
  let header = false;
  let state = rules.decider.initialState;
  const touched: E[] = [];
  let events: Record<string, unknown>[] = [];
  let count = 0;
  const flushEvents = async (): Promise<void> => {
    await insertBatch(db, 'hub_events', events);
    events = [];
  };
  const rest: Record<'mutation' | 'client' | 'pending', Record<string, unknown>[]> = {
    mutation: [],
    client: [],
    pending: [],
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new RestoreError(`restore: line ${count + 1} is not JSON`);
    }
    if (!header) {
      if (v['kind'] !== 'huiyi-hub-log' || v['version'] !== 1)
        throw new RestoreError('restore: not a hub log export');
      header = true;
      continue;
    }
    switch (v['kind']) {
      case 'event': {
        const data = v['data'] as E;
        events.push({
          position: v['position'],
          id: v['id'],
          stream: v['stream'],
          stream_version: v['streamVersion'],
          room_id: v['roomId'],
          room_version: v['roomVersion'],
          type: v['type'],
          data,
          now: v['now'],
          who: v['who'],
          device: v['device'],
          client_id: v['clientId'],
          mutation_id: v['mutationId'],
          door_visible: v['doorVisible'],
          recorded_at: v['recordedAt'],
        });
        state = rules.decider.fold(state, [data]);
        touched.push(data);
        count++;
        if (events.length >= 1000) await flushEvents();
        break;
      }
      case 'mutation':
        rest.mutation.push({
          client_id: v['clientId'],
          mutation_id: v['mutationId'],
          outcome: v['outcome'],
          rejection: v['rejection'],
          event_count: v['eventCount'],
          now: v['now'],
          recorded_at: new Date().toISOString(),
        });
        break;
      case 'client':
        rest.client.push({
          client_id: v['clientId'],
          principal: v['principal'],
          last_mutation_id: v['lastMutationId'],
          updated_at: new Date().toISOString(),
        });
        break;
      case 'pending':
        rest.pending.push({
          client_id: v['clientId'],
          mutation_id: v['mutationId'],
          command: v['command'],
          received_at: new Date().toISOString(),
        });
        break;
      default:
        throw new RestoreError(`restore: unknown line kind ${String(v['kind'])}`);
    }
  }
  if (!header) throw new RestoreError('restore: the export is empty');
  await flushEvents();
  for (const [table, rows] of [
    ['hub_mutations', rest.mutation],
    ['hub_clients', rest.client],
    ['hub_pending', rest.pending],
  ] as const) {
    for (let i = 0; i < rows.length; i += 1000)
      await insertBatch(db, table, rows.slice(i, i + 1000));
  }
  await sql`insert into hub_rooms (room_id, version)
    select room_id, max(room_version) from hub_events where room_id <> '' or room_version > 0
     group by room_id`.execute(db);
  await sql`select setval('hub_events_position_seq', greatest((select max(position) from hub_events), 1))`.execute(
    db,
  );
  const rows = rules.readModelRows(touched, state);
  await insertBatch(db, 'rm_rooms', rows.rooms as unknown as Record<string, unknown>[]);
  for (const [table, list] of [
    ['rm_meetings', rows.meetings ?? []],
    ['rm_actions', rows.actions ?? []],
  ] as const) {
    for (let i = 0; i < list.length; i += 1000) {
      await insertBatch(db, table, list.slice(i, i + 1000) as unknown as Record<string, unknown>[]);
    }
  }
  for (let i = 0; i < rows.bookings.length; i += 1000) {
    await insertBatch(
      db,
      'rm_bookings',
      rows.bookings.slice(i, i + 1000) as unknown as Record<string, unknown>[],
    );
  }
  await sql`update hub_meta set value = md5(random()::text || clock_timestamp()::text) where key = 'hub_id'`.execute(
    db,
  );
  return count;
}
