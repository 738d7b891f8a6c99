import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { TenantColumns, Timestamp } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text by the repository (to_char). */
type CalendarDate = ColumnType<string, string, string>;

export interface ConsentTable extends TenantColumns {
  id: string;
  patient_id: string;
  kind: 'treatment' | 'telehealth' | 'part2' | 'release_of_information';
  template_version: number;
  title: string;
  text_shown: string;
  content_hash: string;
  recipient_kind: 'named' | 'tpo_designation' | null;
  recipient_name: string | null;
  recipient_description: string | null;
  purposes: string[];
  information_kinds: string[];
  information_description: string | null;
  expires_on: CalendarDate | null;
  expires_at: Timestamp | null;
  expiry_event: 'end_of_treatment' | null;
  ended_at: Timestamp | null;
  signature_id: string;
  signed_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_on: CalendarDate | null;
  revocation_received_via: 'in_writing' | 'verbal' | 'portal' | 'email' | 'mail' | null;
  revocation_note: string | null;
  revoked_by: string | null;
  created_by: string | null;
}

export interface ConsentsTables {
  consent: ConsentTable;
}

export type ConsentRow = Selectable<ConsentTable>;
export type NewConsent = Insertable<ConsentTable>;
