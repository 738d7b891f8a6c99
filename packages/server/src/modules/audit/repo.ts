import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { GENESIS_HASH, type HashedAuditFields } from './audit-hash.js';

export function chainKeyOf(organizationId: string | null): string {
  return organizationId ?? 'installation';
}

/**
 * Serializes writers of one chain until their transaction ends, so that each event links to
 * the one committed before it. Chains are per organization: tenants never wait for each other.
 */
export async function lockChainAndReadHead(db: Kysely<DB>, chainKey: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`.execute(db);
  const head = await db
    .selectFrom('audit_event')
    .select('hash')
    .where('chain_key', '=', chainKey)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return head?.hash ?? GENESIS_HASH;
}

export async function insertAuditEvent(
  db: Kysely<DB>,
  chainKey: string,
  event: HashedAuditFields,
  prevHash: string,
  hash: string,
): Promise<void> {
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
      prev_hash: prevHash,
      hash,
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
