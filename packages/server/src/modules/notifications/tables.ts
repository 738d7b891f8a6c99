import type { ColumnType, Selectable } from 'kysely';
import type { TenantColumns, Timestamp } from '../../db/schema.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable';

export interface OutboxMessageTable extends TenantColumns {
  id: string;
  idempotency_key: string;
  kind: string;
  patient_id: string | null;
  channel: string | null;
  subject: string;
  body: string;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface DevMessageTable {
  id: string;
  organization_id: string;
  idempotency_key: string;
  channel: string;
  address: string;
  subject: string;
  body: string;
  sent_at: Timestamp;
}

export interface NotificationTables {
  outbox_message: OutboxMessageTable;
  dev_message: DevMessageTable;
}

export type OutboxRow = Selectable<OutboxMessageTable>;
