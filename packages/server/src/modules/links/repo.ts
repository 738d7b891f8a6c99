import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewLink } from './tables.js';

export async function insertLink(db: Kysely<DB>, link: NewLink) {
  return db.insertInto('one_time_link').values(link).returningAll().executeTakeFirstOrThrow();
}

/**
 * A link is found by the hash of its token alone, like a session: the token is the only
 * thing its holder has. The row then names the organization everything else is scoped to.
 */
export async function findLinkByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('one_time_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Uses a link once, in one conditional update: of two simultaneous clicks on a single-use
 * link, exactly one gets the row back.
 */
export async function useLink(db: Kysely<DB>, tokenHash: string, purpose: string, now: Date) {
  return db
    .updateTable('one_time_link')
    .set((eb) => ({
      use_count: eb('use_count', '+', 1),
      last_used_at: now,
      consumed_at: sql<Date | null>`case when use_count + 1 >= max_uses then ${now}::timestamptz else null end`,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('use_count', '<', eb.ref('max_uses')))
    .returningAll()
    .executeTakeFirst();
}

export async function revokeOpenLinks(
  db: Kysely<DB>,
  organizationId: string,
  subject: { type: string; id: string },
  purpose: string | undefined,
  now: Date,
) {
  let query = db
    .updateTable('one_time_link')
    .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('revoked_at', 'is', null)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now);
  if (purpose) query = query.where('purpose', '=', purpose);
  return query.returning(['id', 'patient_id', 'purpose']).execute();
}
