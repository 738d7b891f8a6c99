import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewTask, TaskRow, TaskTable } from './tables.js';

/** The queue's order: urgent first, then the earliest due (no due time last), then oldest. */
const DUE_SORT = sql<Date>`coalesce(due_at, 'infinity'::timestamptz)`;

/** Inserts unless a task with the same idempotency key exists; undefined when it did. */
export async function insertTaskOnce(db: Kysely<DB>, task: NewTask): Promise<TaskRow | undefined> {
  return db
    .insertInto('task')
    .values(task)
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findTaskByKey(db: Kysely<DB>, organizationId: string, key: string) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function findTask(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface TaskQuery {
  kinds: readonly string[];
  status: 'open' | 'done' | 'cancelled' | 'any';
  owner?:
    | { mode: 'me' | 'my_roles' | 'me_or_my_roles'; userId: string; roles: readonly string[] }
    | undefined;
  patientId?: string | undefined;
  subject?: { type: string; id: string } | undefined;
  dueBefore?: Date | undefined;
  after?: { rank: number; due: string; id: string } | undefined;
  limit: number;
}

/** The list query, kept separate so a test can EXPLAIN exactly what the queue runs. */
export function taskListQuery(db: Kysely<DB>, organizationId: string, q: TaskQuery) {
  let query = db.selectFrom('task').selectAll().where('organization_id', '=', organizationId);
  if (q.kinds.length === 0) query = query.where(sql<boolean>`false`);
  else query = query.where('kind', 'in', [...q.kinds]);
  if (q.status !== 'any') query = query.where('status', '=', q.status);
  const owner = q.owner;
  if (owner) {
    const roles = owner.roles.length > 0 ? [...owner.roles] : ['-'];
    // A role's queue holds what nobody has taken yet; a task given to a person is theirs.
    if (owner.mode === 'me') query = query.where('owner_user_id', '=', owner.userId);
    else if (owner.mode === 'my_roles') {
      query = query.where('owner_user_id', 'is', null).where('owner_role', 'in', roles);
    } else {
      query = query.where((eb) =>
        eb.or([
          eb('owner_user_id', '=', owner.userId),
          eb.and([eb('owner_user_id', 'is', null), eb('owner_role', 'in', roles)]),
        ]),
      );
    }
  }
  if (q.patientId) query = query.where('patient_id', '=', q.patientId);
  if (q.subject)
    query = query.where('subject_type', '=', q.subject.type).where('subject_id', '=', q.subject.id);
  if (q.dueBefore) query = query.where('due_at', '<', q.dueBefore);
  if (q.after) {
    const after = q.after;
    query = query.where(
      sql<boolean>`(priority_rank, coalesce(due_at, 'infinity'::timestamptz), id) > (${after.rank}, ${after.due}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return query.orderBy('priority_rank').orderBy(DUE_SORT).orderBy('id').limit(q.limit);
}

export async function listTaskRows(db: Kysely<DB>, organizationId: string, q: TaskQuery): Promise<TaskRow[]> {
  return taskListQuery(db, organizationId, q).execute();
}

/** How many open tasks of these kinds a patient has, and whether one of `urgentKinds` is urgent. */
export async function countOpenPatientTasks(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  kinds: readonly string[],
  urgentKinds: readonly string[],
): Promise<{ open: number; urgent: boolean }> {
  const row = await db
    .selectFrom('task')
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      (urgentKinds.length === 0
        ? eb.lit(0)
        : eb.fn
            .countAll<string>()
            .filterWhere((w) => w.and([w('priority', '=', 'urgent'), w('kind', 'in', [...urgentKinds])]))
      ).as('urgent'),
    ])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'open')
    .where('kind', 'in', kinds.length === 0 ? ['-'] : [...kinds])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), urgent: Number(row.urgent) > 0 };
}

/** Updates only at the expected version; undefined means stale or absent. */
export async function updateTaskAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<TaskTable>,
  now: Date,
) {
  return db
    .updateTable('task')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Closes the open tasks of a subject (optionally of given kinds) and returns them. */
export async function closeOpenTasksFor(
  db: Kysely<DB>,
  organizationId: string,
  subject: { type: string; id: string },
  kinds: readonly string[],
  resolution: { status: 'done' | 'cancelled'; note: string | null; by: string | null },
  now: Date,
) {
  if (kinds.length === 0) return [];
  return db
    .updateTable('task')
    .set((eb) => ({
      status: resolution.status,
      resolution_note: resolution.note,
      resolved_by: resolution.by,
      resolved_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('status', '=', 'open')
    .where('kind', 'in', [...kinds])
    .returningAll()
    .execute();
}
