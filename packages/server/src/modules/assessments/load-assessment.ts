import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { getSignature, listAddenda } from '../signatures/index.js';
import { findAssessment, listAddendaOf } from './repo.js';
import type { AssessmentRow } from './tables.js';
import { toAssessment } from './to-api.js';

export async function findOrThrow(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<AssessmentRow> {
  const row = await findAssessment(db, organizationId, id);
  if (!row) throw DomainError.notFound('assessment');
  return row;
}

/** The assessment as the API shows it: with its signature and its signed addenda. Not audited. */
export async function present(db: Kysely<DB>, row: AssessmentRow): Promise<api.Assessment> {
  const orgId = row.organization_id;
  const signature = row.signature_id ? await getSignature(db, orgId, row.signature_id) : null;
  const addendumRows = await listAddendaOf(db, orgId, row.id);
  const signatures = addendumRows.length > 0 ? await listAddenda(db, orgId, 'assessment', row.id) : [];
  const addenda = addendumRows.flatMap((a) => {
    const s = signatures.find((sig) => sig.id === a.signature_id);
    return s ? [{ row: a, signature: s }] : [];
  });
  return toAssessment(row, signature, addenda);
}
