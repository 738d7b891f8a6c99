import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import type { Channel, OutgoingMessage } from './channel.js';
import { recordDevMessage } from './repo.js';

/**
 * The development channel: records each message in dev_message instead of sending it. Keyed by
 * the idempotency key, like a real provider, so a retried message is recorded once.
 */
export class DevChannel implements Channel {
  readonly name = 'development';
  constructor(private readonly db: Kysely<DB>) {}

  async send(message: OutgoingMessage, now: Date): Promise<void> {
    await recordDevMessage(this.db, {
      id: newId(),
      organization_id: message.organizationId,
      idempotency_key: message.idempotencyKey,
      channel: message.channel,
      address: message.address,
      subject: message.subject,
      body: message.body,
      sent_at: now,
    });
  }
}
