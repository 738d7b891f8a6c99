import { type api, DomainError, nameKey } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { patientColumns } from './columns.js';
import { assertPlausibleBirthDate } from './create-patient.js';
import { PossibleDuplicateError } from './duplicates.js';
import { findPatient, findSameNameAndBirth, updatePatientAtVersion } from './repo.js';
import { toPatient, toPatientSummary } from './to-api.js';

export type UpdatePatientInput = z.output<typeof api.UpdatePatientRequest>;

/**
 * Changes demographics under optimistic concurrency. A change of name or date of birth that
 * makes the record look like another registered person is refused with the candidates, like a
 * new registration: two charts for one person is the error this guards against.
 */
export async function updatePatient(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: UpdatePatientInput,
): Promise<api.Patient> {
  const orgId = ctx.actor.organizationId;
  const current = await findPatient(db, orgId, id);
  if (!current) throw DomainError.notFound('patient');
  if (current.version !== expectedVersion) throw DomainError.stale('patient', toPatient(current));
  if (input.dateOfBirth !== undefined) await assertPlausibleBirthDate(db, ctx, input.dateOfBirth);

  const identityChanged =
    input.legalFirstName !== undefined ||
    input.legalLastName !== undefined ||
    input.dateOfBirth !== undefined;
  if (identityChanged && !input.confirmNotDuplicate) {
    const key = nameKey(
      input.legalFirstName ?? current.legal_first_name,
      input.legalLastName ?? current.legal_last_name,
    );
    const dateOfBirth = input.dateOfBirth ?? current.date_of_birth;
    const same = await findSameNameAndBirth(db, orgId, { ...key, dateOfBirth }, id);
    if (same.length > 0) throw new PossibleDuplicateError(same.map(toPatientSummary));
  }

  const changes = patientColumns(input, {
    legalFirstName: current.legal_first_name,
    legalLastName: current.legal_last_name,
    preferredName: current.preferred_name,
  });
  const row = await updatePatientAtVersion(db, orgId, id, expectedVersion, changes, ctx.now);
  if (!row) throw DomainError.stale('patient', toPatient(current));
  await recordAuditEvent(db, ctx, {
    action: 'patient.update',
    resourceType: 'patient',
    resourceId: id,
    patientId: id,
    details: {
      fields: Object.keys(input)
        .filter((k) => k !== 'confirmNotDuplicate')
        .sort(),
    },
  });
  return toPatient(row);
}
