import { sql, type Kysely } from 'kysely';

/**
 * `hub_apply_many` as a few set statements for the whole batch instead of `hub_apply` once a plan:
 * one `UPDATE` moves every client's counter, one every room's version, one `INSERT` appends every
 * event, one records every outcome, one upsert a read model. A plan that leaves that fast path (a
 * new client, a duplicate, one that waits, a stale room, or one sharing its client or room with
 * another plan of the batch) runs through `hub_apply` afterwards, in batch order, exactly as
 * before. Same plans, same results, same transaction: what a plan commits does not change, only
 * how many statements the database runs for it. A batch of one calls `hub_apply` directly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function hub_apply_many(ps jsonb) returns jsonb language plpgsql
    set plan_cache_mode = force_generic_plan as $fn$
    declare
      n integer := jsonb_array_length(ps);
      res jsonb[] := array_fill(null::jsonb, array[n]);
      fast integer[];
      ver_i integer[];
      ver_v integer[];
      more_i integer[];
      more_v integer[];
      ok integer[];
      rec record;
    begin
      if n = 1 then
        return jsonb_build_array(hub_apply(ps->0));
      end if;
      -- 1. Every counter at id - 1 moves to id, in one statement (the lock and the check at once).
      --    A plan whose client or room another plan of the batch shares stays out of it.
      with x as (
        select t.i::integer as i, t.p->>'client' as c, t.p->>'principal' as pr,
               (t.p->>'mutation')::integer as m, t.p->>'room' as r,
               count(*) over (partition by t.p->>'client') as nc,
               count(*) over (partition by t.p->>'room') as nr
          from jsonb_array_elements(ps) with ordinality as t(p, i)),
      u as (
        update hub_clients h set last_mutation_id = x.m, updated_at = now()
          from x
         where x.nc = 1 and (x.r is null or x.nr = 1)
           and h.client_id = x.c and h.principal = x.pr and h.last_mutation_id = x.m - 1
        returning x.i)
      select coalesce(array_agg(u.i), '{}') into fast from u;

      if cardinality(fast) > 0 then
        -- 2. Rooms: a plan with events moves its room's version from the expected one (a room
        --    first written is inserted at 1); a plan without events finds it at the expected one.
        with x as (
          select t.i::integer as i, t.p->>'room' as r, (t.p->>'expected')::integer as e
            from jsonb_array_elements(ps) with ordinality as t(p, i)
           where t.i = any(fast) and t.p->>'room' is not null
             and jsonb_array_length(t.p->'events') > 0),
        u as (
          update hub_rooms h set version = h.version + 1
            from x
           where h.room_id = x.r and h.version = x.e
          returning x.i, h.version),
        ins as (
          insert into hub_rooms (room_id, version)
          select x.r, 1 from x
           where x.e = 0 and not exists (select 1 from hub_rooms h where h.room_id = x.r)
          on conflict (room_id) do nothing
          returning room_id, version),
        z as (
          select u.i, u.version as v from u
          union all
          select x.i, ins.version from ins join x on x.r = ins.room_id)
        select coalesce(array_agg(z.i), '{}'), coalesce(array_agg(z.v), '{}')
          into ver_i, ver_v from z;

        with x as (
          select t.i::integer as i, t.p->>'room' as r, (t.p->>'expected')::integer as e
            from jsonb_array_elements(ps) with ordinality as t(p, i)
           where t.i = any(fast) and t.p->>'room' is not null
             and jsonb_array_length(t.p->'events') = 0),
        z as (
          select x.i, coalesce(h.version, 0) as v
            from x left join hub_rooms h on h.room_id = x.r
           where coalesce(h.version, 0) = x.e)
        select coalesce(array_agg(z.i), '{}'), coalesce(array_agg(z.v), '{}')
          into more_i, more_v from z;
        ver_i := ver_i || more_i;
        ver_v := ver_v || more_v;

        -- 3. Stale: the room moved under the hub's cache. The counter goes back; nothing else
        --    of the plan is written.
        for rec in
          select t.i::integer as i, t.p->>'client' as c, (t.p->>'mutation')::integer as m
            from jsonb_array_elements(ps) with ordinality as t(p, i)
           where t.i = any(fast) and t.p->>'room' is not null and not (t.i = any(ver_i))
        loop
          update hub_clients set last_mutation_id = rec.m - 1 where client_id = rec.c;
          res[rec.i] := jsonb_build_object('status', 'stale', 'last', rec.m - 1);
        end loop;
        select coalesce(array_agg(f), '{}') into ok
          from unnest(fast) as f
         where f = any(ver_i) or (ps->(f - 1))->>'room' is null;

        -- 4. The events of every applied plan in one INSERT, each plan's in its order.
        with x as (
          select t.i::integer as i, t.p
            from jsonb_array_elements(ps) with ordinality as t(p, i)
           where t.i = any(ok)),
        ins as (
          insert into hub_events (id, stream, stream_version, room_id, room_version, type, data,
                                  now, who, device, client_id, mutation_id, door_visible)
          select ev.e->>'id', ev.e->>'stream', (ev.e->>'stream_version')::integer,
                 coalesce(x.p->>'room', ''), vv.v, ev.e->>'type', ev.e->'data',
                 (ev.e->>'now')::bigint, ev.e->>'who', ev.e->>'device', x.p->>'client',
                 (x.p->>'mutation')::integer, coalesce((ev.e->>'door_visible')::boolean, false)
            from x
            left join unnest(ver_i, ver_v) as vv(i, v) on vv.i = x.i
            cross join lateral jsonb_array_elements(x.p->'events') with ordinality as ev(e, k)
           order by x.i, ev.k
          returning client_id, position),
        byc as (
          select ins.client_id, jsonb_agg(ins.position order by ins.position) as positions
            from ins group by ins.client_id),
        nx as (
          select x.i, hp.command from x
            join hub_pending hp on hp.client_id = x.p->>'client'
                               and hp.mutation_id = (x.p->>'mutation')::integer + 1)
        select array_agg(x.i) as i,
               array_agg(jsonb_build_object(
                 'status', x.p->>'outcome', 'last', (x.p->>'mutation')::integer,
                 'version', vv.v, 'positions', coalesce(byc.positions, '[]'::jsonb),
                 'next', nx.command)) as r
          into rec
          from x
          left join unnest(ver_i, ver_v) as vv(i, v) on vv.i = x.i
          left join byc on byc.client_id = x.p->>'client'
          left join nx on nx.i = x.i;
        for k in 1 .. coalesce(cardinality(rec.i), 0) loop
          res[rec.i[k]] := rec.r[k];
        end loop;

        -- 5. Every outcome, the pending rows they came from, and the read models, one statement
        --    each; a row two plans touch takes the later plan's.
        insert into hub_mutations (client_id, mutation_id, outcome, rejection, event_count, now)
        select t.p->>'client', (t.p->>'mutation')::integer, t.p->>'outcome', t.p->'rejection',
               jsonb_array_length(t.p->'events'), (t.p->>'now')::bigint
          from jsonb_array_elements(ps) with ordinality as t(p, i)
         where t.i = any(ok);
        delete from hub_pending hp
         using jsonb_array_elements(ps) with ordinality as t(p, i)
         where t.i = any(ok) and (t.p->>'from_pending')::boolean
           and hp.client_id = t.p->>'client' and hp.mutation_id = (t.p->>'mutation')::integer;
        insert into rm_rooms
        select rm.*
          from (select distinct on (rr.rw->>'room_id') rr.rw
                  from jsonb_array_elements(ps) with ordinality as t(p, i),
                       jsonb_array_elements(t.p->'rooms') with ordinality as rr(rw, k)
                 where t.i = any(ok)
                 order by rr.rw->>'room_id', t.i desc, rr.k desc) y
          cross join lateral jsonb_populate_record(null::rm_rooms, y.rw) as rm
        on conflict (room_id) do update set name = excluded.name, location = excluded.location,
          capacity = excluded.capacity, confidential = excluded.confidential,
          walk_up = excluded.walk_up;
        insert into rm_bookings
        select rm.*
          from (select distinct on (rr.rw->>'booking_id') rr.rw
                  from jsonb_array_elements(ps) with ordinality as t(p, i),
                       jsonb_array_elements(t.p->'bookings') with ordinality as rr(rw, k)
                 where t.i = any(ok)
                 order by rr.rw->>'booking_id', t.i desc, rr.k desc) y
          cross join lateral jsonb_populate_record(null::rm_bookings, y.rw) as rm
        on conflict (booking_id) do update set room_id = excluded.room_id,
          organizer_id = excluded.organizer_id, topic = excluded.topic,
          headcount = excluded.headcount, start_at = excluded.start_at, end_at = excluded.end_at,
          status = excluded.status, confidential = excluded.confidential,
          walk_up = excluded.walk_up, occ_start = excluded.occ_start, occ_end = excluded.occ_end;
        for rec in
          select t.p from jsonb_array_elements(ps) with ordinality as t(p, i)
           where t.i = any(ok) and (t.p ? 'meetings' or t.p ? 'actions')
           order by t.i
        loop
          perform hub_apply_read_models(rec.p);
        end loop;
      end if;

      -- 6. Every other plan on its own, in batch order.
      for rec in
        select t.i::integer as i, t.p
          from jsonb_array_elements(ps) with ordinality as t(p, i)
         where not (t.i = any(fast))
         order by t.i
      loop
        res[rec.i] := hub_apply(rec.p);
      end loop;
      return to_jsonb(res);
    end
    $fn$;
  `.execute(db);
  // The statements of both functions are the same for every call: plan them once per connection
  // (a custom plan each call cost more than the statement itself).
  await sql`alter function hub_apply(jsonb) set plan_cache_mode = force_generic_plan`.execute(db);
}

/** Back to one `hub_apply` call a plan. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter function hub_apply(jsonb) reset plan_cache_mode`.execute(db);
  await sql`
    create or replace function hub_apply_many(ps jsonb) returns jsonb language plpgsql as $fn$
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
