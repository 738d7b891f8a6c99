import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

const migrator = <T>(db: Kysely<T>) =>
  new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });

export class SchemaTooNewError extends Error {}

export interface SchemaStatus {
  applied: string[];
  pending: string[];
  /** Migrations recorded in the database that this code does not know: a newer release ran. */
  unknown: string[];
}

export async function schemaStatus<T>(db: Kysely<T>): Promise<SchemaStatus> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  const applied = exists.rows[0]?.present
    ? (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
        (r) => r.name,
      )
    : [];
  const known = Object.keys(MIGRATIONS);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/** Refuses a schema written by a newer Trellis: running old code on it could corrupt data. */
export async function assertSchemaNotNewer<T>(db: Kysely<T>): Promise<SchemaStatus> {
  const status = await schemaStatus(db);
  if (status.unknown.length > 0) {
    throw new SchemaTooNewError(
      `The database schema is newer than this Trellis (it has ${status.unknown.join(', ')}). ` +
        'Run the Trellis release that migrated it, or a newer one.',
    );
  }
  return status;
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  await assertSchemaNotNewer(db);
  const { error, results }: MigrationResultSet = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
