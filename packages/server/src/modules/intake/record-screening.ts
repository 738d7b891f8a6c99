import {
  type api,
  CRISIS_RESOURCES,
  DomainError,
  OPEN_INQUIRY_STAGES,
  screeningOutcome,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { openTask } from '../tasks/index.js';
import { inquiryAudit } from './get-inquiries.js';
import { lockInquiryForChange } from './move-inquiry.js';
import { insertScreening, setInquiryUrgent } from './repo.js';
import { staffNames } from './staff-names.js';
import { toScreening } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** The answers as stored: every question present, unanswered optional ones as null. */
function storedAnswers(input: api.ScreeningRequest): api.Screening['answers'] {
  return {
    presentingConcern: input.presentingConcern,
    currentTreatment: input.currentTreatment ?? null,
    substanceUse: input.substanceUse,
    substances: input.substances ?? [],
    otherSubstance: input.otherSubstance ?? null,
    lastUse: input.lastUse ?? null,
    withdrawalRisk: input.withdrawalRisk ?? null,
    medicalConcerns: input.medicalConcerns ?? null,
    safety: input.safety,
    notes: input.notes ?? null,
  };
}

/**
 * Records a pre-admission phone screening. A positive safety screen opens an urgent task for the
 * clinicians at once, in the same transaction as the screening (both are written, or neither),
 * and the answer carries the crisis resources to read to the person.
 */
export async function recordScreening(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  input: api.ScreeningRequest,
): Promise<{ screening: api.Screening; crisis: api.ScreeningRecorded['crisis'] }> {
  const orgId = ctx.actor.organizationId;
  const inquiry = await lockInquiryForChange(db, ctx, inquiryId);
  if (!OPEN_INQUIRY_STAGES.includes(inquiry.stage)) {
    throw new DomainError(
      'invalid_state',
      `This inquiry is ${inquiry.stage === 'closed' ? 'closed' : 'admitted'}: a phone screening belongs to an open inquiry. ${
        inquiry.stage === 'closed' ? 'Reopen it first.' : 'Use the patient’s chart for assessments.'
      }`,
    );
  }
  const answers = storedAnswers(input);
  const outcome = screeningOutcome(answers);
  const id = newId();
  const task = outcome.urgent
    ? await openTask(db, ctx, {
        kind: 'urgent_screening',
        subject: { type: 'inquiry', id: inquiryId },
        // One urgent task per positive screening, not one per inquiry.
        period: id,
        patientId: inquiry.patient_id,
        title: 'Positive safety screen: a clinician must call the person today',
        priority: 'urgent',
        ownerRole: 'clinician',
        dueAt: ctx.now,
      })
    : null;
  const row = await insertScreening(db, {
    id,
    organization_id: orgId,
    inquiry_id: inquiryId,
    answers: JSON.stringify(answers),
    urgent: outcome.urgent,
    reasons: outcome.reasons.map((r) => r.code),
    suggested_level: outcome.suggestedLevel ?? null,
    urgent_task_id: task?.id ?? null,
    screened_by: ctx.actor.userId,
    screened_at: ctx.now,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (inquiry.urgent !== outcome.urgent)
    await setInquiryUrgent(db, orgId, inquiryId, outcome.urgent, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.screening.create',
    ...inquiryAudit(inquiry),
    details: {
      screeningId: id,
      urgent: outcome.urgent,
      ...(task ? { taskId: task.id } : {}),
    },
  });
  const names = await staffNames(db, orgId, [ctx.actor.userId]);
  return {
    screening: toScreening(row, names),
    crisis: outcome.urgent ? { show988: true, resources: [...CRISIS_RESOURCES] } : null,
  };
}
