import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../packages/server/src/db/database.js';
import type { BenchOptions } from './options.js';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');

/** Where a data set lives: a PGlite data folder under bench/.data/, or a PostgreSQL database. */
export interface DataTarget {
  engine: 'pglite' | 'postgres';
  dataDir: string | null;
  databaseUrl: string | null;
  label: string;
}

export function targetOf(options: BenchOptions): DataTarget {
  if (options.engine === 'postgres' && options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    return {
      engine: 'postgres',
      dataDir: null,
      databaseUrl: options.databaseUrl,
      label: `PostgreSQL ${url.host}${url.pathname}`,
    };
  }
  const dataDir = path.join(BENCH_DIR, '.data', `pglite-seed${options.seed}-patients${options.patients}`);
  return {
    engine: 'pglite',
    dataDir,
    databaseUrl: null,
    label: `PGlite ${path.relative(REPO_ROOT, dataDir)}`,
  };
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the PostgreSQL database when it is missing; nothing to do for PGlite. */
export async function ensureTarget(target: DataTarget): Promise<void> {
  if (!target.databaseUrl) return;
  const name = databaseName(target.databaseUrl);
  const admin = await openDatabase({ databaseUrl: adminUrl(target.databaseUrl), dataDir: null });
  try {
    const found = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db);
    if (found.rows[0]?.n === 0) await sql.raw(`create database ${quoteIdent(name)}`).execute(admin.db);
  } finally {
    await admin.close();
  }
}

/** Empties the target: drops and recreates the database, or removes the data folder. */
export async function resetTarget(target: DataTarget): Promise<void> {
  if (target.databaseUrl) {
    const name = databaseName(target.databaseUrl);
    const admin = await openDatabase({ databaseUrl: adminUrl(target.databaseUrl), dataDir: null });
    try {
      await sql.raw(`drop database if exists ${quoteIdent(name)} with (force)`).execute(admin.db);
      await sql.raw(`create database ${quoteIdent(name)}`).execute(admin.db);
    } finally {
      await admin.close();
    }
    return;
  }
  if (target.dataDir && existsSync(target.dataDir))
    await rm(target.dataDir, { recursive: true, force: true });
}

export async function openTarget(target: DataTarget): Promise<Database> {
  if (target.dataDir) await mkdir(path.dirname(target.dataDir), { recursive: true });
  return openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
}
