import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import type { Channel, OutgoingMessage } from './channel.js';
import { claimDueMessages, updateOutboxMessage } from './repo.js';
import type { OutboxRow } from './tables.js';

export const MAX_ATTEMPTS = 5;
/** How long a claimed message stays with its runner before another may take it over. */
const LEASE_MS = 5 * 60_000;

/** 1, 4, 16, 64 minutes: a provider that is down gets time to recover. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.max(attempts - 1, 0);
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
  undeliverable: number;
}

/**
 * Sends what is due: claims a batch (its own short transaction, so the claim is visible to other
 * runners at once), then sends each message and records the outcome. A crash after sending and
 * before marking leaves the message 'sending'; when its lease runs out it is sent again with the
 * same idempotency key, which the channel uses to drop the repeat.
 */
export async function deliverDueMessages(
  db: Kysely<DB>,
  channel: Channel,
  now: Date,
  limit = 50,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, undeliverable: 0 };
  const claimed = await db
    .transaction()
    .execute((trx) => claimDueMessages(trx, now, limit, new Date(now.getTime() + LEASE_MS)));
  for (const message of claimed) {
    const outcome = await deliverOne(db, channel, message, now);
    result[outcome] += 1;
  }
  return result;
}

async function deliverOne(
  db: Kysely<DB>,
  channel: Channel,
  message: OutboxRow,
  now: Date,
): Promise<keyof DeliveryResult> {
  const address = message.patient_id
    ? await addressOf(db, message.organization_id, message.patient_id)
    : null;
  if (!address) {
    await updateOutboxMessage(db, message.id, {
      status: 'undeliverable',
      locked_until: null,
      last_error: 'no phone or email on record',
      updated_at: now,
    });
    return 'undeliverable';
  }
  const outgoing: OutgoingMessage = {
    organizationId: message.organization_id,
    idempotencyKey: message.idempotency_key,
    channel: address.channel,
    address: address.address,
    subject: message.subject,
    body: message.body,
  };
  try {
    await channel.send(outgoing, now);
  } catch (error) {
    const final = message.attempts >= MAX_ATTEMPTS;
    await updateOutboxMessage(db, message.id, {
      status: final ? 'failed' : 'pending',
      locked_until: null,
      next_attempt_at: new Date(now.getTime() + retryDelayMs(message.attempts)),
      // The error's kind only: a provider's message may quote the address or the text.
      last_error: error instanceof Error ? error.name : 'error',
      updated_at: now,
    });
    return final ? 'failed' : 'retried';
  }
  await db.transaction().execute(async (trx) => {
    await updateOutboxMessage(trx, message.id, {
      status: 'sent',
      channel: address.channel,
      sent_at: now,
      locked_until: null,
      last_error: null,
      updated_at: now,
    });
    await recordAuditEvent(
      trx,
      { actor: null, ip: null, requestId: `outbox-${message.id}`, now },
      {
        organizationId: message.organization_id,
        actorLabel: 'notifications',
        action: 'notification.send',
        resourceType: 'outbox_message',
        resourceId: message.id,
        ...(message.patient_id ? { patientId: message.patient_id } : {}),
        details: { kind: message.kind, channel: address.channel, attempts: message.attempts },
      },
    );
  });
  return 'sent';
}

/** Text messages when there is a phone, email otherwise. */
async function addressOf(db: Kysely<DB>, organizationId: string, patientId: string) {
  const patient = await readPatient(db, organizationId, patientId).catch(() => null);
  if (patient?.phone) return { channel: 'sms' as const, address: patient.phone };
  if (patient?.email) return { channel: 'email' as const, address: patient.email };
  return null;
}
