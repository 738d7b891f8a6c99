import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { JobTable } from './tables.js';

/** Adds a job unless one with the same unique key is waiting; true when added. */
export async function insertJob(db: Kysely<DB>, row: Insertable<JobTable>): Promise<boolean> {
  const result = await db
    .insertInto('job')
    .values(row)
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Due jobs, and running ones whose runner stopped (lease over); skip locked, so runners never share one. */
export async function claimDueJobs(db: Kysely<DB>, now: Date, limit: number, leaseUntil: Date) {
  const due = await db
    .selectFrom('job')
    .select(['id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  return db
    .updateTable('job')
    .set((eb) => ({
      status: 'running',
      locked_until: leaseUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .returningAll()
    .execute();
}

export async function updateJob(db: Kysely<DB>, id: string, changes: Updateable<JobTable>) {
  await db
    .updateTable('job')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function listJobs(db: Kysely<DB>, kind: string) {
  return db.selectFrom('job').selectAll().where('kind', '=', kind).orderBy('run_at').execute();
}
