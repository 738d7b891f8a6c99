import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { auditHash, type HashedAuditFields } from './audit-hash.js';
import { chainKeyOf, insertAuditEvent, lockChainAndReadHead } from './repo.js';

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

/**
 * Appends one event to its organization's hash chain. Call it with the transaction that makes
 * the change, so that the change and its audit commit or roll back together.
 */
export async function recordAuditEvent(
  db: Kysely<DB>,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
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
  const chainKey = chainKeyOf(organizationId);
  const prevHash = await lockChainAndReadHead(db, chainKey);
  await insertAuditEvent(db, chainKey, event, prevHash, auditHash(prevHash, event));
}
