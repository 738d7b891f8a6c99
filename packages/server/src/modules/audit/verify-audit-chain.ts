import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { listChainKeys, readChainPage } from './repo.js';

export interface ChainBreak {
  chainKey: string;
  seq: number;
  id: string;
  problem: 'content_changed' | 'link_broken';
}

export interface ChainVerification {
  eventsChecked: number;
  chains: number;
  /** The first break of each broken chain, in chain order. */
  breaks: ChainBreak[];
  /** The first of `breaks`, or null when every chain is intact. */
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes every chain from its first event and names, per chain, the first event whose
 * content or link does not match. A deleted event shows as a broken link on the event after it.
 * Each organization has several chains (decision 0026); each is checked on its own.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainVerification> {
  const keys = (await listChainKeys(db)).sort();
  let eventsChecked = 0;
  const breaks: ChainBreak[] = [];
  for (const chainKey of keys) {
    const checked = await verifyOneChain(db, chainKey);
    eventsChecked += checked.events;
    if (checked.firstBreak) breaks.push(checked.firstBreak);
  }
  return { eventsChecked, chains: keys.length, breaks, firstBreak: breaks[0] ?? null };
}

async function verifyOneChain(
  db: Kysely<DB>,
  chainKey: string,
): Promise<{ events: number; firstBreak: ChainBreak | null }> {
  let events = 0;
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  for (;;) {
    const page = await readChainPage(db, chainKey, afterSeq, 1000);
    if (page.length === 0) return { events, firstBreak: null };
    for (const row of page) {
      events += 1;
      const at = { chainKey, seq: row.seq, id: row.id };
      if (row.prev_hash !== prevHash) return { events, firstBreak: { ...at, problem: 'link_broken' } };
      const expected = auditHash(prevHash, {
        id: row.id,
        organizationId: row.organization_id,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        action: row.action,
        outcome: row.outcome,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        patientId: row.patient_id,
        ip: row.ip,
        requestId: row.request_id,
        reason: row.reason,
        details: row.details,
      });
      if (expected !== row.hash) return { events, firstBreak: { ...at, problem: 'content_changed' } };
      prevHash = row.hash;
      afterSeq = row.seq;
    }
  }
}
