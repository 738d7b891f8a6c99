import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewSignature } from './tables.js';

export async function insertSignature(db: Kysely<DB>, signature: NewSignature) {
  return db.insertInto('signature').values(signature).returningAll().executeTakeFirstOrThrow();
}

export async function findSignature(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('signature')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function signaturesOf(
  db: Kysely<DB>,
  organizationId: string,
  documentType: string,
  documentId: string,
  documentVersion?: number,
) {
  let query = db
    .selectFrom('signature')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId);
  if (documentVersion !== undefined) query = query.where('document_version', '=', documentVersion);
  return query.orderBy('signed_at').orderBy('id').execute();
}

export async function addendaOf(
  db: Kysely<DB>,
  organizationId: string,
  documentType: string,
  documentId: string,
) {
  return db
    .selectFrom('signature')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('addendum_of_type', '=', documentType)
    .where('addendum_of_id', '=', documentId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

export async function signaturesByIds(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('signature')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}
