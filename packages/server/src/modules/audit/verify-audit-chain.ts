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
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes every chain from its first event and names the first event whose content or link
 * does not match. A deleted event shows as a broken link on the event after it.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainVerification> {
  const keys = await listChainKeys(db);
  let eventsChecked = 0;
  for (const chainKey of keys.sort()) {
    let prevHash = GENESIS_HASH;
    let afterSeq = 0;
    for (;;) {
      const page = await readChainPage(db, chainKey, afterSeq, 1000);
      if (page.length === 0) break;
      for (const row of page) {
        eventsChecked += 1;
        const at = { chainKey, seq: row.seq, id: row.id };
        if (row.prev_hash !== prevHash) {
          return { eventsChecked, chains: keys.length, firstBreak: { ...at, problem: 'link_broken' } };
        }
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
        if (expected !== row.hash) {
          return { eventsChecked, chains: keys.length, firstBreak: { ...at, problem: 'content_changed' } };
        }
        prevHash = row.hash;
        afterSeq = row.seq;
      }
    }
  }
  return { eventsChecked, chains: keys.length, firstBreak: null };
}
