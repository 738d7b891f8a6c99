import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

/** Append-only (a database trigger refuses updates and deletes): no version, no updated_at. */
export interface SignatureTable {
  id: string;
  organization_id: string;
  document_type: string;
  document_id: string;
  document_version: number;
  content_hash: string;
  patient_id: string | null;
  signer_role: 'author' | 'cosigner' | 'patient' | 'guardian' | 'witness';
  method: 'password' | 'in_person' | 'one_time_link';
  signer_user_id: string | null;
  recorded_by_user_id: string | null;
  typed_name: string;
  attestation: string;
  signed_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  cosigns_signature_id: string | null;
  addendum_of_type: string | null;
  addendum_of_id: string | null;
  link_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SignaturesTables {
  signature: SignatureTable;
}

export type SignatureRow = Selectable<SignatureTable>;
export type NewSignature = Insertable<SignatureTable>;
