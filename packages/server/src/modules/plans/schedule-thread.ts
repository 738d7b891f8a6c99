import { type api, checkScheduleThread, localDateOf } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { participantSessions } from '../scheduling/index.js';
import { findOrThrow, versionOrThrow } from './load-plan.js';

/**
 * The thread from the plan to the participant's schedule for the next weeks: for each
 * intervention of the plan in effect (or the current draft before any is signed), the sessions
 * that deliver it and a warning where the schedule holds fewer than the plan asks.
 */
export async function readScheduleThread(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  weeks: number,
): Promise<api.ScheduleThread> {
  const orgId = ctx.actor.organizationId;
  const plan = await findOrThrow(db, orgId, id);
  const version = await versionOrThrow(db, plan, plan.effective_number ?? plan.current_number);
  const from = localDateOf(ctx.now, await organizationTimeZone(db, orgId));
  const to = Temporal.PlainDate.from(from)
    .add({ days: weeks * 7 - 1 })
    .toString();
  const sessions = await participantSessions(db, orgId, plan.patient_id, { from, to });
  const thread = checkScheduleThread(version.content, sessions, { from, weeks });
  await recordAuditEvent(db, ctx, {
    action: 'plan.schedule_thread.read',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: { versionNumber: version.number, from, weeks, warnings: thread.warnings.length },
  });
  return {
    planId: plan.id,
    versionNumber: version.number,
    from,
    to: thread.to,
    weeks,
    interventions: thread.interventions,
    warnings: thread.warnings,
  };
}
