import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { findPatient, patientExists } from './repo.js';
import { toPatient } from './to-api.js';

/** Reads a patient's record and audits the read (patient.read) in the caller's transaction. */
export async function getPatient(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  purpose?: string,
): Promise<api.Patient> {
  const patient = await readPatient(db, ctx.actor.organizationId, id);
  await recordAuditEvent(db, ctx, {
    action: 'patient.read',
    resourceType: 'patient',
    resourceId: id,
    patientId: id,
    ...(purpose ? { reason: purpose } : {}),
  });
  return patient;
}

/**
 * Reads without auditing: for a caller that records its own audit event for the same request
 * (the chart header audits one patient.read for everything it shows).
 */
export async function readPatient(db: Kysely<DB>, organizationId: string, id: string): Promise<api.Patient> {
  const row = await findPatient(db, organizationId, id);
  if (!row) throw DomainError.notFound('patient');
  return toPatient(row);
}

/** For modules that attach records to a patient: 404 when the id is not a patient of this organization. */
export async function assertPatientExists(db: Kysely<DB>, organizationId: string, id: string): Promise<void> {
  if (!(await patientExists(db, organizationId, id))) throw DomainError.notFound('patient');
}
