import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { TenantColumns, Timestamp } from '../../db/schema.js';

export interface OneTimeLinkTable extends TenantColumns {
  id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  purpose: string;
  subject_type: string;
  subject_id: string;
  patient_id: string | null;
  expires_at: Timestamp;
  max_uses: ColumnType<number, number | undefined, number>;
  use_count: ColumnType<number, number | undefined, number>;
  last_used_at: Timestamp | null;
  consumed_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_by: string | null;
}

export interface LinksTables {
  one_time_link: OneTimeLinkTable;
}

export type LinkRow = Selectable<OneTimeLinkTable>;
export type NewLink = Insertable<OneTimeLinkTable>;
