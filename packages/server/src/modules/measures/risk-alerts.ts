import { DomainError, type InstrumentCode, type RiskAlertReason, riskAlertTitle } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { openTask } from '../tasks/index.js';

export interface RiskAlertInput {
  organizationId: string;
  administrationId: string;
  patientId: string;
  instrument: InstrumentCode;
  reasons: readonly RiskAlertReason[];
  /** The episode's primary clinician; the clinicians' team queue when unknown. */
  primaryClinicianId: string | null;
}

/**
 * Opens the risk alert of a score at once, in the caller's transaction (the one that stores
 * the score): an urgent risk_alert task for the primary clinician and one queued for the
 * directors, so that the alert is on both dashboards before the response is sent and never
 * waits for a batch job. Each stays open until a person records what was done (tasks:
 * resolveTask with a note, audited). Keyed by the administration, so a retry opens nothing twice.
 */
export async function openRiskAlerts(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: RiskAlertInput,
): Promise<string[]> {
  if (input.reasons.length === 0) return [];
  const common = {
    kind: 'risk_alert' as const,
    priority: 'urgent' as const,
    subject: { type: 'measure_administration', id: input.administrationId },
    patientId: input.patientId,
    title: riskAlertTitle(input.instrument, input.reasons),
    dueAt: ctx.now,
    organizationId: input.organizationId,
  };
  let clinicianTask: Awaited<ReturnType<typeof openTask>>;
  try {
    clinicianTask = await openTask(db, ctx, {
      ...common,
      ...(input.primaryClinicianId ? { ownerUserId: input.primaryClinicianId } : { ownerRole: 'clinician' }),
      period: 'clinician',
    });
  } catch (error) {
    // A primary clinician who has left (deactivated) must not stop the alert: it goes to the
    // clinicians' team queue instead. Only the owner check fails this way, before any write.
    if (!(error instanceof DomainError) || error.code !== 'validation' || !input.primaryClinicianId)
      throw error;
    clinicianTask = await openTask(db, ctx, { ...common, ownerRole: 'clinician', period: 'clinician' });
  }
  const directorTask = await openTask(db, ctx, { ...common, ownerRole: 'director', period: 'director' });
  return [clinicianTask.id, directorTask.id];
}
