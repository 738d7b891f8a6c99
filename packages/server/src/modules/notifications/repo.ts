import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { DevMessageTable, OutboxMessageTable } from './tables.js';

/** Inserts unless a message with the same idempotency key exists; true when inserted. */
export async function insertOutboxMessage(
  db: Kysely<DB>,
  row: Insertable<OutboxMessageTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('outbox_message')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Many messages in one statement; keys already queued are skipped. Returns how many were new. */
export async function insertOutboxMessages(
  db: Kysely<DB>,
  rows: Insertable<OutboxMessageTable>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('outbox_message')
    .values(rows)
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Claims due messages: pending ones whose time has come, and ones left 'sending' by a runner
 * that stopped before finishing (their lease ran out). Skip locked: runners never share a row.
 */
export async function claimDueMessages(db: Kysely<DB>, now: Date, limit: number, leaseUntil: Date) {
  const due = await db
    .selectFrom('outbox_message')
    .select(['id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  return db
    .updateTable('outbox_message')
    .set((eb) => ({
      status: 'sending',
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

export async function updateOutboxMessage(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<OutboxMessageTable>,
) {
  await db.updateTable('outbox_message').set(changes).where('id', '=', id).execute();
}

export async function recordDevMessage(db: Kysely<DB>, row: Insertable<DevMessageTable>) {
  await db
    .insertInto('dev_message')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .execute();
}

export async function listDevMessages(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('dev_message')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('sent_at')
    .orderBy('idempotency_key')
    .execute();
}

export async function listOutbox(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('outbox_message')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('idempotency_key')
    .execute();
}
