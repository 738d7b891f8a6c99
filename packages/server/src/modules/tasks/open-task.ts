import {
  type api,
  canSeeTaskKind,
  DomainError,
  PRIORITY_RANK,
  type StaffRole,
  type SubjectRef,
  TASK_KINDS,
  type TaskKind,
  type TaskPriority,
  taskIdempotencyKey,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { checkOwner } from './owners.js';
import { findTaskByKey, insertTaskOnce } from './repo.js';
import type { TaskRow } from './tables.js';
import { toTask } from './to-api.js';

export interface OpenTaskInput {
  kind: TaskKind;
  subject: SubjectRef;
  /** Set when the task concerns a patient: reading and resolving it are then audited. */
  patientId?: string | null;
  /** Shown on dashboards: what to do, with no more about the person than the owner needs. */
  title: string;
  priority?: TaskPriority;
  /** Without an owner the task is queued for the kind's default team. */
  ownerUserId?: string | null;
  ownerRole?: StaffRole | null;
  dueAt?: Date | null;
  /** Part of the idempotency key: "2026-W49", a due date, a measure window … */
  period?: string | null;
  /** Needed when no one is signed in (a public form, a background job). */
  organizationId?: string;
}

/** Which organization a use case acts for: the signed-in person's, or the one named. */
export function organizationOf(ctx: RequestContext, organizationId?: string): string {
  const orgId = ctx.actor?.organizationId ?? organizationId;
  if (!orgId)
    throw new Error('A task is opened for an organization: pass organizationId when no one is signed in.');
  if (ctx.actor && organizationId && organizationId !== ctx.actor.organizationId) {
    throw new Error('A task cannot be opened in another organization.');
  }
  return orgId;
}

async function insertNew(
  db: Kysely<DB>,
  ctx: RequestContext,
  orgId: string,
  input: OpenTaskInput,
  key: string | null,
): Promise<{ row: TaskRow; created: boolean }> {
  const definition = TASK_KINDS[input.kind];
  const title = input.title.trim();
  if (title.length === 0 || title.length > 200) {
    throw DomainError.invalid('title', 'Say what needs doing, in at most 200 characters.');
  }
  const ownerUserId = input.ownerUserId ?? null;
  const ownerRole = input.ownerRole ?? (ownerUserId ? null : definition.defaultOwnerRole);
  await checkOwner(db, orgId, input.kind, { userId: ownerUserId, role: ownerRole });
  if (input.patientId) await assertPatientExists(db, orgId, input.patientId);
  const priority = input.priority ?? definition.defaultPriority;
  const row = await insertTaskOnce(db, {
    id: newId(),
    organization_id: orgId,
    kind: input.kind,
    priority,
    priority_rank: PRIORITY_RANK[priority],
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    patient_id: input.patientId ?? null,
    title,
    owner_user_id: ownerUserId,
    owner_role: ownerRole,
    due_at: input.dueAt ?? null,
    idempotency_key: key,
    created_by: ctx.actor?.userId ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!row) {
    const existing = key ? await findTaskByKey(db, orgId, key) : undefined;
    if (!existing) throw new Error('A task insert matched an idempotency key that is not there.');
    return { row: existing, created: false };
  }
  await recordAuditEvent(db, ctx, {
    action: 'task.create',
    organizationId: orgId,
    resourceType: 'task',
    resourceId: row.id,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
    details: { kind: row.kind, subjectType: row.subject_type, subjectId: row.subject_id },
  });
  return { row, created: true };
}

/**
 * Queues a due item once: a second call with the same kind, subject and period returns the
 * task already queued (whatever its status) and writes nothing. For modules and jobs.
 */
export async function openTask(db: Kysely<DB>, ctx: RequestContext, input: OpenTaskInput): Promise<api.Task> {
  const orgId = organizationOf(ctx, input.organizationId);
  const key = taskIdempotencyKey(input.kind, input.subject, input.period);
  const existing = await findTaskByKey(db, orgId, key);
  if (existing) return toTask(existing);
  return toTask((await insertNew(db, ctx, orgId, input, key)).row);
}

export type CreateTaskInput = z.output<typeof api.CreateTaskRequest>;

/** A follow-up a person adds by hand: never merged with another, owned by its creator by default. */
export async function createTask(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  input: CreateTaskInput,
): Promise<api.Task> {
  if (!canSeeTaskKind(ctx.actor, input.kind)) {
    throw DomainError.invalid('kind', 'Your role cannot see tasks of this kind. Choose another kind.');
  }
  const subject = input.subject ?? (input.patientId ? { type: 'patient', id: input.patientId } : null);
  if (!subject) {
    throw DomainError.invalid(
      'subject',
      'Say what the task is about: a patient, an inquiry or another record.',
    );
  }
  if (subject.type === 'patient' && input.patientId && input.patientId !== subject.id) {
    throw DomainError.invalid(
      'patientId',
      'The task is about one patient: the subject and patientId differ.',
    );
  }
  const patientId = input.patientId ?? (subject.type === 'patient' ? subject.id : null);
  const owned = input.ownerUserId !== undefined || input.ownerRole !== undefined;
  const { row } = await insertNew(
    db,
    ctx,
    ctx.actor.organizationId,
    {
      kind: input.kind,
      subject,
      patientId,
      title: input.title,
      ...(input.priority ? { priority: input.priority } : {}),
      ownerUserId: owned ? (input.ownerUserId ?? null) : ctx.actor.userId,
      ownerRole: input.ownerRole ?? null,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
    },
    null,
  );
  return toTask(row);
}
