import { type api, parsePatientQuery } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { listRecentPatients, searchByDateOfBirth, searchByMrn, searchByName, searchByPhone } from './repo.js';
import { toPatientSummary } from './to-api.js';

/**
 * The one search box: the domain reads the text as an MRN, a date of birth, phone digits or a
 * name, and one indexed query answers. The audit event lists the patients shown, never the text
 * typed (it may itself be a name or a date of birth).
 */
export async function searchPatients(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  filter: { q?: string | undefined; limit: number },
): Promise<z.infer<typeof api.PatientSearchResult>> {
  const orgId = ctx.actor.organizationId;
  const query = parsePatientQuery(filter.q ?? '');
  const rows =
    query.kind === 'mrn'
      ? await searchByMrn(db, orgId, query.mrn, filter.limit)
      : query.kind === 'date_of_birth'
        ? await searchByDateOfBirth(db, orgId, query.date, filter.limit)
        : query.kind === 'phone'
          ? await searchByPhone(db, orgId, query.digits, filter.limit)
          : query.kind === 'name'
            ? await searchByName(db, orgId, query, filter.limit)
            : await listRecentPatients(db, orgId, filter.limit);
  const items = rows.map(toPatientSummary);
  await recordAuditEvent(db, ctx, {
    action: 'patient.search',
    resourceType: 'patient',
    details: { matchedBy: query.kind, resultCount: items.length, patientIds: items.map((p) => p.id) },
  });
  return { items, matchedBy: query.kind };
}
