import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, UserSessionTable } from '../../db/schema.js';

export async function insertSession(db: Kysely<DB>, session: Insertable<UserSessionTable>) {
  await db.insertInto('user_session').values(session).execute();
}

export async function findSession(db: Kysely<DB>, id: string) {
  return db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
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

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date) {
  await db.deleteFrom('user_session').where('expires_at', '<=', now).execute();
}
