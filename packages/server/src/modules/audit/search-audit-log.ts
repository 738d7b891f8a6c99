import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { searchAuditEvents } from './repo.js';

export type AuditSearch = z.output<typeof api.AuditSearchQuery>;

/** Dates are whole days in the organization's zone; `to` includes its day. */
function startOfDay(date: string, timeZone: string): Date {
  const instant = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant();
  return new Date(instant.epochMilliseconds);
}

export async function searchAuditLog(
  db: Kysely<DB>,
  organizationId: string,
  timeZone: string,
  query: AuditSearch,
): Promise<{ items: api.AuditEvent[]; nextCursor: string | null }> {
  const rows = await searchAuditEvents(db, {
    organizationId,
    userId: query.userId,
    patientId: query.patientId,
    action: query.action,
    from: query.from ? startOfDay(query.from, timeZone) : undefined,
    to: query.to
      ? startOfDay(Temporal.PlainDate.from(query.to).add({ days: 1 }).toString(), timeZone)
      : undefined,
    beforeSeq: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      action: r.action,
      outcome: r.outcome,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      patientId: r.patient_id,
      ip: r.ip,
      requestId: r.request_id,
      reason: r.reason,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.seq) : null,
  };
}
