import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { TenantColumns } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text by the repository (to_char). */
export type CalendarDateColumn = ColumnType<string, string, string>;

export interface PatientTable extends TenantColumns {
  id: string;
  mrn: string;
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: CalendarDateColumn;
  sex_assigned_at_birth: 'female' | 'male' | 'intersex' | 'unknown' | null;
  gender_identity: string | null;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  emergency_contact_name: string | null;
  emergency_contact_relationship: string | null;
  emergency_contact_phone: string | null;
  preferred_language: string | null;
  status: ColumnType<'active' | 'inactive' | 'deceased', 'active' | 'inactive' | 'deceased' | undefined>;
  first_name_norm: string;
  last_name_norm: string;
  search_name: string;
}

export interface PatientMrnCounterTable {
  organization_id: string;
  last_value: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PatientTables {
  patient: PatientTable;
  patient_mrn_counter: PatientMrnCounterTable;
}

export type PatientRow = Selectable<PatientTable>;
export type NewPatient = Insertable<PatientTable>;
export type PatientUpdate = Updateable<PatientTable>;
