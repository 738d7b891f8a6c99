import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { coverageAudit } from './create-coverage.js';
import {
  type CoverageOwner,
  findCoverage,
  inquiryHasBenefitCheck,
  latestBenefitCheckRows,
  listCoverageRows,
} from './repo.js';
import { staffNames } from './staff-names.js';
import type { CoverageRow } from './tables.js';
import { toBenefitCheck, toCoverage } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** Coverages with their newest benefit check each. */
async function withLatestChecks(db: Kysely<DB>, organizationId: string, rows: CoverageRow[]) {
  const checks = await latestBenefitCheckRows(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  const names = await staffNames(
    db,
    organizationId,
    checks.map((c) => c.checked_by),
  );
  const byCoverage = new Map(checks.map((c) => [c.coverage_id, toBenefitCheck(c, names)]));
  return rows.map((row) => toCoverage(row, byCoverage.get(row.id) ?? null));
}

/** One coverage as the API shows it, with its newest check. */
export async function describeCoverage(db: Kysely<DB>, row: CoverageRow): Promise<api.Coverage> {
  const [coverage] = await withLatestChecks(db, row.organization_id, [row]);
  return coverage as api.Coverage;
}

export async function findCoverageOrFail(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<CoverageRow> {
  const row = await findCoverage(db, organizationId, id);
  if (!row) throw DomainError.notFound('coverage');
  return row;
}

/** One coverage with its newest check; the read is audited. */
export async function getCoverage(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Coverage> {
  const row = await findCoverageOrFail(db, ctx.actor.organizationId, id);
  await recordAuditEvent(db, ctx, { action: 'coverage.read', ...coverageAudit(row) });
  return describeCoverage(db, row);
}

/** A patient's coverages, audited as one read of the patient's insurance. */
export async function listPatientCoverages(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
): Promise<api.Coverage[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await listCoverageRows(db, orgId, { patientId });
  await recordAuditEvent(db, ctx, {
    action: 'coverage.list',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: { count: rows.length, coverageIds: rows.map((r) => r.id) },
  });
  return withLatestChecks(db, orgId, rows);
}

/**
 * An inquiry's coverages, without an audit event of their own: the inquiry module audits its
 * read of the inquiry, which includes them.
 */
export async function readCoverages(
  db: Kysely<DB>,
  organizationId: string,
  owner: CoverageOwner,
): Promise<api.Coverage[]> {
  return withLatestChecks(db, organizationId, await listCoverageRows(db, organizationId, owner));
}

/** Whether a benefit check is on file for an inquiry (the pipeline's benefits_checked rule). */
export async function hasInquiryBenefitCheck(
  db: Kysely<DB>,
  organizationId: string,
  inquiryId: string,
): Promise<boolean> {
  return inquiryHasBenefitCheck(db, organizationId, inquiryId);
}
