import type { api, PlanVersionStatus } from '@trellis/domain';
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Json, TenantColumns, Timestamp } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text (to_char). */
type CalendarDate = ColumnType<string, string, string>;

export interface TreatmentPlanTable extends TenantColumns {
  id: string;
  patient_id: string;
  episode_id: string;
  current_number: ColumnType<number, number | undefined, number>;
  status: ColumnType<PlanVersionStatus, PlanVersionStatus | undefined, PlanVersionStatus>;
  effective_number: number | null;
  effective_signed_at: Timestamp | null;
  created_by: string;
}

export interface TreatmentPlanVersionTable {
  id: string;
  organization_id: string;
  plan_id: string;
  number: number;
  status: ColumnType<PlanVersionStatus, PlanVersionStatus | undefined, PlanVersionStatus>;
  content: Json<api.PlanContent>;
  cosignature_required: ColumnType<boolean, boolean | undefined, boolean>;
  based_on_number: number | null;
  review_id: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  signed_at: Timestamp | null;
}

export interface TreatmentPlanRevisionTable {
  organization_id: string;
  plan_id: string;
  plan_version: number;
  version_number: number;
  content: Json<api.PlanContent>;
  saved_by: string;
  saved_at: ColumnType<Date, Date | string, never>;
}

export interface StoredProgress {
  objectiveId: string;
  objectiveText: string;
  previousStatus: api.PlanObjective['status'];
  status: api.PlanObjective['status'];
  note: string;
}

export interface PlanReviewTable {
  id: string;
  organization_id: string;
  plan_id: string;
  reviewed_number: number;
  resulting_number: number;
  reviewed_on: CalendarDate;
  summary: string;
  participant_comment: string;
  progress: Json<StoredProgress[]>;
  reviewed_by: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface PlanSignatureLinkTable {
  link_id: string;
  organization_id: string;
  plan_id: string;
  version_number: number;
  created_by: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface PlanTemplateTable extends TenantColumns {
  id: string;
  starter_key: string | null;
  title: string;
  description: string;
  content: Json<api.TemplateContent>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
}

export interface PlanSettingsTable {
  organization_id: string;
  sign_deadline_days: number;
  review_cadence_days: number;
  cosignature_required: boolean;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
}

/** Read-only view: the open episodes' columns plans read. */
export interface PlanEpisodeView {
  id: ColumnType<string, never, never>;
  organization_id: ColumnType<string, never, never>;
  patient_id: ColumnType<string, never, never>;
  primary_clinician_id: ColumnType<string, never, never>;
  status: ColumnType<string, never, never>;
  admission_date: ColumnType<string, never, never>;
}

export interface PlansTables {
  treatment_plan: TreatmentPlanTable;
  treatment_plan_version: TreatmentPlanVersionTable;
  treatment_plan_revision: TreatmentPlanRevisionTable;
  plan_review: PlanReviewTable;
  plan_signature_link: PlanSignatureLinkTable;
  plan_template: PlanTemplateTable;
  plan_settings: PlanSettingsTable;
  plan_episode: PlanEpisodeView;
}

export type PlanRow = Selectable<TreatmentPlanTable>;
export type NewPlan = Insertable<TreatmentPlanTable>;
export type VersionRow = Selectable<TreatmentPlanVersionTable>;
export type NewVersion = Insertable<TreatmentPlanVersionTable>;
export type ReviewRow = Selectable<PlanReviewTable>;
export type TemplateRow = Selectable<PlanTemplateTable>;
export type SettingsRow = Selectable<PlanSettingsTable>;
