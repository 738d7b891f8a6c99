import {
  type api,
  canSeeTaskKind,
  checkResolution,
  DomainError,
  type StaffRole,
  type SubjectRef,
  TASK_KIND_NAMES,
  type TaskKind,
  type TaskResolution,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationOf } from './open-task.js';
import { checkOwner } from './owners.js';
import { closeOpenTasksFor, findTask, updateTaskAtVersion } from './repo.js';
import type { TaskRow } from './tables.js';
import { toTask } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** A task the signed-in person may see: another organization's, or a kind their role cannot read, is not there. */
export async function findVisibleTask(db: Kysely<DB>, ctx: Ctx, id: string): Promise<TaskRow> {
  const row = await findTask(db, ctx.actor.organizationId, id);
  if (!row || !canSeeTaskKind(ctx.actor, row.kind as TaskKind)) throw DomainError.notFound('task');
  return row;
}

function audited(row: TaskRow) {
  return {
    resourceType: 'task',
    resourceId: row.id,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
  };
}

/** Marks a task done or cancelled at the version the person read (If-Match). */
export async function resolveTask(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  resolution: TaskResolution,
): Promise<api.Task> {
  const current = await findVisibleTask(db, ctx, id);
  if (current.version !== expectedVersion) throw DomainError.stale('task', toTask(current));
  const checked = checkResolution({ kind: current.kind as TaskKind, status: current.status }, resolution);
  const row = await updateTaskAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    {
      status: checked.status,
      resolution_note: checked.note,
      resolved_by: ctx.actor.userId,
      resolved_at: ctx.now,
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('task', toTask(current));
  await recordAuditEvent(db, ctx, {
    action: 'task.resolve',
    ...audited(row),
    details: { kind: row.kind, status: row.status },
  });
  return toTask(row);
}

/** Gives a task to a person, a team, or both (the person works it; the team sees it if returned). */
export async function assignTask(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: { ownerUserId?: string | null | undefined; ownerRole?: StaffRole | null | undefined },
): Promise<api.Task> {
  const current = await findVisibleTask(db, ctx, id);
  if (current.version !== expectedVersion) throw DomainError.stale('task', toTask(current));
  if (current.status !== 'open') {
    throw new DomainError(
      'invalid_state',
      'This task is closed. Open a new follow-up instead of reassigning it.',
    );
  }
  const userId = input.ownerUserId !== undefined ? input.ownerUserId : current.owner_user_id;
  const role = (input.ownerRole !== undefined ? input.ownerRole : current.owner_role) as StaffRole | null;
  await checkOwner(db, ctx.actor.organizationId, current.kind as TaskKind, { userId, role });
  const row = await updateTaskAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    { owner_user_id: userId, owner_role: role },
    ctx.now,
  );
  if (!row) throw DomainError.stale('task', toTask(current));
  await recordAuditEvent(db, ctx, {
    action: 'task.assign',
    ...audited(row),
    details: { ownerUserId: userId, ownerRole: role },
  });
  return toTask(row);
}

export interface CloseTasksOptions {
  /** Only these kinds. Without it every kind but risk alerts (see below). */
  kinds?: readonly TaskKind[];
  status?: 'done' | 'cancelled';
  /** Why, in words staff will read; no PHI. */
  note?: string;
  organizationId?: string;
}

/**
 * Closes the open tasks about a subject when the work is done or moot elsewhere (the note was
 * signed; the inquiry was closed). Risk alerts are closed only when named in `kinds`: a risk
 * alert needs a person's resolution, and must not vanish because its subject moved on.
 * Returns the tasks closed; each close is audited.
 */
export async function closeTasksFor(
  db: Kysely<DB>,
  ctx: RequestContext,
  subject: SubjectRef,
  options: CloseTasksOptions = {},
): Promise<api.Task[]> {
  const orgId = organizationOf(ctx, options.organizationId);
  const kinds = options.kinds ?? TASK_KIND_NAMES.filter((kind) => kind !== 'risk_alert');
  const status = options.status ?? 'cancelled';
  const rows = await closeOpenTasksFor(
    db,
    orgId,
    subject,
    kinds,
    {
      status,
      note: options.note ?? (status === 'done' ? 'Done.' : 'Cancelled: no longer needed.'),
      by: ctx.actor?.userId ?? null,
    },
    ctx.now,
  );
  for (const row of rows) {
    await recordAuditEvent(db, ctx, {
      action: status === 'done' ? 'task.resolve' : 'task.cancel',
      organizationId: orgId,
      ...audited(row),
      details: { kind: row.kind, status: row.status, automatic: true },
    });
  }
  return rows.map(toTask);
}

/** Cancels the open tasks about a subject, of one kind or of every kind but risk alerts. */
export async function cancelTasksFor(
  db: Kysely<DB>,
  ctx: RequestContext,
  subject: SubjectRef,
  kind?: TaskKind,
  options: { note?: string; organizationId?: string } = {},
): Promise<api.Task[]> {
  return closeTasksFor(db, ctx, subject, {
    ...options,
    ...(kind ? { kinds: [kind] } : {}),
    status: 'cancelled',
  });
}
