import {
  type api,
  DomainError,
  draftProblems,
  duplicateIdProblems,
  type FieldProblem,
  normalizeContent,
  type PlanContent,
  saveEffect,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { revokeLinksFor } from '../links/index.js';
import { listSignatures } from '../signatures/index.js';
import { searchUsers } from '../users/index.js';
import { currentVersion, findOrThrow, present, stalePlan } from './load-plan.js';
import { bumpPlanAtVersion, insertRevision, insertVersion, updateVersion } from './repo.js';
import type { PlanRow, VersionRow } from './tables.js';
import { DOCUMENT_TYPE } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

export function invalid(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    'validation',
    problems.length === 1 && first ? first.message : `${problems.length} fields need attention.`,
    problems,
  );
}

/** Ids the client sent must be items of this plan (any version): a new item comes without one. */
function unknownIdProblems(content: PlanContent, known: ReadonlySet<string>, sentIds: ReadonlySet<string>) {
  const problems: FieldProblem[] = [];
  content.problems.forEach((p, i) => {
    const check = (id: string, path: string) => {
      if (sentIds.has(id) && !known.has(id)) {
        problems.push({
          field: `${path}.id`,
          message: 'Not an item of this plan. Leave the id out for a new item.',
        });
      }
    };
    check(p.id, `content.problems.${i}`);
    p.goals.forEach((g, j) => {
      check(g.id, `content.problems.${i}.goals.${j}`);
      g.objectives.forEach((o, k) => {
        check(o.id, `content.problems.${i}.goals.${j}.objectives.${k}`);
      });
    });
    p.interventions.forEach((iv, j) => {
      check(iv.id, `content.problems.${i}.interventions.${j}`);
    });
  });
  return problems;
}

function idsOf(content: PlanContent): Set<string> {
  const ids = new Set<string>();
  for (const p of content.problems) {
    ids.add(p.id);
    for (const g of p.goals) {
      ids.add(g.id);
      for (const o of g.objectives) ids.add(o.id);
    }
    for (const i of p.interventions) ids.add(i.id);
  }
  return ids;
}

function sentIdsOf(input: api.PlanContentInput): Set<string> {
  const ids = new Set<string>();
  for (const p of input.problems) {
    if (p.id) ids.add(p.id);
    for (const g of p.goals) {
      if (g.id) ids.add(g.id);
      for (const o of g.objectives) if (o.id) ids.add(o.id);
    }
    for (const i of p.interventions) if (i.id) ids.add(i.id);
  }
  return ids;
}

/** Writes new content as the plan's draft: in place, or as the next version (see saveEffect). */
export async function writeDraft(
  db: Kysely<DB>,
  ctx: Ctx,
  plan: PlanRow,
  current: VersionRow,
  expectedVersion: number,
  content: PlanContent,
  options: { reviewId?: string | null } = {},
): Promise<{ plan: PlanRow; versionNumber: number; effect: ReturnType<typeof saveEffect> }> {
  const orgId = plan.organization_id;
  const signatures = (await listSignatures(db, orgId, DOCUMENT_TYPE, plan.id)).filter(
    (s) => s.documentVersion === current.number,
  );
  const effect = saveEffect(current.status, signatures.length);
  const newNumber =
    effect === 'new_version' || effect === 'void_and_new_version' ? plan.current_number + 1 : current.number;
  const bumped = await bumpPlanAtVersion(
    db,
    orgId,
    plan.id,
    expectedVersion,
    { current_number: newNumber, status: 'draft' },
    ctx.now,
  );
  if (!bumped) throw await stalePlan(db, await findOrThrow(db, orgId, plan.id), expectedVersion, ctx.now);
  const json = JSON.stringify(content);
  switch (effect) {
    case 'edit_draft':
      await updateVersion(db, orgId, current.id, { content: json }, ctx.now);
      break;
    case 'reopen_draft':
      // Two steps: the guard lets a version awaiting signatures change status, never content.
      await updateVersion(db, orgId, current.id, { status: 'draft', submitted_at: null }, ctx.now);
      await updateVersion(db, orgId, current.id, { content: json }, ctx.now);
      break;
    case 'void_and_new_version':
      await updateVersion(db, orgId, current.id, { status: 'voided' }, ctx.now);
      break;
    case 'new_version':
      break;
  }
  if (effect === 'reopen_draft' || effect === 'void_and_new_version') {
    await revokeLinksFor(db, ctx, { type: DOCUMENT_TYPE, id: plan.id }, { purpose: 'plan_signature' });
  }
  if (effect === 'new_version' || effect === 'void_and_new_version') {
    await insertVersion(db, {
      id: newId(),
      organization_id: orgId,
      plan_id: plan.id,
      number: newNumber,
      content: json,
      based_on_number: plan.effective_number,
      review_id: options.reviewId ?? null,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  await insertRevision(db, {
    organization_id: orgId,
    plan_id: plan.id,
    plan_version: bumped.version,
    version_number: newNumber,
    content: json,
    saved_by: ctx.actor.userId,
    saved_at: ctx.now,
  });
  return { plan: bumped, versionNumber: newNumber, effect };
}

/**
 * Saves the editor's whole content at the plan version it read (If-Match). A draft changes in
 * place; a signed plan gets a new draft version; a version awaiting signatures is reopened (no
 * signature yet) or voided and replaced. A stale save gets 409 with what changed meanwhile.
 */
export async function savePlanDraft(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.SavePlanDraftRequest>,
): Promise<api.TreatmentPlan> {
  const orgId = ctx.actor.organizationId;
  const plan = await findOrThrow(db, orgId, id);
  if (plan.version !== expectedVersion) throw await stalePlan(db, plan, expectedVersion, ctx.now);
  const content = normalizeContent(input.content, newId);
  const current = await currentVersion(db, plan);
  const staff = await searchUsers(db, orgId, {});
  const problems = [
    ...duplicateIdProblems(content),
    ...unknownIdProblems(content, idsOf(current.content), sentIdsOf(input.content)),
    ...draftProblems(content, new Set(staff.map((u) => u.id))),
  ];
  if (problems.length > 0) throw invalid(problems);
  const written = await writeDraft(db, ctx, plan, current, expectedVersion, content);
  await recordAuditEvent(db, ctx, {
    action: 'plan.update',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: {
      versionNumber: written.versionNumber,
      effect: written.effect,
      problems: content.problems.length,
    },
  });
  return present(db, written.plan, ctx.now);
}
