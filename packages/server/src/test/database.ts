import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { adminUrl, withDatabaseName } from './postgres-url.js';

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PGlite by
 * default and on PostgreSQL when TEST_DATABASE_URL is set. close() drops it.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const postgresTemplate = inject('postgresTemplate');
  if (url && postgresTemplate) {
    const name = `trellis_test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null });
    await sql.raw(`create database ${name} template ${postgresTemplate}`).execute(admin.db);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), dataDir: null });
    return {
      ...database,
      close: async () => {
        await database.close();
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      },
    };
  }
  const template = await readFile(inject('pgliteTemplate'));
  return openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: new Blob([template]) });
}
