import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { QueryRunner } from './measure.js';
import type { DataTarget } from './target.js';

/**
 * The data set without the server: plain SQL through `pg` or PGlite itself. Scenarios read their
 * sample ids through it, and the database floors are timed through it.
 */
export interface DirectDb extends QueryRunner {
  engine: 'pglite' | 'postgres';
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

pg.types.setTypeParser(20, Number);

export async function openDirect(target: DataTarget, connections: number): Promise<DirectDb> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: connections });
    pool.on('error', () => {});
    return {
      engine: 'postgres',
      query: (sql, params) => pool.query(sql, params),
      rows: async <R>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as R[],
      close: () => pool.end(),
    };
  }
  const db = await PGlite.create({
    extensions: { pg_trgm, btree_gist },
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
  });
  return {
    engine: 'pglite',
    query: (sql, params) => db.query(sql, params),
    rows: async <R>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows,
    close: () => db.close(),
  };
}
