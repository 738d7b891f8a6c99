import { type api, DomainError, localDateOf, planFromTemplates } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { episodeFacts, present } from './load-plan.js';
import { findEpisodePlan, findTemplates, insertPlan, insertRevision, insertVersion } from './repo.js';
import { ensureLibrary } from './template-library.js';

/**
 * Starts the plan of an episode as draft version 1: empty, or filled from library templates in
 * the order chosen (problems linked to the episode's diagnoses, objectives dated from today,
 * interventions given to the primary clinician). One plan per episode.
 */
export async function startPlan(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  episodeId: string,
  input: z.output<typeof api.CreatePlanRequest>,
): Promise<api.TreatmentPlan> {
  const orgId = ctx.actor.organizationId;
  const episode = await episodeFacts(db, orgId, episodeId);
  if (!episode.open) {
    throw new DomainError(
      'invalid_state',
      'This episode of care is discharged: a new plan belongs to an open episode.',
    );
  }
  const already = () =>
    new DomainError(
      'conflict',
      'This episode already has a treatment plan. Open it instead of starting another.',
    );
  if (await findEpisodePlan(db, orgId, episodeId)) throw already();

  await ensureLibrary(db, orgId, ctx.now);
  const rows = await findTemplates(db, orgId, input.templateIds);
  const problems = input.templateIds.flatMap((id, i) => {
    const row = rows.find((r) => r.id === id);
    return row?.active
      ? []
      : [{ field: `templateIds.${i}`, message: 'Not a template of your library. Choose one from the list.' }];
  });
  if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, problems);
  const templates = input.templateIds.map((id) => rows.find((r) => r.id === id)!);

  const timeZone = await organizationTimeZone(db, orgId);
  const content = planFromTemplates(
    templates.map((t) => t.content),
    {
      startDate: localDateOf(ctx.now, timeZone),
      diagnosisCodes: episode.diagnosisCodes,
      defaultResponsibleUserId: episode.primaryClinicianId,
      newId,
    },
  );
  const planId = newId();
  const plan = await insertPlan(db, {
    id: planId,
    organization_id: orgId,
    patient_id: episode.patientId,
    episode_id: episodeId,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!plan) throw already();
  await insertVersion(db, {
    id: newId(),
    organization_id: orgId,
    plan_id: planId,
    number: 1,
    content: JSON.stringify(content),
    based_on_number: null,
    review_id: null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await insertRevision(db, {
    organization_id: orgId,
    plan_id: planId,
    plan_version: plan.version,
    version_number: 1,
    content: JSON.stringify(content),
    saved_by: ctx.actor.userId,
    saved_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'plan.create',
    resourceType: 'treatment_plan',
    resourceId: planId,
    patientId: episode.patientId,
    details: { episodeId, templateIds: input.templateIds, problems: content.problems.length },
  });
  return present(db, plan, ctx.now);
}
