import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { auditContent, type HashedAuditFields } from './audit-hash.js';
import { appendAuditEvent, CHAIN_SHARDS, lockFreeChain } from './repo.js';

export interface AuditEntry {
  /** module.verb, e.g. "patient.read", "auth.login". */
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  resourceType?: string;
  resourceId?: string;
  patientId?: string;
  /** Why, in words: the purpose of an access or the reason of a refusal. Never PHI. */
  reason?: string;
  /** Ids and codes only; never health information. */
  details?: Record<string, unknown>;
  /** For events before sign-in completes (a failed login): the organization and user, if known. */
  organizationId?: string | null;
  actorUserId?: string | null;
  actorLabel?: string | null;
}

/** The chain each open transaction appends to, per organization: one transaction, one chain. */
const chainOfTransaction = new WeakMap<object, Map<string, string>>();

/** Where a request starts looking for a free chain: spread over the shards by its id. */
function firstShard(requestId: string): number {
  let h = 0;
  for (let i = 0; i < requestId.length; i++) h = (h * 31 + requestId.charCodeAt(i)) | 0;
  return (h >>> 0) % CHAIN_SHARDS;
}

/**
 * Appends one event to one of its organization's hash chains (decision 0026: 16 chains per
 * organization, so audited requests do not queue behind each other). Call it with the
 * transaction that makes the change, so that the change and its audit commit or roll back
 * together, and as its last statement where the use case allows: the chain stays taken until
 * the transaction ends. Every event of a transaction goes to the same chain. Called outside a
 * transaction, it opens one of its own.
 */
export async function recordAuditEvent(
  db: Kysely<DB>,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => recordAuditEvent(trx, ctx, entry));
    return;
  }
  const organizationId =
    entry.organizationId !== undefined ? entry.organizationId : (ctx.actor?.organizationId ?? null);
  const event: HashedAuditFields = {
    id: newId(),
    organizationId,
    occurredAt: ctx.now,
    actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actor?.userId ?? null),
    actorLabel: entry.actorLabel !== undefined ? entry.actorLabel : (ctx.actor?.label ?? null),
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  };
  let chains = chainOfTransaction.get(db);
  if (!chains) {
    chains = new Map();
    chainOfTransaction.set(db, chains);
  }
  const tenant = organizationId ?? '';
  let chainKey = chains.get(tenant);
  if (!chainKey) {
    chainKey = await lockFreeChain(db, organizationId, firstShard(ctx.requestId));
    chains.set(tenant, chainKey);
  }
  await appendAuditEvent(db, chainKey, event, auditContent(event));
}
