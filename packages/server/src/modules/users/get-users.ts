import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findUser, listUsers } from './repo.js';
import { toStaffUser } from './to-api.js';

export async function getUser(db: Kysely<DB>, organizationId: string, id: string): Promise<api.StaffUser> {
  const row = await findUser(db, organizationId, id);
  if (!row) throw DomainError.notFound('user');
  return toStaffUser(row);
}

export async function searchUsers(
  db: Kysely<DB>,
  organizationId: string,
  filter: { q?: string | undefined; includeInactive?: boolean | undefined },
): Promise<api.StaffUser[]> {
  return (await listUsers(db, organizationId, filter)).map(toStaffUser);
}
