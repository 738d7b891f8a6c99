import { DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { getUser } from '../users/index.js';

/** Display names of the staff who did something, for "checked by …" lines. */
export async function staffNames(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id) continue;
    try {
      names.set(id, (await getUser(db, organizationId, id)).displayName);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
    }
  }
  return names;
}
