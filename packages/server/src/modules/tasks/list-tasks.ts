import {
  type api,
  DomainError,
  type SubjectRef,
  TASK_KIND_NAMES,
  type TaskKind,
  visibleTaskKinds,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatientLabels } from '../patients/index.js';
import { countOpenPatientTasks, listTaskRows, type TaskQuery } from './repo.js';
import { findVisibleTask } from './resolve-task.js';
import { taskCursor, toTask } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

export interface TaskFilter {
  kinds?: readonly TaskKind[];
  status?: 'open' | 'done' | 'cancelled' | 'any';
  owner?: { mode: 'me' | 'my_roles' | 'me_or_my_roles'; userId: string; roles: readonly string[] };
  patientId?: string;
  subject?: SubjectRef;
  dueBefore?: Date;
  cursor?: string;
  limit?: number;
}

export interface TaskPage {
  items: api.Task[];
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): TaskQuery['after'] {
  try {
    const [rank, due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const dueOk = due === 'infinity' || (typeof due === 'string' && !Number.isNaN(Date.parse(due)));
    if (
      typeof rank === 'number' &&
      Number.isInteger(rank) &&
      dueOk &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { rank, due: due as string, id };
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.invalid('cursor', 'Use the cursor from the previous page.');
}

/**
 * A patient's open tasks of the kinds a reader may see, counted in one query, and whether one of
 * `urgentKinds` among them is urgent (the chart header's count and safety flag). No audit here.
 */
export async function countPatientTasks(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  kinds: readonly TaskKind[],
  urgentKinds: readonly TaskKind[],
): Promise<{ open: number; urgent: boolean }> {
  if (kinds.length === 0) return { open: 0, urgent: false };
  return countOpenPatientTasks(db, organizationId, patientId, kinds, urgentKinds);
}

/**
 * The queue, urgent first, then by due time (no due time last), page by page. No audit here:
 * a caller that shows the tasks to a person audits in its request (see readTaskQueue).
 */
export async function listTasks(
  db: Kysely<DB>,
  organizationId: string,
  filter: TaskFilter,
): Promise<TaskPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await listTaskRows(db, organizationId, {
    kinds: filter.kinds ?? TASK_KIND_NAMES,
    status: filter.status ?? 'open',
    owner: filter.owner,
    patientId: filter.patientId,
    subject: filter.subject,
    dueBefore: filter.dueBefore,
    after: filter.cursor ? decodeCursor(filter.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toTask), nextCursor: rows.length > limit && last ? taskCursor(last) : null };
}

export type TaskListQuery = z.output<typeof api.TaskListQuery>;

/**
 * What a signed-in person's queue shows: only kinds their role may read, each with its patient's
 * name and MRN (one query for the page). One audit event names the patients whose tasks were
 * shown (ids only), like a search.
 */
export async function readTaskQueue(
  db: Kysely<DB>,
  ctx: Ctx,
  query: TaskListQuery,
): Promise<{ items: api.QueuedTask[]; nextCursor: string | null }> {
  const visible = visibleTaskKinds(ctx.actor);
  const kinds = query.kind ? query.kind.filter((k) => visible.includes(k)) : visible;
  const page = await listTasks(db, ctx.actor.organizationId, {
    kinds,
    status: query.status,
    ...(query.owner
      ? { owner: { mode: query.owner, userId: ctx.actor.userId, roles: ctx.actor.roles } }
      : {}),
    ...(query.patientId ? { patientId: query.patientId } : {}),
    ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore) } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
    limit: query.limit,
  });
  const patientIds = [...new Set(page.items.map((t) => t.patientId).filter((id) => id !== null))];
  if (patientIds.length > 0 || query.patientId) {
    await recordAuditEvent(db, ctx, {
      action: 'task.list',
      resourceType: 'task',
      ...(query.patientId ? { patientId: query.patientId } : {}),
      details: { count: page.items.length, patientIds },
    });
  }
  const labels = await readPatientLabels(db, ctx.actor.organizationId, patientIds);
  return {
    items: page.items.map((task) => ({
      ...task,
      patient: task.patientId ? (labels.get(task.patientId) ?? null) : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** One task; reading a task about a patient is audited. */
export async function getTask(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Task> {
  const row = await findVisibleTask(db, ctx, id);
  if (row.patient_id) {
    await recordAuditEvent(db, ctx, {
      action: 'task.read',
      resourceType: 'task',
      resourceId: row.id,
      patientId: row.patient_id,
    });
  }
  return toTask(row);
}
