import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { GENESIS_HASH, type HashedAuditFields } from './audit-hash.js';

/** Chains per organization: audited transactions of one organization append to 16 at once. */
export const CHAIN_SHARDS = 16;

/** The chain an organization's shard n appends to: `<organization id>:<n>` (or `installation:<n>`). */
export function chainKeyOf(organizationId: string | null, shard: number): string {
  return `${organizationId ?? 'installation'}:${shard}`;
}

/**
 * Takes one chain of the organization for the rest of the transaction: the first one no other
 * transaction holds, trying `first`, first + 1, … (mod CHAIN_SHARDS); when all are taken, waits
 * for `first`. Only the holder appends to a chain, so each event links to the one committed
 * before it. Chains are per organization: tenants never wait for each other.
 */
export async function lockFreeChain(db: Kysely<DB>, organizationId: string | null, first: number) {
  const base = organizationId ?? 'installation';
  // No ORDER BY: the rows come in generate_series order and LIMIT stops at the first lock taken.
  const free = await sql<{ shard: number }>`
    select s.shard from (
      select (${first}::int + g.i) % ${CHAIN_SHARDS}::int as shard from generate_series(0, ${CHAIN_SHARDS - 1}) as g(i)
    ) s
    where pg_try_advisory_xact_lock(hashtextextended(${base} || ':' || s.shard::text, 0))
    limit 1`.execute(db);
  const taken = free.rows[0];
  if (taken) return chainKeyOf(organizationId, taken.shard);
  const chainKey = chainKeyOf(organizationId, first);
  await sql`select pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`.execute(db);
  return chainKey;
}

/**
 * Appends an event to a chain whose lock this transaction holds, in one statement: the head
 * (the newest event's hash, or the genesis hash) is read inside the insert, and the new hash is
 * sha256(head + "\n" + content) computed there, exactly as auditHash computes it. The statement
 * starts after the lock was taken, so its snapshot sees the previous holder's commit.
 */
export async function appendAuditEvent(
  db: Kysely<DB>,
  chainKey: string,
  event: HashedAuditFields,
  content: string,
): Promise<void> {
  const head = sql<string>`coalesce((select hash from audit_event where chain_key = ${chainKey} order by seq desc limit 1), ${GENESIS_HASH})`;
  await db
    .insertInto('audit_event')
    .values({
      id: event.id,
      chain_key: chainKey,
      organization_id: event.organizationId,
      occurred_at: event.occurredAt,
      actor_user_id: event.actorUserId,
      actor_label: event.actorLabel,
      action: event.action,
      outcome: event.outcome as 'success' | 'denied' | 'failure',
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      patient_id: event.patientId,
      ip: event.ip,
      request_id: event.requestId,
      reason: event.reason,
      details: JSON.stringify(event.details),
      prev_hash: head,
      hash: sql<string>`encode(sha256(convert_to(${head} || ${'\n'} || ${content}, 'UTF8')), 'hex')`,
    })
    .execute();
}

export async function listChainKeys(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_event').select('chain_key').distinct().execute();
  return rows.map((r) => r.chain_key);
}

export async function readChainPage(db: Kysely<DB>, chainKey: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  organizationId: string;
  userId?: string | undefined;
  patientId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function searchAuditEvents(db: Kysely<DB>, f: AuditFilter) {
  let query = db
    .selectFrom('audit_event')
    .select([
      'id',
      'seq',
      'occurred_at',
      'actor_user_id',
      'actor_label',
      'action',
      'outcome',
      'resource_type',
      'resource_id',
      'patient_id',
      'ip',
      'request_id',
      'reason',
    ])
    .where('organization_id', '=', f.organizationId);
  if (f.userId) query = query.where('actor_user_id', '=', f.userId);
  if (f.patientId) query = query.where('patient_id', '=', f.patientId);
  if (f.action) query = query.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.from) query = query.where('occurred_at', '>=', f.from);
  if (f.to) query = query.where('occurred_at', '<', f.to);
  if (f.beforeSeq !== undefined) query = query.where('seq', '<', f.beforeSeq);
  return query.orderBy('seq', 'desc').limit(f.limit).execute();
}
