import type { Kysely } from 'kysely';
import type { AppUserUpdate, DB, NewAppUser } from '../../db/schema.js';

export async function insertUser(db: Kysely<DB>, user: NewAppUser) {
  return db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUser(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sign-in looks an account up by email alone; emails are unique across the installation. */
export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function emailTaken(db: Kysely<DB>, email: string): Promise<boolean> {
  return (await findUserByEmail(db, email)) !== undefined;
}

export async function listUsers(
  db: Kysely<DB>,
  organizationId: string,
  filter: { q?: string | undefined; includeInactive?: boolean | undefined },
) {
  let query = db.selectFrom('app_user').selectAll().where('organization_id', '=', organizationId);
  if (!filter.includeInactive) query = query.where('active', '=', true);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('display_name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  return query.orderBy('display_name').limit(500).execute();
}

/** Updates only when the stored version is the expected one; undefined means stale or absent. */
export async function updateUserAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: AppUserUpdate,
  now: Date,
) {
  return db
    .updateTable('app_user')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Sign-in bookkeeping does not bump the version: it is not an edit of the account. */
export async function setSignInState(
  db: Kysely<DB>,
  id: string,
  changes: Pick<
    AppUserUpdate,
    'failed_login_count' | 'locked_until' | 'last_login_at' | 'mfa_last_time_step'
  >,
) {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Kysely<DB>, id: string, passwordHash: string, now: Date) {
  await db
    .updateTable('app_user')
    .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function setMfaSecret(db: Kysely<DB>, id: string, secret: string, now: Date) {
  await db
    .updateTable('app_user')
    .set((eb) => ({
      mfa_secret: secret,
      mfa_enabled_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}
