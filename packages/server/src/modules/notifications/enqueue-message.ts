import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { insertOutboxMessage } from './repo.js';

export interface MessageToPatient {
  organizationId: string;
  /** One message per key, ever: a reminder's is occurrence key + participant + kind. */
  idempotencyKey: string;
  kind: string;
  patientId: string;
  subject: string;
  /** No diagnosis, no other person's name: it may be read on a lock screen. */
  body: string;
  /** Not before this time; default now. */
  sendAt?: Date;
}

/**
 * Puts a message in the outbox. Call it with the transaction that makes the change the message
 * is about: the message exists if and only if the change committed. Returns false when a message
 * with this key was already queued (or sent), so callers can enqueue without checking first.
 */
export async function enqueueMessage(db: Kysely<DB>, now: Date, message: MessageToPatient): Promise<boolean> {
  return insertOutboxMessage(db, {
    id: newId(),
    organization_id: message.organizationId,
    idempotency_key: message.idempotencyKey,
    kind: message.kind,
    patient_id: message.patientId,
    channel: null,
    subject: message.subject,
    body: message.body,
    next_attempt_at: message.sendAt ?? now,
    created_at: now,
    updated_at: now,
  });
}
