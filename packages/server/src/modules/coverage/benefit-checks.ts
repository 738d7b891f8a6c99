import {
  type api,
  benefitCheckProblems,
  coverageStatusAfterCheck,
  DomainError,
  MENTAL_HEALTH_SERVICE_TYPES,
  SUBSTANCE_USE_SERVICE_TYPES,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { closeTasksFor } from '../tasks/index.js';
import { coverageAudit } from './create-coverage.js';
import { findCoverageOrFail } from './get-coverages.js';
import {
  findBenefitCheck,
  insertBenefitCheck,
  latestBenefitCheckRows,
  listBenefitCheckRows,
  updateBenefitCheckAtVersion,
  updateCoverageAtVersion,
} from './repo.js';
import { staffNames } from './staff-names.js';
import type { BenefitCheckRow, BenefitCheckUpdate, CoverageRow } from './tables.js';
import { benefitFactsOf, toBenefitCheck } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** The columns a (partial) check input sets; absent fields are left as they are. */
function checkColumns(input: api.UpdateBenefitCheckRequest): BenefitCheckUpdate {
  const columns: BenefitCheckUpdate = {};
  const set = <K extends keyof BenefitCheckUpdate>(column: K, value: BenefitCheckUpdate[K] | undefined) => {
    if (value !== undefined) columns[column] = value;
  };
  set('checked_at', input.checkedAt !== undefined ? new Date(input.checkedAt) : undefined);
  set('source', input.source);
  set('coverage_active', input.coverageActive);
  set('network', input.network);
  if (input.mentalHealth) {
    columns.mh_iop_covered = input.mentalHealth.iopCovered;
    columns.mh_service_type_codes = [...(input.mentalHealth.serviceTypeCodes ?? MENTAL_HEALTH_SERVICE_TYPES)];
  }
  if (input.substanceUse) {
    columns.sud_iop_covered = input.substanceUse.iopCovered;
    columns.sud_service_type_codes = [
      ...(input.substanceUse.serviceTypeCodes ?? SUBSTANCE_USE_SERVICE_TYPES),
    ];
  }
  set('deductible_cents', input.deductibleCents);
  set('deductible_met_cents', input.deductibleMetCents);
  set('out_of_pocket_max_cents', input.outOfPocketMaxCents);
  set('out_of_pocket_met_cents', input.outOfPocketMetCents);
  set('copay_cents', input.copayCents);
  set('coinsurance_percent', input.coinsurancePercent);
  set('prior_auth_required', input.priorAuthRequired);
  set('prior_auth_phone', input.priorAuthPhone);
  set('prior_auth_notes', input.priorAuthNotes);
  set('limit_days', input.limitDays);
  set('limit_visits', input.limitVisits);
  set('limit_period', input.limitPeriod);
  set('reference_number', input.referenceNumber);
  set('notes', input.notes);
  return columns;
}

function assertConsistent(row: BenefitCheckRow, now: Date) {
  const problems = benefitCheckProblems(benefitFactsOf(row), now);
  if (problems.length > 0) {
    throw new DomainError('validation', problems[0]?.message ?? 'Check the highlighted fields.', problems);
  }
}

/** The coverage's status follows its newest check. */
async function followNewestCheck(db: Kysely<DB>, ctx: Ctx, coverage: CoverageRow) {
  const [newest] = await latestBenefitCheckRows(db, coverage.organization_id, [coverage.id]);
  if (!newest) return;
  const status = coverageStatusAfterCheck(coverage.status, newest.coverage_active);
  if (status === coverage.status) return;
  const updated = await updateCoverageAtVersion(
    db,
    coverage.organization_id,
    coverage.id,
    coverage.version,
    { status },
    ctx.now,
  );
  if (!updated) throw DomainError.stale('coverage', { id: coverage.id });
}

async function describe(db: Kysely<DB>, row: BenefitCheckRow) {
  return toBenefitCheck(row, await staffNames(db, row.organization_id, [row.checked_by]));
}

/**
 * Records what a phone call, a portal or (later) an electronic 271 said about a coverage's
 * benefits. The coverage's status follows, and the open verification request is resolved.
 */
export async function recordBenefitCheck(
  db: Kysely<DB>,
  ctx: Ctx,
  coverageId: string,
  input: api.BenefitCheckInput,
): Promise<api.BenefitCheck> {
  const orgId = ctx.actor.organizationId;
  const coverage = await findCoverageOrFail(db, orgId, coverageId);
  const row: BenefitCheckRow = {
    id: newId(),
    organization_id: orgId,
    coverage_id: coverageId,
    checked_at: ctx.now,
    checked_by: ctx.actor.userId,
    source: input.source,
    coverage_active: input.coverageActive,
    network: 'unknown',
    mh_iop_covered: null,
    mh_service_type_codes: [...MENTAL_HEALTH_SERVICE_TYPES],
    sud_iop_covered: null,
    sud_service_type_codes: [...SUBSTANCE_USE_SERVICE_TYPES],
    deductible_cents: null,
    deductible_met_cents: null,
    out_of_pocket_max_cents: null,
    out_of_pocket_met_cents: null,
    copay_cents: null,
    coinsurance_percent: null,
    prior_auth_required: null,
    prior_auth_phone: null,
    prior_auth_notes: null,
    limit_days: null,
    limit_visits: null,
    limit_period: null,
    reference_number: null,
    notes: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
    ...(checkColumns(input) as Partial<BenefitCheckRow>),
  };
  assertConsistent(row, ctx.now);
  const inserted = await insertBenefitCheck(db, row);
  await followNewestCheck(db, ctx, coverage);
  const audit = coverageAudit(coverage);
  await recordAuditEvent(db, ctx, {
    action: 'benefit_check.create',
    ...audit,
    resourceType: 'benefit_check',
    resourceId: inserted.id,
    details: { ...audit.details, coverageId, source: inserted.source },
  });
  await closeTasksFor(
    db,
    ctx,
    { type: 'coverage', id: coverageId },
    { kinds: ['benefit_verification'], status: 'done', note: 'Benefit check recorded.' },
  );
  return describe(db, inserted);
}

/** Corrects a recorded check at the version the person read (If-Match). */
export async function updateBenefitCheck(
  db: Kysely<DB>,
  ctx: Ctx,
  coverageId: string,
  id: string,
  expectedVersion: number,
  input: api.UpdateBenefitCheckRequest,
): Promise<api.BenefitCheck> {
  const orgId = ctx.actor.organizationId;
  const coverage = await findCoverageOrFail(db, orgId, coverageId);
  const current = await findBenefitCheck(db, orgId, coverageId, id);
  if (!current) throw DomainError.notFound('benefit check');
  if (current.version !== expectedVersion)
    throw DomainError.stale('benefit check', await describe(db, current));
  const changes = checkColumns(input);
  assertConsistent({ ...current, ...(changes as Partial<BenefitCheckRow>) }, ctx.now);
  const row = await updateBenefitCheckAtVersion(db, orgId, id, expectedVersion, changes, ctx.now);
  if (!row) throw DomainError.stale('benefit check', await describe(db, current));
  await followNewestCheck(db, ctx, coverage);
  const audit = coverageAudit(coverage);
  await recordAuditEvent(db, ctx, {
    action: 'benefit_check.update',
    ...audit,
    resourceType: 'benefit_check',
    resourceId: id,
    details: { ...audit.details, coverageId, fields: Object.keys(input) },
  });
  return describe(db, row);
}

/** A coverage's checks, newest first; the read is audited. */
export async function listBenefitChecks(
  db: Kysely<DB>,
  ctx: Ctx,
  coverageId: string,
): Promise<api.BenefitCheck[]> {
  const orgId = ctx.actor.organizationId;
  const coverage = await findCoverageOrFail(db, orgId, coverageId);
  const rows = await listBenefitCheckRows(db, orgId, coverageId);
  const audit = coverageAudit(coverage);
  await recordAuditEvent(db, ctx, {
    action: 'benefit_check.list',
    ...audit,
    details: { ...audit.details, count: rows.length },
  });
  const names = await staffNames(
    db,
    orgId,
    rows.map((r) => r.checked_by),
  );
  return rows.map((r) => toBenefitCheck(r, names));
}

export async function getBenefitCheck(
  db: Kysely<DB>,
  ctx: Ctx,
  coverageId: string,
  id: string,
): Promise<api.BenefitCheck> {
  const orgId = ctx.actor.organizationId;
  const coverage = await findCoverageOrFail(db, orgId, coverageId);
  const row = await findBenefitCheck(db, orgId, coverageId, id);
  if (!row) throw DomainError.notFound('benefit check');
  const audit = coverageAudit(coverage);
  await recordAuditEvent(db, ctx, {
    action: 'benefit_check.read',
    ...audit,
    resourceType: 'benefit_check',
    resourceId: id,
    details: { ...audit.details, coverageId },
  });
  return describe(db, row);
}
