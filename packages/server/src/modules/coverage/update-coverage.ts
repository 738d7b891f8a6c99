import { type api, assertPriorityFree, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertCoverageDates, coverageAudit } from './create-coverage.js';
import { describeCoverage, findCoverageOrFail } from './get-coverages.js';
import { type CoverageOwner, listCoverageRows, updateCoverageAtVersion } from './repo.js';
import type { CoverageRow, CoverageUpdate } from './tables.js';

type Ctx = RequestContext & { actor: StaffActor };

/** A coverage is the patient's once there is one, else the inquiry's. */
export function ownerOf(row: CoverageRow): CoverageOwner {
  return row.patient_id ? { patientId: row.patient_id } : { inquiryId: row.inquiry_id as string };
}

const COLUMN_OF = {
  payerName: 'payer_name',
  payerId: 'payer_id',
  planName: 'plan_name',
  memberId: 'member_id',
  groupNumber: 'group_number',
  subscriberName: 'subscriber_name',
  subscriberDateOfBirth: 'subscriber_date_of_birth',
  relationship: 'relationship',
  priority: 'priority',
  effectiveDate: 'effective_date',
  terminationDate: 'termination_date',
  status: 'status',
} as const satisfies Record<keyof api.UpdateCoverageRequest, keyof CoverageUpdate>;

/** Changes a coverage at the version the person read (If-Match). Coverages are never deleted. */
export async function updateCoverage(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: api.UpdateCoverageRequest,
): Promise<api.Coverage> {
  const orgId = ctx.actor.organizationId;
  const current = await findCoverageOrFail(db, orgId, id);
  const stale = async () => {
    const fresh = await findCoverageOrFail(db, orgId, id);
    return DomainError.stale('coverage', await describeCoverage(db, fresh));
  };
  if (current.version !== expectedVersion) throw await stale();

  const merged = {
    effectiveDate: input.effectiveDate !== undefined ? input.effectiveDate : current.effective_date,
    terminationDate: input.terminationDate !== undefined ? input.terminationDate : current.termination_date,
    subscriberDateOfBirth:
      input.subscriberDateOfBirth !== undefined
        ? input.subscriberDateOfBirth
        : current.subscriber_date_of_birth,
  };
  await assertCoverageDates(db, orgId, ctx.now, merged);
  if (input.priority !== undefined || input.status !== undefined) {
    assertPriorityFree(
      await listCoverageRows(db, orgId, ownerOf(current)),
      input.priority ?? current.priority,
      input.status ?? current.status,
      id,
    );
  }

  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = input[field as keyof api.UpdateCoverageRequest];
    if (value !== undefined) changes[column] = value;
  }
  const row = await updateCoverageAtVersion(
    db,
    orgId,
    id,
    expectedVersion,
    changes as CoverageUpdate,
    ctx.now,
  );
  if (!row) throw await stale();
  const audit = coverageAudit(row);
  await recordAuditEvent(db, ctx, {
    action: 'coverage.update',
    ...audit,
    details: { ...audit.details, fields: Object.keys(input) },
  });
  return describeCoverage(db, row);
}
