import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';

/** The 409 a possible duplicate answers: the candidates, so the person can open the existing record. */
export class PossibleDuplicateError extends DomainError {
  readonly candidates: api.PatientSummary[];
  constructor(candidates: api.PatientSummary[]) {
    super(
      'conflict',
      candidates.length === 1
        ? 'A patient with this name and date of birth is already registered. Open the existing record, or confirm this is a different person.'
        : `${candidates.length} patients with this name and date of birth are already registered. Open one of them, or confirm this is a different person.`,
      [{ field: 'confirmNotDuplicate', message: 'Possible duplicate: confirm this is a different person.' }],
      { candidates },
    );
    this.candidates = candidates;
  }
}

/**
 * The candidates a duplicate warning shows are a disclosure of their records. The request rolls
 * back, so the disclosure is audited on its own (one event per candidate, ids only).
 */
export async function auditDuplicateWarning(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  error: PossibleDuplicateError,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const candidate of error.candidates) {
      await recordAuditEvent(trx, ctx, {
        action: 'patient.duplicate_warning',
        resourceType: 'patient',
        resourceId: candidate.id,
        patientId: candidate.id,
        reason: 'shown as a possible duplicate of a new registration',
      });
    }
  });
}
