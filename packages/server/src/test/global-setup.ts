import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { adminUrl, withDatabaseName } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dumped, migrated data folder every test file starts from. */
    pgliteTemplate: string;
    /** PostgreSQL: the migrated template database each test file copies. */
    postgresTemplate: string;
  }
}

/**
 * Migrates once per run and hands every test file a template to copy, so no file pays for
 * migrations. On PostgreSQL (TEST_DATABASE_URL) the template is a database; otherwise a dump.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `trellis_tmpl_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null });
    await sql.raw(`create database ${name}`).execute(admin.db);
    const template = await openDatabase({ databaseUrl: withDatabaseName(url, name), dataDir: null });
    await migrateToLatest(template.db);
    await template.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-test-'));
  const file = path.join(dir, 'template.tar.gz');
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateToLatest(database.db);
  if (!database.dump) throw new Error('The embedded database cannot be dumped.');
  const dump = await database.dump();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
