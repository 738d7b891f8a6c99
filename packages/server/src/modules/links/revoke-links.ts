import type { api, SubjectRef } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { revokeOpenLinks } from './repo.js';

/**
 * Withdraws the unused links of a subject (of one purpose, or all): the plan changed after
 * its signing link went out, the session was cancelled. Returns how many were withdrawn.
 */
export async function revokeLinksFor(
  db: Kysely<DB>,
  ctx: RequestContext,
  subject: SubjectRef,
  options: { purpose?: api.LinkPurpose; organizationId?: string } = {},
): Promise<number> {
  const orgId = ctx.actor?.organizationId ?? options.organizationId;
  if (!orgId)
    throw new Error('Links are withdrawn in an organization: pass organizationId when no one is signed in.');
  const rows = await revokeOpenLinks(db, orgId, subject, options.purpose, ctx.now);
  for (const row of rows) {
    await recordAuditEvent(db, ctx, {
      action: 'link.revoke',
      organizationId: orgId,
      resourceType: 'one_time_link',
      resourceId: row.id,
      ...(row.patient_id ? { patientId: row.patient_id } : {}),
      details: { purpose: row.purpose },
    });
  }
  return rows.length;
}
