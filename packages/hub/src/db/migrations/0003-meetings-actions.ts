import { sql, type Kysely } from 'kysely';

/**
 * The read models of meetings (with their attendance, M-6) and action items (F-2), kept in step
 * with the log by `hub_apply` in the same transaction as their events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table rm_meetings (
      meeting_id text primary key,
      room_id text,
      topic text not null,
      status text not null,
      start_at bigint,
      end_at bigint,
      confidential boolean not null,
      chair_id text not null,
      participants jsonb not null,
      attendance jsonb
    )`,
    `create index rm_meetings_room_start on rm_meetings (room_id, start_at)`,
    `create table rm_actions (
      action_id text primary key,
      meeting_id text not null,
      owner_id text not null,
      text text not null,
      status text not null,
      open boolean not null,
      due bigint not null,
      urgency text not null
    )`,
    `create index rm_actions_open_owner on rm_actions (owner_id, due) where open`,
    `create or replace function hub_apply_read_models(p jsonb) returns void language plpgsql as $fn$
    begin
      if jsonb_array_length(coalesce(p->'meetings', '[]'::jsonb)) > 0 then
        insert into rm_meetings select * from jsonb_populate_recordset(null::rm_meetings, p->'meetings')
          on conflict (meeting_id) do update set room_id = excluded.room_id, topic = excluded.topic,
            status = excluded.status, start_at = excluded.start_at, end_at = excluded.end_at,
            confidential = excluded.confidential, chair_id = excluded.chair_id,
            participants = excluded.participants, attendance = excluded.attendance;
      end if;
      if jsonb_array_length(coalesce(p->'actions', '[]'::jsonb)) > 0 then
        insert into rm_actions select * from jsonb_populate_recordset(null::rm_actions, p->'actions')
          on conflict (action_id) do update set meeting_id = excluded.meeting_id,
            owner_id = excluded.owner_id, text = excluded.text, status = excluded.status,
            open = excluded.open, due = excluded.due, urgency = excluded.urgency;
      end if;
    end
    $fn$`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

/** Drops the meetings' and actions' read models. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function hub_apply_read_models(jsonb)`.execute(db);
  await sql`drop table rm_actions, rm_meetings`.execute(db);
}
