import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** The embedded database as a compressed data folder (test templates, backups). */
  dump?: () => Promise<Blob>;
}

// pg returns bigint and count(*) as strings, PGlite as numbers: make both numbers.
pg.types.setTypeParser(20, Number);

export interface DatabaseTarget {
  databaseUrl: string | null;
  /** Folder of the embedded database; null for an in-memory one (tests). */
  dataDir: string | null;
  /** A dumped data folder to start an embedded database from (test templates). */
  loadDataDir?: Blob;
}

export class DatabaseUnavailableError extends Error {}

/** Opens the database named by the target and checks that it answers. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      await db.destroy();
      throw new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${redactUrl(target.databaseUrl)}: ${(error as Error).message}. ` +
          'Check that the server runs and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
      );
    }
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  // Loaded only when used: the embedded engine's code alone holds ~45 MB of a PostgreSQL
  // server's memory (measured: 122 MB resident with it, 77 MB without, before anything else).
  const [{ PGlite: Engine }, { btree_gist }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  let pglite: PGlite;
  try {
    pglite = await Engine.create({
      // The extensions the migrations create: trigram search and exclusion constraints.
      extensions: { pg_trgm, btree_gist },
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in ${target.dataDir ?? 'memory'}: ${(error as Error).message}. ` +
        'Is another Trellis running on the same DATA_DIR?',
    );
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    close: () => db.destroy(),
    dump: () => pglite.dumpDataDir('gzip'),
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Answers whether the database takes a query now (health checks). */
export async function pingDatabase<T>(db: Kysely<T>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
