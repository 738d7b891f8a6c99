import { type api, countChanges, DomainError, diffPlanContent } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { listSignatures } from '../signatures/index.js';
import { dueOf, episodeFacts, findOrThrow, present, versionOrThrow } from './load-plan.js';
import { findEpisodePlan, listReviewRows, listVersionRows } from './repo.js';
import { planSettingsValues } from './settings.js';
import type { PlanRow } from './tables.js';
import { DOCUMENT_TYPE, toReview, toVersion, toVersionSummary } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

async function audit(
  db: Kysely<DB>,
  ctx: Ctx,
  plan: PlanRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordAuditEvent(db, ctx, {
    action,
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
}

export async function getPlan(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.TreatmentPlan> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  await audit(db, ctx, plan, 'plan.read');
  return present(db, plan, ctx.now);
}

/** The plan of an episode, or null with what is due when none was started yet. */
export async function getEpisodePlan(db: Kysely<DB>, ctx: Ctx, episodeId: string): Promise<api.EpisodePlan> {
  const orgId = ctx.actor.organizationId;
  const episode = await episodeFacts(db, orgId, episodeId);
  const plan = await findEpisodePlan(db, orgId, episodeId);
  await recordAuditEvent(db, ctx, {
    action: 'plan.read',
    resourceType: plan ? 'treatment_plan' : 'episode',
    resourceId: plan?.id ?? episodeId,
    patientId: episode.patientId,
    details: { episodeId },
  });
  if (plan) {
    const presented = await present(db, plan, ctx.now);
    return { episodeId, patientId: episode.patientId, plan: presented, due: presented.due };
  }
  const due = await dueOf(db, orgId, episode, null, await planSettingsValues(db, orgId), ctx.now);
  return { episodeId, patientId: episode.patientId, plan: null, due };
}

export async function listPlanVersions(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
): Promise<api.PlanVersionSummary[]> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  await audit(db, ctx, plan, 'plan.versions.list');
  return (await listVersionRows(db, plan.organization_id, plan.id)).map(toVersionSummary);
}

export async function getPlanVersion(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  number: number,
): Promise<api.PlanVersion> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  const version = await versionOrThrow(db, plan, number);
  await audit(db, ctx, plan, 'plan.version.read', { versionNumber: number });
  const signatures = await listSignatures(db, plan.organization_id, DOCUMENT_TYPE, plan.id);
  return toVersion(version, signatures, await planSettingsValues(db, plan.organization_id));
}

/** Two versions compared item by item (by id), with field-level before and after. */
export async function diffPlanVersions(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  query: { from: number; to: number },
): Promise<api.PlanDiff> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  if (query.from === query.to) {
    throw DomainError.invalid('to', 'Choose two different versions to compare.');
  }
  const [from, to] = [await versionOrThrow(db, plan, query.from), await versionOrThrow(db, plan, query.to)];
  await audit(db, ctx, plan, 'plan.diff', { from: query.from, to: query.to });
  const changes = diffPlanContent(from.content, to.content);
  return { planId: plan.id, from: query.from, to: query.to, changes, counts: countChanges(changes) };
}

export async function listPlanReviews(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.PlanReview[]> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  await audit(db, ctx, plan, 'plan.reviews.list');
  return (await listReviewRows(db, plan.organization_id, plan.id)).map(toReview);
}
