import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Json, TenantColumns, Timestamp } from '../../db/schema.js';

export type StoredSections = Record<
  string,
  { narrative: string; fields: Record<string, string | number | boolean | null> }
>;
export interface StoredRating {
  dimension: number;
  rating: number | null;
  notes: string;
}
export interface StoredDiagnosis {
  code: string;
  primary: boolean;
}

export interface AssessmentTable extends TenantColumns {
  id: string;
  patient_id: string;
  episode_id: string;
  status: ColumnType<'draft' | 'signed', 'draft' | undefined, 'signed'>;
  sections: Json<StoredSections>;
  asam_edition: '3' | '4';
  asam_ratings: Json<StoredRating[]>;
  recommended_level: string | null;
  chosen_level: string | null;
  override_reason: string | null;
  diagnoses: Json<StoredDiagnosis[]>;
  administration_ids: string[];
  signature_id: string | null;
  signed_at: Timestamp | null;
  signed_by: string | null;
  created_by: string;
}

export interface AssessmentAddendumTable {
  id: string;
  organization_id: string;
  assessment_id: string;
  text: string;
  signature_id: string;
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface AssessmentsTables {
  assessment: AssessmentTable;
  assessment_addendum: AssessmentAddendumTable;
}

export type AssessmentRow = Selectable<AssessmentTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type AddendumRow = Selectable<AssessmentAddendumTable>;
