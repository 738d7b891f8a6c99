import { type api, assertPriorityFree, coverageDateProblems, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { openTask } from '../tasks/index.js';
import { type CoverageOwner, insertCoverage, listCoverageRows } from './repo.js';
import { organizationOf, organizationToday } from './scope.js';
import type { CoverageRow } from './tables.js';
import { toCoverage } from './to-api.js';

export interface CreateCoverageOptions {
  /** Queue a benefit-verification request for the intake team (resolved by recording a check). */
  requestVerification?: boolean;
  /** Needed when no one is signed in (the public form). */
  organizationId?: string;
}

/** Audit fields of a coverage: the patient when it is a patient's, else the inquiry's id. */
export function coverageAudit(row: CoverageRow) {
  return {
    resourceType: 'coverage',
    resourceId: row.id,
    organizationId: row.organization_id,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
    details: row.patient_id ? { owner: 'patient' } : { owner: 'inquiry', inquiryId: row.inquiry_id },
  };
}

export async function assertCoverageDates(
  db: Kysely<DB>,
  organizationId: string,
  now: Date,
  input: Pick<api.CoverageInput, 'effectiveDate' | 'terminationDate' | 'subscriberDateOfBirth'>,
) {
  const problems = coverageDateProblems(input, await organizationToday(db, organizationId, now));
  if (problems.length > 0) {
    throw new DomainError('validation', problems[0]?.message ?? 'Check the dates.', problems);
  }
}

/**
 * Records an insurance coverage of a patient, or of an inquiry before there is a patient (the
 * insurance as the person told it). A coordinator or billing verifies it with a benefit check.
 */
export async function createCoverage(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: CoverageOwner,
  input: api.CoverageInput,
  options: CreateCoverageOptions = {},
): Promise<api.Coverage> {
  const orgId = organizationOf(ctx, options.organizationId);
  if ('patientId' in owner) await assertPatientExists(db, orgId, owner.patientId);
  await assertCoverageDates(db, orgId, ctx.now, input);
  const priority = input.priority ?? 'primary';
  const status = input.status ?? 'pending_verification';
  assertPriorityFree(await listCoverageRows(db, orgId, owner), priority, status);

  const row = await insertCoverage(db, {
    id: newId(),
    organization_id: orgId,
    patient_id: 'patientId' in owner ? owner.patientId : null,
    inquiry_id: 'inquiryId' in owner ? owner.inquiryId : null,
    payer_name: input.payerName,
    payer_id: input.payerId ?? null,
    plan_name: input.planName ?? null,
    member_id: input.memberId ?? null,
    group_number: input.groupNumber ?? null,
    subscriber_name: input.subscriberName ?? null,
    subscriber_date_of_birth: input.subscriberDateOfBirth ?? null,
    relationship: input.relationship ?? null,
    priority,
    effective_date: input.effectiveDate ?? null,
    termination_date: input.terminationDate ?? null,
    status,
    created_by: ctx.actor?.userId ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, { action: 'coverage.create', ...coverageAudit(row) });
  if (options.requestVerification) await requestBenefitVerification(db, ctx, row);
  return toCoverage(row, null);
}

/** Benefit checks are due within a business day of the request. */
const VERIFICATION_DUE_HOURS = 24;

/**
 * Puts a benefit-verification request in the work queue, once per coverage. Its title names no
 * one: the queue shows it to whoever works verifications.
 */
export async function requestBenefitVerification(db: Kysely<DB>, ctx: RequestContext, row: CoverageRow) {
  return openTask(db, ctx, {
    kind: 'benefit_verification',
    subject: { type: 'coverage', id: row.id },
    patientId: row.patient_id,
    title: row.patient_id ? 'Verify insurance benefits' : 'Verify insurance benefits before admission',
    dueAt: new Date(ctx.now.getTime() + VERIFICATION_DUE_HOURS * 3_600_000),
    organizationId: row.organization_id,
  });
}
