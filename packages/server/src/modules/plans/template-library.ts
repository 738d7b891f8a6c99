import { type api, DomainError, PLAN_STARTER_TEMPLATES } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  findTemplate,
  insertTemplates,
  listTemplateRows,
  starterKeysOf,
  updateTemplateAtVersion,
} from './repo.js';
import type { TemplateRow } from './tables.js';
import { toTemplate } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/**
 * Seeds the organization's library with the starter templates it does not have yet (by key),
 * the first time the library is used: the organization then owns its copies and may edit or
 * archive them, and a starter added in a later release appears once. Idempotent.
 */
export async function ensureLibrary(db: Kysely<DB>, organizationId: string, now: Date): Promise<void> {
  const have = new Set(await starterKeysOf(db, organizationId));
  const missing = PLAN_STARTER_TEMPLATES.filter((t) => !have.has(t.key));
  await insertTemplates(
    db,
    missing.map((t) => ({
      id: newId(),
      organization_id: organizationId,
      starter_key: t.key,
      title: t.title,
      description: t.description,
      content: JSON.stringify(t.content),
      created_by: null,
      created_at: now,
      updated_at: now,
    })),
  );
}

export async function listPlanTemplates(
  db: Kysely<DB>,
  ctx: Ctx,
  includeArchived: boolean,
): Promise<api.PlanTemplate[]> {
  await ensureLibrary(db, ctx.actor.organizationId, ctx.now);
  return (await listTemplateRows(db, ctx.actor.organizationId, includeArchived)).map(toTemplate);
}

async function templateOrThrow(db: Kysely<DB>, ctx: Ctx, id: string): Promise<TemplateRow> {
  await ensureLibrary(db, ctx.actor.organizationId, ctx.now);
  const row = await findTemplate(db, ctx.actor.organizationId, id);
  if (!row) throw DomainError.notFound('plan template');
  return row;
}

export async function getPlanTemplate(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.PlanTemplate> {
  return toTemplate(await templateOrThrow(db, ctx, id));
}

/** A template of the organization's own: new, or a copy of another to change. */
export async function createPlanTemplate(
  db: Kysely<DB>,
  ctx: Ctx,
  input: z.output<typeof api.CreatePlanTemplateRequest>,
): Promise<api.PlanTemplate> {
  const source = input.copyOf ? await templateOrThrow(db, ctx, input.copyOf) : null;
  const content = input.content ?? source?.content;
  if (!content) {
    throw DomainError.invalid('content', 'Write the template’s problems, or name a template to copy.');
  }
  const [row] = await insertTemplates(db, [
    {
      id: newId(),
      organization_id: ctx.actor.organizationId,
      starter_key: null,
      title: input.title,
      description: input.description,
      content: JSON.stringify(content),
      created_by: ctx.actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    },
  ]);
  if (!row) throw new Error('A new template was not inserted.');
  await recordAuditEvent(db, ctx, {
    action: 'plan.template.create',
    resourceType: 'plan_template',
    resourceId: row.id,
    details: { copyOf: input.copyOf ?? null, title: row.title },
  });
  return toTemplate(row);
}

export async function updatePlanTemplate(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.UpdatePlanTemplateRequest>,
): Promise<api.PlanTemplate> {
  const current = await templateOrThrow(db, ctx, id);
  if (current.version !== expectedVersion) throw DomainError.stale('plan template', toTemplate(current));
  const row = await updateTemplateAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.content !== undefined ? { content: JSON.stringify(input.content) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('plan template', toTemplate(await templateOrThrow(db, ctx, id)));
  await recordAuditEvent(db, ctx, {
    action: 'plan.template.update',
    resourceType: 'plan_template',
    resourceId: id,
    details: { fields: Object.keys(input) },
  });
  return toTemplate(row);
}
