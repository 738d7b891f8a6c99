import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  id: string;
  organizationId: string | null;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  patientId: string | null;
  ip: string | null;
  requestId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted, so jsonb's own key order cannot change the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The text an event's hash covers besides the previous hash: its fields as canonical JSON. */
export function auditContent(event: HashedAuditFields): string {
  return canonical({ ...event, occurredAt: event.occurredAt.toISOString() });
}

/**
 * Each event's hash covers its content and the previous event's hash: an edit breaks the chain.
 * sha256(prev_hash + "\n" + content), hex. The server computes the same in SQL when it appends
 * (repo.ts appendAuditEvent), so the head is read in the insert itself.
 */
export function auditHash(prevHash: string, event: HashedAuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(auditContent(event)).digest('hex');
}
