import { sql, type Kysely } from 'kysely';

/**
 * `hub_apply_all`: the plans of commands decided together, committed in one transaction or not at
 * all. Any plan that is not applied (its room moved under the hub's cache) raises `HB001` and
 * the whole statement, and so every plan of it, is rolled back: the hub catches up and decides
 * them all again. What an all-or-nothing import commits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function hub_apply_all(ps jsonb) returns jsonb language plpgsql as $fn$
    declare
      results jsonb := hub_apply_many(ps);
      x jsonb;
    begin
      for x in select value from jsonb_array_elements(results) loop
        if x->>'status' <> 'applied' then
          raise exception 'hub: a plan of an all-or-nothing push was %', x->>'status'
            using errcode = 'HB001';
        end if;
      end loop;
      return results;
    end
    $fn$;
  `.execute(db);
}

/** Drops `hub_apply_all`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function hub_apply_all(jsonb)`.execute(db);
}
