import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { insertOutboxMessage, insertOutboxMessages } from './repo.js';

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

/**
 * enqueueMessage for many messages at once (a reminder scan), in statements of up to 1,000
 * messages; those whose key was already queued are skipped. Returns how many were new.
 */
export async function enqueueMessages(
  db: Kysely<DB>,
  now: Date,
  messages: MessageToPatient[],
): Promise<number> {
  let queued = 0;
  for (let i = 0; i < messages.length; i += 1000) {
    queued += await insertOutboxMessages(
      db,
      messages.slice(i, i + 1000).map((message) => ({
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
      })),
    );
  }
  return queued;
}
