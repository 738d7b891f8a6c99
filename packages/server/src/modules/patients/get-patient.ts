import { type api, DomainError, displayName } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { findPatient, findPatientNames, patientExists } from './repo.js';
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

/** How a list names a patient: as staff call them, and the record number. */
export interface PatientLabel {
  displayName: string;
  mrn: string;
}

/**
 * Names and MRNs by patient id, in one query, without auditing: for a list whose own audit
 * event names the patients it shows (due lists, work queues). Other organizations' ids are absent.
 */
export async function readPatientLabels(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, PatientLabel>> {
  const rows = await findPatientNames(db, organizationId, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        displayName: displayName({
          legalFirstName: r.legal_first_name,
          legalLastName: r.legal_last_name,
          preferredName: r.preferred_name,
        }),
        mrn: r.mrn,
      },
    ]),
  );
}

/** For modules that attach records to a patient: 404 when the id is not a patient of this organization. */
export async function assertPatientExists(db: Kysely<DB>, organizationId: string, id: string): Promise<void> {
  if (!(await patientExists(db, organizationId, id))) throw DomainError.notFound('patient');
}
