import { type api, DEFAULT_PLAN_SETTINGS, DomainError, type PlanSettingsValues } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { findSettings, insertSettings, updateSettingsAtVersion } from './repo.js';
import type { SettingsRow } from './tables.js';

function toApi(row: SettingsRow | undefined): api.PlanSettings {
  return row
    ? {
        signDeadlineDays: row.sign_deadline_days,
        reviewCadenceDays: row.review_cadence_days,
        cosignatureRequired: row.cosignature_required,
        version: row.version,
      }
    : { ...DEFAULT_PLAN_SETTINGS, version: 0 };
}

/** The organization's plan settings, or the defaults (version 0) until it saves its own. */
export async function getPlanSettings(db: Kysely<DB>, organizationId: string): Promise<api.PlanSettings> {
  return toApi(await findSettings(db, organizationId));
}

export async function planSettingsValues(
  db: Kysely<DB>,
  organizationId: string,
): Promise<PlanSettingsValues> {
  const { version: _version, ...values } = await getPlanSettings(db, organizationId);
  return values;
}

/**
 * A director sets how soon a first plan must be signed, how often plans are reviewed, and
 * whether a supervisor co-signs. Versions signed before the change keep the rule they were
 * frozen with; due dates follow the new numbers at once.
 */
export async function savePlanSettings(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  expectedVersion: number,
  input: z.output<typeof api.SavePlanSettingsRequest>,
): Promise<api.PlanSettings> {
  const orgId = ctx.actor.organizationId;
  const values = {
    sign_deadline_days: input.signDeadlineDays,
    review_cadence_days: input.reviewCadenceDays,
    cosignature_required: input.cosignatureRequired,
  };
  const row =
    expectedVersion === 0
      ? await insertSettings(db, orgId, values, ctx.now)
      : await updateSettingsAtVersion(db, orgId, expectedVersion, values, ctx.now);
  if (!row) throw DomainError.stale('plan settings', toApi(await findSettings(db, orgId)));
  await recordAuditEvent(db, ctx, {
    action: 'plan.settings.update',
    resourceType: 'plan_settings',
    resourceId: orgId,
    details: { ...input },
  });
  return toApi(row);
}
