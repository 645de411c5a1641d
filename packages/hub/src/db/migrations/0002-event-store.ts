import { sql, type Kysely } from 'kysely';

/**
 * The event store: the log with its gap-free feed columns, stream and room versions, client
 * counters, every mutation's outcome, mutations waiting for their predecessor, and the hub's id.
 * Plain PostgreSQL 15 (PGlite is 18: nothing newer is used).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table hub_meta (key text primary key, value text not null)`,
    `insert into hub_meta (key, value) values ('hub_id', md5(random()::text || clock_timestamp()::text))`,
    `create table hub_events (
          position bigserial primary key,
          tx xid8 not null default pg_current_xact_id(),
          id text not null unique,
          stream text not null,
          stream_version integer not null,
          room_id text not null,
          room_version integer not null,
          type text not null,
          data jsonb not null,
          now bigint not null,
          who text not null,
          device text not null,
          client_id text,
          mutation_id integer,
          recorded_at timestamptz not null default now(),
          unique (stream, stream_version)
        )`,
    `create index hub_events_feed on hub_events (tx, position)`,
    `create index hub_events_room_feed on hub_events (room_id, tx, position)`,
    `create index hub_events_room_version on hub_events (room_id, room_version)`,
    `create table hub_streams (stream text primary key, version integer not null)`,
    `create table hub_rooms (room_id text primary key, version integer not null default 0)`,
    `create table hub_clients (
          client_id text primary key,
          principal text not null,
          last_mutation_id integer not null default 0,
          updated_at timestamptz not null default now()
        )`,
    `create table hub_mutations (
          client_id text not null,
          mutation_id integer not null,
          outcome text not null check (outcome in ('applied', 'refused')),
          rejection jsonb,
          first_position bigint,
          event_count integer not null default 0,
          now bigint,
          recorded_at timestamptz not null default now(),
          primary key (client_id, mutation_id)
        )`,
    `create index hub_mutations_refused on hub_mutations (client_id, mutation_id) where outcome = 'refused'`,
    `create table hub_pending (
          client_id text not null,
          mutation_id integer not null,
          command jsonb not null,
          received_at timestamptz not null default now(),
          primary key (client_id, mutation_id)
        )`,
  ]) {
    await sql.raw(statement).execute(db);
  }

  // One command, one round trip: counter check, room version check, events, outcome, counter,
  // read models. Returns what happened as JSON (see the decision record on the hub).
  await sql`
    create function hub_apply(p jsonb) returns jsonb language plpgsql as $fn$
    declare
      c text := p->>'client';
      m integer := (p->>'mutation')::integer;
      r text := p->>'room';
      last integer;
      owner text;
      v integer;
      e jsonb;
      sv integer;
      pos bigint;
      first_pos bigint := null;
      positions bigint[] := '{}';
      svs integer[] := '{}';
      n integer := 0;
      prior jsonb;
      nxt jsonb;
    begin
      insert into hub_clients (client_id, principal) values (c, p->>'principal')
        on conflict (client_id) do nothing;
      select last_mutation_id, principal into last, owner
        from hub_clients where client_id = c for update;
      if owner <> p->>'principal' then
        return jsonb_build_object('status', 'foreign', 'last', last);
      end if;
      if m <= last then
        select to_jsonb(x) into prior from (
          select outcome, rejection, first_position, event_count from hub_mutations
           where client_id = c and mutation_id = m) x;
        return jsonb_build_object('status', 'duplicate', 'last', last, 'prior', prior);
      end if;
      if m > last + 1 then
        insert into hub_pending (client_id, mutation_id, command) values (c, m, p->'command')
          on conflict (client_id, mutation_id) do nothing;
        return jsonb_build_object('status', 'waiting', 'last', last);
      end if;
      if r is not null then
        insert into hub_rooms (room_id) values (r) on conflict (room_id) do nothing;
        if jsonb_array_length(p->'events') > 0 then
          update hub_rooms set version = version + 1
           where room_id = r and version = (p->>'expected')::integer
          returning version into v;
          if not found then
            select version into v from hub_rooms where room_id = r;
            return jsonb_build_object('status', 'stale', 'last', last, 'version', v);
          end if;
        else
          select version into v from hub_rooms where room_id = r for share;
          if v <> (p->>'expected')::integer then
            return jsonb_build_object('status', 'stale', 'last', last, 'version', v);
          end if;
        end if;
      end if;
      for e in select value from jsonb_array_elements(p->'events') loop
        insert into hub_streams (stream, version) values (e->>'stream', 1)
          on conflict (stream) do update set version = hub_streams.version + 1
          returning version into sv;
        insert into hub_events (id, stream, stream_version, room_id, room_version, type, data,
                                now, who, device, client_id, mutation_id)
        values (e->>'id', e->>'stream', sv, coalesce(r, ''), coalesce(v, 0), e->>'type', e->'data',
                (e->>'now')::bigint, e->>'who', e->>'device', c, m)
        returning position into pos;
        if first_pos is null then first_pos := pos; end if;
        positions := positions || pos;
        svs := svs || sv;
        n := n + 1;
      end loop;
      insert into hub_mutations (client_id, mutation_id, outcome, rejection, first_position,
                                 event_count, now)
      values (c, m, p->>'outcome', p->'rejection', first_pos, n, (p->>'now')::bigint);
      update hub_clients set last_mutation_id = m, updated_at = now() where client_id = c;
      delete from hub_pending where client_id = c and mutation_id = m;
      insert into rm_rooms select * from jsonb_populate_recordset(null::rm_rooms, p->'rooms')
        on conflict (room_id) do update set name = excluded.name, location = excluded.location,
          capacity = excluded.capacity, confidential = excluded.confidential,
          walk_up = excluded.walk_up;
      insert into rm_bookings select * from jsonb_populate_recordset(null::rm_bookings, p->'bookings')
        on conflict (booking_id) do update set room_id = excluded.room_id,
          organizer_id = excluded.organizer_id, topic = excluded.topic,
          headcount = excluded.headcount, start_at = excluded.start_at, end_at = excluded.end_at,
          status = excluded.status, confidential = excluded.confidential,
          walk_up = excluded.walk_up, occ_start = excluded.occ_start, occ_end = excluded.occ_end;
      select command into nxt from hub_pending where client_id = c and mutation_id = m + 1;
      return jsonb_build_object('status', p->>'outcome', 'last', m, 'version', v,
                                'positions', to_jsonb(positions), 'stream_versions', to_jsonb(svs), 'next', nxt);
    end
    $fn$;
  `.execute(db);
}

/** Drops what {@link up} made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop function hub_apply(jsonb)`,
    `drop table hub_pending, hub_mutations, hub_clients, hub_rooms, hub_streams, hub_events, hub_meta`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
