/**
 * Where messages leave Trellis. A real provider (SMS, email) implements `send`; it receives the
 * idempotency key and must pass it on, so that a message retried after a crash between sending
 * and marking it sent is dropped by the provider rather than delivered twice.
 */
export interface OutgoingMessage {
  organizationId: string;
  idempotencyKey: string;
  channel: 'sms' | 'email';
  address: string;
  subject: string;
  body: string;
}

export interface Channel {
  readonly name: string;
  send(message: OutgoingMessage, now: Date): Promise<void>;
}
