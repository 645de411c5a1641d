// The auth tables (migrations 0200–0299 are the HTTP layer's): one-time enrolment codes, enrolled
// doors and dealer systems' API keys. Only SHA-256 hashes of secrets are kept (S-3).
import { sql, type Kysely } from 'kysely';

/**
 * Creates the auth tables.
 *
 * @param db - the hub's database
 * @returns when done
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hub_enrol_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('device_id', 'text')
    .execute();
  await db.schema
    .createTable('hub_devices')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createTable('hub_api_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await sql`create index hub_devices_room on hub_devices (room_id)`.execute(db);
}

/**
 * Drops the auth tables.
 *
 * @param db - the hub's database
 * @returns when done
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hub_api_keys').execute();
  await db.schema.dropTable('hub_devices').execute();
  await db.schema.dropTable('hub_enrol_codes').execute();
}
