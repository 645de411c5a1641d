import { sql, type Kysely } from 'kysely';

/**
 * The read models an integrator queries, kept in step with the log by `hub_apply` in the same
 * transaction: rooms, and bookings with the interval each occupies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `create table rm_rooms (
          room_id text primary key,
          name text not null,
          location text not null,
          capacity integer not null,
          confidential boolean not null,
          walk_up boolean not null
        )`,
    `create table rm_bookings (
          booking_id text primary key,
          room_id text not null,
          organizer_id text not null,
          topic text not null,
          headcount integer not null,
          start_at bigint not null,
          end_at bigint not null,
          status text not null,
          confidential boolean not null,
          walk_up boolean not null,
          occ_start bigint,
          occ_end bigint
        )`,
    `create index rm_bookings_room_start on rm_bookings (room_id, start_at)`,
    `create index rm_bookings_occ on rm_bookings (occ_start, occ_end) where occ_start is not null`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

/** Drops the read models. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rm_bookings, rm_rooms`.execute(db);
}
