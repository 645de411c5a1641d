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
          id text not null,
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
          door_visible boolean not null default false,
          recorded_at timestamptz not null default now(),
          unique (stream, stream_version)
        )`,
    `create index hub_events_feed on hub_events (tx, position)`,
    `create index hub_events_room_feed on hub_events (room_id, tx, position)`,
    `create index hub_events_room_version on hub_events (room_id, room_version)`,
    `create index hub_events_site_for_doors on hub_events (tx, position) where room_id = '' and door_visible`,
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

  // One command, one round trip: counter, room version, events, outcome, read models. The fast
  // path is one UPDATE of the client's row (lock and check at once), one of the room's, one INSERT
  // of the events, one of the outcome. Returns what happened as JSON (the decision record on the
  // hub explains each status).
  await sql`
    create function hub_apply(p jsonb) returns jsonb language plpgsql as $fn$
    declare
      c text := p->>'client';
      m integer := (p->>'mutation')::integer;
      r text := p->>'room';
      pr text := p->>'principal';
      last integer;
      owner text;
      v integer;
      positions jsonb := '[]'::jsonb;
      prior jsonb;
      nxt jsonb;
    begin
      update hub_clients set last_mutation_id = m, updated_at = now()
       where client_id = c and principal = pr and last_mutation_id = m - 1;
      if not found then
        select last_mutation_id, principal into last, owner from hub_clients where client_id = c;
        if not found then
          insert into hub_clients (client_id, principal, last_mutation_id)
          values (c, pr, case when m = 1 then 1 else 0 end)
          on conflict (client_id) do nothing;
          if not found then
            return jsonb_build_object('status', 'retry');
          end if;
          last := 0;
          owner := pr;
        end if;
        if owner <> pr then
          return jsonb_build_object('status', 'foreign', 'last', last);
        end if;
        if m <= last then
          select to_jsonb(x) into prior from (
            select outcome, rejection, event_count from hub_mutations
             where client_id = c and mutation_id = m) x;
          return jsonb_build_object('status', 'duplicate', 'last', last, 'prior', prior);
        end if;
        if m > last + 1 then
          insert into hub_pending (client_id, mutation_id, command) values (c, m, p->'command')
            on conflict (client_id, mutation_id) do nothing;
          return jsonb_build_object('status', 'waiting', 'last', last);
        end if;
      end if;
      if r is not null then
        if jsonb_array_length(p->'events') > 0 then
          update hub_rooms set version = version + 1
           where room_id = r and version = (p->>'expected')::integer
          returning version into v;
          if not found and (p->>'expected')::integer = 0 then
            insert into hub_rooms (room_id, version) values (r, 1)
              on conflict (room_id) do nothing returning version into v;
          end if;
        else
          select version into v from hub_rooms where room_id = r;
          v := coalesce(v, 0);
          if v <> (p->>'expected')::integer then v := null; end if;
        end if;
        if v is null then
          update hub_clients set last_mutation_id = m - 1 where client_id = c;
          return jsonb_build_object('status', 'stale', 'last', m - 1);
        end if;
      end if;
      if jsonb_array_length(p->'events') > 0 then
        with ins as (
          insert into hub_events (id, stream, stream_version, room_id, room_version, type, data,
                                  now, who, device, client_id, mutation_id, door_visible)
          select e.id, e.stream, e.stream_version, coalesce(r, ''), v, e.type, e.data, e.now, e.who,
                 e.device, c, m, coalesce(e.door_visible, false)
            from jsonb_to_recordset(p->'events') as e(id text, stream text, stream_version integer,
                 type text, data jsonb, now bigint, who text, device text, door_visible boolean)
          returning position)
        select jsonb_agg(position order by position) into positions from ins;
      end if;
      insert into hub_mutations (client_id, mutation_id, outcome, rejection, event_count, now)
      values (c, m, p->>'outcome', p->'rejection', jsonb_array_length(p->'events'),
              (p->>'now')::bigint);
      if (p->>'from_pending')::boolean then
        delete from hub_pending where client_id = c and mutation_id = m;
      end if;
      if jsonb_array_length(p->'rooms') > 0 then
        insert into rm_rooms select * from jsonb_populate_recordset(null::rm_rooms, p->'rooms')
          on conflict (room_id) do update set name = excluded.name, location = excluded.location,
            capacity = excluded.capacity, confidential = excluded.confidential,
            walk_up = excluded.walk_up;
      end if;
      if jsonb_array_length(p->'bookings') > 0 then
        insert into rm_bookings select * from jsonb_populate_recordset(null::rm_bookings, p->'bookings')
          on conflict (booking_id) do update set room_id = excluded.room_id,
            organizer_id = excluded.organizer_id, topic = excluded.topic,
            headcount = excluded.headcount, start_at = excluded.start_at, end_at = excluded.end_at,
            status = excluded.status, confidential = excluded.confidential,
            walk_up = excluded.walk_up, occ_start = excluded.occ_start, occ_end = excluded.occ_end;
      end if;
      if p ? 'meetings' or p ? 'actions' then
        perform hub_apply_read_models(p);
      end if;
      select command into nxt from hub_pending where client_id = c and mutation_id = m + 1;
      return jsonb_build_object('status', p->>'outcome', 'last', m, 'version', v,
                                'positions', positions, 'next', nxt);
    end
    $fn$;
  `.execute(db);

  // Many commands, one transaction: the hub sends the commands that queued while the previous
  // call was in flight together, so one commit carries them all (each is still decided and
  // checked on its own, in order).
  await sql`
    create function hub_apply_many(ps jsonb) returns jsonb language plpgsql as $fn$
    declare
      p jsonb;
      results jsonb := '[]'::jsonb;
    begin
      for p in select value from jsonb_array_elements(ps) loop
        results := results || jsonb_build_array(hub_apply(p));
      end loop;
      return results;
    end
    $fn$;
  `.execute(db);
}

/** Drops what {@link up} made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `drop function hub_apply_many(jsonb)`,
    `drop function hub_apply(jsonb)`,
    `drop table hub_pending, hub_mutations, hub_clients, hub_rooms, hub_events, hub_meta`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
