import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { findOrThrow, present } from './load-assessment.js';
import { listPatientAssessments } from './repo.js';
import { toSummary } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

export async function getAssessment(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Assessment> {
  const row = await findOrThrow(db, ctx.actor.organizationId, id);
  await recordAuditEvent(db, ctx, {
    action: 'assessment.read',
    resourceType: 'assessment',
    resourceId: id,
    patientId: row.patient_id,
  });
  return present(db, row);
}

/** A patient's assessments, newest first, as summaries; one audit event names them. */
export async function listAssessments(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
): Promise<api.AssessmentSummary[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await listPatientAssessments(db, orgId, patientId);
  await recordAuditEvent(db, ctx, {
    action: 'assessment.list',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: { assessmentIds: rows.map((r) => r.id) },
  });
  return rows.map(toSummary);
}
