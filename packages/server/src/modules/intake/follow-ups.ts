import { type api, DomainError, OPEN_INQUIRY_STAGES, visibleTaskKinds } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { createTask, listTasks } from '../tasks/index.js';
import { findInquiryOrFail, inquiryAudit } from './get-inquiries.js';

type Ctx = RequestContext & { actor: StaffActor };

/**
 * A follow-up with a due time in the work queue ("call back Tuesday about insurance"), for the
 * person named, else the inquiry's coordinator, else whoever adds it.
 */
export async function addFollowUp(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  input: { title: string; dueAt: string; assigneeId?: string | null | undefined },
): Promise<api.Task> {
  const inquiry = await findInquiryOrFail(db, ctx.actor.organizationId, inquiryId);
  if (!OPEN_INQUIRY_STAGES.includes(inquiry.stage)) {
    throw new DomainError(
      'invalid_state',
      'This inquiry is no longer open: reopen it before planning a follow-up.',
    );
  }
  const task = await createTask(db, ctx, {
    title: input.title,
    kind: 'inquiry_follow_up',
    subject: { type: 'inquiry', id: inquiryId },
    ...(inquiry.patient_id ? { patientId: inquiry.patient_id } : {}),
    ownerUserId: input.assigneeId ?? inquiry.coordinator_id ?? ctx.actor.userId,
    dueAt: input.dueAt,
  });
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.follow_up.create',
    ...inquiryAudit(inquiry),
    details: { taskId: task.id },
  });
  return task;
}

/** The work queue's items about an inquiry (follow-ups, urgent screenings), open and closed. */
export async function listFollowUps(db: Kysely<DB>, ctx: Ctx, inquiryId: string): Promise<api.Task[]> {
  const inquiry = await findInquiryOrFail(db, ctx.actor.organizationId, inquiryId);
  const page = await listTasks(db, ctx.actor.organizationId, {
    subject: { type: 'inquiry', id: inquiryId },
    kinds: visibleTaskKinds(ctx.actor),
    status: 'any',
    limit: 200,
  });
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.follow_up.list',
    ...inquiryAudit(inquiry),
    details: { count: page.items.length },
  });
  return page.items;
}
