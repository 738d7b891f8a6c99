import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, UserSessionTable } from '../../db/schema.js';

export async function insertSession(db: Kysely<DB>, session: Insertable<UserSessionTable>) {
  await db.insertInto('user_session').values(session).execute();
}

/**
 * A session and its account in one statement: the account from the users module's
 * sign_in_account view (null columns when the account is gone). Every request runs it.
 */
export async function findSessionWithAccount(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('user_session as s')
    .leftJoin('sign_in_account as a', (join) =>
      join.onRef('a.organization_id', '=', 's.organization_id').onRef('a.id', '=', 's.user_id'),
    )
    .selectAll('s')
    .select([
      'a.id as account_id',
      'a.email as account_email',
      'a.display_name as account_display_name',
      'a.roles as account_roles',
      'a.active as account_active',
      'a.password_hash as account_password_hash',
      'a.mfa_secret as account_mfa_secret',
      'a.failed_login_count as account_failed_login_count',
      'a.locked_until as account_locked_until',
      'a.mfa_last_time_step as account_mfa_last_time_step',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function updateSession(db: Kysely<DB>, id: string, changes: Updateable<UserSessionTable>) {
  await db.updateTable('user_session').set(changes).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** Ends every other session of the person: after a password change, only this browser stays in. */
export async function deleteOtherSessionsOfUser(db: Kysely<DB>, userId: string, keepSessionId: string) {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date) {
  await db.deleteFrom('user_session').where('expires_at', '<=', now).execute();
}
