import { type api, applyReview, checkReviewable, localDateOf } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { currentVersion, findOrThrow, present, stalePlan } from './load-plan.js';
import { insertReview } from './repo.js';
import { invalid, writeDraft } from './save-draft.js';
import { toReview } from './to-api.js';

/**
 * A review of the plan in effect: progress recorded per objective, and the next version drafted
 * from the signed one with the objectives' new statuses, for the team to revise and sign. The
 * review clock resets when that version is signed.
 */
export async function startReview(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.StartReviewRequest>,
): Promise<z.infer<typeof api.StartReviewResult>> {
  const orgId = ctx.actor.organizationId;
  const plan = await findOrThrow(db, orgId, id);
  if (plan.version !== expectedVersion) throw await stalePlan(db, plan, expectedVersion, ctx.now);
  const current = await currentVersion(db, plan);
  const refusal = checkReviewable(current.status, plan.effective_number);
  if (refusal) throw refusal;
  const outcome = applyReview(current.content, input.progress);
  if (!outcome.ok) throw invalid(outcome.problems);
  const reviewId = newId();
  const written = await writeDraft(db, ctx, plan, current, expectedVersion, outcome.content, { reviewId });
  const review = await insertReview(db, {
    id: reviewId,
    organization_id: orgId,
    plan_id: plan.id,
    reviewed_number: current.number,
    resulting_number: written.versionNumber,
    reviewed_on: input.reviewedOn ?? localDateOf(ctx.now, await organizationTimeZone(db, orgId)),
    summary: input.summary,
    participant_comment: input.participantComment,
    progress: outcome.progress,
    reviewed_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'plan.review',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: {
      reviewId,
      reviewedVersion: current.number,
      resultingVersion: written.versionNumber,
      objectives: outcome.progress.length,
    },
  });
  return {
    review: toReview(review),
    plan: await present(db, written.plan, ctx.now),
  };
}
