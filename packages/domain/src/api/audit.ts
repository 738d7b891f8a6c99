import { z } from 'zod';
import { Id, Instant } from './common.js';

export const AuditEvent = z.object({
  id: Id,
  seq: z.number().int(),
  occurredAt: Instant,
  actorUserId: Id.nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  patientId: Id.nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditSearchQuery = z.strictObject({
  userId: Id.optional(),
  patientId: Id.optional(),
  action: z.string().trim().max(80).optional(),
  from: z.iso.date({ error: 'Use a date such as 2026-11-30.' }).optional(),
  to: z.iso.date({ error: 'Use a date such as 2026-11-30.' }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, { error: 'Use the cursor from the previous page.' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
