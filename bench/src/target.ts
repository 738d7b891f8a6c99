import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * One run per data set at a time: a second run would regenerate or drop the data under the
 * first. A lock file in bench/.data names the process holding it; a stale one is taken over.
 */
export async function lockTarget(target: DataTarget): Promise<() => Promise<void>> {
  const dir = path.join(BENCH_DIR, '.data');
  await mkdir(dir, { recursive: true });
  const name = target.databaseUrl
    ? `postgres-${new URL(target.databaseUrl).pathname.slice(1)}`
    : path.basename(target.dataDir ?? 'pglite');
  const file = path.join(dir, `${name}.lock`);
  try {
    const holder = Number((await readFile(file, 'utf8')).trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `Another benchmark (process ${holder}) is using ${target.label}; wait for it to finish.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await writeFile(file, String(process.pid));
  return async () => {
    await rm(file, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
