import { type Kysely, sql } from 'kysely';

/**
 * pg_trgm makes "search as you type" on names fast at tens of thousands of patients;
 * btree_gist lets exclusion constraints keep bookings from overlapping. Both are trusted
 * extensions (PostgreSQL 13+): a database owner may create them without superuser rights.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create extension if not exists btree_gist;
  `.execute(db);
}

export async function down(): Promise<void> {}
