import { type api, DomainError, type TransitionOutcome, transitionInquiry } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { cancelInquiryVerifications, hasInquiryBenefitCheck } from '../coverage/index.js';
import { closeTasksFor } from '../tasks/index.js';
import { describeInquiry, inquiryAudit } from './get-inquiries.js';
import { insertStageChange, latestScreeningRow, lockInquiry, updateInquiryAtVersion } from './repo.js';
import type { InquiryRow } from './tables.js';

type Ctx = RequestContext & { actor: StaffActor };

/** Reads and locks an inquiry for a change; with If-Match, it must still be the version the person read. */
export async function lockInquiryForChange(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion?: number,
): Promise<InquiryRow> {
  const row = await lockInquiry(db, ctx.actor.organizationId, id);
  if (!row) throw DomainError.notFound('inquiry');
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw DomainError.stale('inquiry', await describeInquiry(db, row));
  }
  return row;
}

/** What the pipeline rule needs to know of the inquiry, read from the records. */
export async function inquiryFacts(db: Kysely<DB>, row: InquiryRow) {
  return {
    stage: row.stage,
    hasScreening: (await latestScreeningRow(db, row.organization_id, row.id)) !== undefined,
    hasBenefitCheck: await hasInquiryBenefitCheck(db, row.organization_id, row.id),
    selfPay: row.self_pay,
  };
}

/**
 * Writes a judged stage change: the inquiry's columns, the history row with who and when, the
 * audit event. Closing or admitting ends the inquiry's follow-ups; closing also withdraws its
 * open verification requests. Urgent screening tasks stay: a safety concern needs a person's answer.
 */
export async function applyTransition(
  db: Kysely<DB>,
  ctx: Ctx,
  row: InquiryRow,
  outcome: TransitionOutcome,
): Promise<InquiryRow> {
  const orgId = ctx.actor.organizationId;
  const { changes, change } = outcome;
  const updated = await updateInquiryAtVersion(
    db,
    orgId,
    row.id,
    row.version,
    {
      stage: changes.stage,
      stage_changed_at: changes.stageChangedAt,
      closed_reason: changes.closedReason,
      closed_reason_text: changes.closedReasonText,
      ...(changes.assessmentAt !== undefined ? { assessment_at: changes.assessmentAt } : {}),
      ...(changes.selfPay !== undefined ? { self_pay: changes.selfPay } : {}),
      ...(changes.episodeId !== undefined ? { episode_id: changes.episodeId } : {}),
    },
    ctx.now,
  );
  if (!updated) throw DomainError.stale('inquiry', await describeInquiry(db, row));
  await insertStageChange(db, {
    id: newId(),
    organization_id: orgId,
    inquiry_id: row.id,
    from_stage: change.fromStage,
    to_stage: change.toStage,
    reason: change.reason,
    reason_text: change.reasonText,
    assessment_at: change.assessmentAt,
    changed_by: change.changedBy,
    changed_at: change.changedAt,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.transition',
    ...inquiryAudit(updated),
    details: {
      from: change.fromStage,
      to: change.toStage,
      ...(change.reason ? { reason: change.reason } : {}),
      ...(changes.selfPay !== undefined ? { selfPay: changes.selfPay } : {}),
    },
  });
  if (change.toStage === 'closed' || change.toStage === 'admitted') {
    const note = change.toStage === 'closed' ? 'The inquiry was closed.' : 'The person was admitted.';
    await closeTasksFor(
      db,
      ctx,
      { type: 'inquiry', id: row.id },
      { kinds: ['inquiry_follow_up'], status: 'cancelled', note },
    );
  }
  if (change.toStage === 'closed') await cancelInquiryVerifications(db, ctx, row.id);
  return updated;
}

/** Moves an inquiry along the pipeline, or refuses with what must happen first (nothing is written). */
export async function moveInquiry(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  request: api.InquiryTransitionRequest,
  expectedVersion?: number,
): Promise<api.InquiryDetail> {
  const row = await lockInquiryForChange(db, ctx, id, expectedVersion);
  const outcome = transitionInquiry(await inquiryFacts(db, row), request, ctx.now, ctx.actor);
  return describeInquiry(db, await applyTransition(db, ctx, row, outcome));
}
