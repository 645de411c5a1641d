import type { Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Brings the schema up to the newest migration. Safe to run from several processes at once
 * (Kysely takes a lock) and on every start.
 *
 * @param db - the database
 * @returns the migrations that ran
 * @throws Error when a migration fails (the database is left at the last one that succeeded)
 * @example
 * await migrateToLatest(db) // => [{ migrationName: '0001-read-models', direction: 'Up', status: 'Success' }, …]
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) },
    migrationTableName: 'hub_migrations',
    migrationLockTableName: 'hub_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
