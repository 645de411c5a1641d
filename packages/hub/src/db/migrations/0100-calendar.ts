import { sql, type Kysely } from 'kysely';

/**
 * The calendars' tables (C-1): each entry a feed shows, as the calendar fold made it (JSON, with
 * the columns feeds select by) and its `VEVENT` already written in both languages (as its own feed
 * shows it, and as busy time for shared feeds), so serving a feed joins texts; who each meeting or action belongs to; the names of rooms and
 * people; per feed a version that grows with every change, so a `304` costs one indexed query; the
 * feed tokens (only their SHA-256 is stored; revoking keeps the row); and how far the projection
 * has read the hub's feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table cal_entries (
          key text primary key,
          kind text not null check (kind in ('booking', 'meeting', 'action')),
          room_id text,
          start_at bigint not null,
          end_at bigint not null,
          status text not null,
          cancelled_at bigint,
          confidential boolean not null,
          ics_zh text,
          ics_en text,
          busy_zh text,
          busy_en text,
          entry jsonb not null
        )`,
    `create index cal_entries_room_end on cal_entries (room_id, end_at) where kind = 'booking'`,
    `create table cal_entry_people (
          person_id text not null,
          key text not null references cal_entries (key) on delete cascade,
          primary key (person_id, key)
        )`,
    `create index cal_entry_people_key on cal_entry_people (key)`,
    `create table cal_people (person_id text primary key, name text not null, department text not null)`,
    `create index cal_people_department on cal_people (department)`,
    `create table cal_rooms (room_id text primary key, name text not null, location text)`,
    `create table cal_feeds (scope text primary key, version bigint not null, changed_at bigint not null)`,
    `create table cal_tokens (
          token_hash text primary key,
          id text not null unique,
          scope text not null,
          language text not null check (language in ('zh-CN', 'en')),
          created_by text not null,
          created_at bigint not null,
          revoked_at bigint
        )`,
    `create index cal_tokens_scope on cal_tokens (scope)`,
    `create table cal_projection (id integer primary key check (id = 1), cursor text not null, applied_at bigint not null)`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

/** Drops the calendars' tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table cal_projection, cal_tokens, cal_feeds, cal_rooms, cal_people, cal_entry_people, cal_entries`.execute(
    db,
  );
}
