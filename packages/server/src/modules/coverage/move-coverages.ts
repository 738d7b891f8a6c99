import { coverageInForce, DomainError, firstFreePriority } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { closeTasksFor } from '../tasks/index.js';
import { listCoverageRows, updateCoverageAtVersion } from './repo.js';

type Ctx = RequestContext & { actor: StaffActor };

const sameCard = (a: { payer_name: string; member_id: string | null }, b: typeof a) =>
  a.member_id !== null &&
  a.member_id.toLowerCase() === b.member_id?.toLowerCase() &&
  a.payer_name.trim().toLowerCase() === b.payer_name.trim().toLowerCase();

/**
 * When an inquiry becomes a patient, its coverages become the patient's: the same rows (so the
 * benefit checks made before admission stay with them), now owned by the patient, keeping the
 * inquiry as where they came from. A coverage the patient already has on file (same payer and
 * member id) is not brought twice; a coverage whose place in the order is taken moves to the
 * next free place, or is kept inactive when primary, secondary and tertiary are all taken.
 * Returns the ids of the coverages the patient now holds from the inquiry.
 */
export async function moveInquiryCoveragesToPatient(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  patientId: string,
): Promise<string[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const incoming = (await listCoverageRows(db, orgId, { inquiryId })).filter((c) => c.patient_id === null);
  const held = await listCoverageRows(db, orgId, { patientId });
  const moved: string[] = [];
  for (const coverage of incoming) {
    if (coverage.status === 'entered_in_error') continue;
    if (held.some((h) => coverageInForce(h.status) && sameCard(h, coverage))) continue;
    const place = coverageInForce(coverage.status)
      ? firstFreePriority(held, coverage.priority)
      : coverage.priority;
    const row = await updateCoverageAtVersion(
      db,
      orgId,
      coverage.id,
      coverage.version,
      place ? { patient_id: patientId, priority: place } : { patient_id: patientId, status: 'inactive' },
      ctx.now,
    );
    if (!row) throw DomainError.stale('coverage', { id: coverage.id });
    held.push(row);
    moved.push(row.id);
    await recordAuditEvent(db, ctx, {
      action: 'coverage.move_to_patient',
      resourceType: 'coverage',
      resourceId: row.id,
      patientId,
      details: { inquiryId, priority: row.priority, status: row.status },
    });
    // An open verification request stays open: its subject is the coverage, which a check resolves.
  }
  return moved;
}

/** Closes the verification requests of an inquiry's coverages (the inquiry was closed). */
export async function cancelInquiryVerifications(db: Kysely<DB>, ctx: Ctx, inquiryId: string): Promise<void> {
  for (const coverage of await listCoverageRows(db, ctx.actor.organizationId, { inquiryId })) {
    if (coverage.patient_id) continue;
    await closeTasksFor(
      db,
      ctx,
      { type: 'coverage', id: coverage.id },
      { kinds: ['benefit_verification'], status: 'cancelled', note: 'The inquiry was closed.' },
    );
  }
}
