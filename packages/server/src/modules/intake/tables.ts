import type {
  CloseReason,
  ContactMethod,
  HelpWanted,
  InquirySource,
  InquiryStage,
  PreferredSchedule,
  ReferralSourceKind,
  SuggestedLevel,
} from '@trellis/domain';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Json, TenantColumns, Timestamp } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text by the repository (to_char). */
export type DateColumn = ColumnType<string, string, string>;

export interface ReferralSourceTable extends TenantColumns {
  id: string;
  name: string;
  kind: ReferralSourceKind;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  active: Generated<boolean>;
}

export interface InquiryTable extends TenantColumns {
  id: string;
  reference: string;
  source: InquirySource;
  stage: InquiryStage;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  preferred_contact_method: ContactMethod | null;
  best_time_to_contact: string | null;
  date_of_birth: DateColumn | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  help_wanted: HelpWanted;
  preferred_schedule: PreferredSchedule[];
  referral_source_id: string | null;
  notes: string | null;
  coordinator_id: string | null;
  assessment_at: Timestamp | null;
  self_pay: Generated<boolean>;
  urgent: Generated<boolean>;
  closed_reason: CloseReason | null;
  closed_reason_text: string | null;
  patient_id: string | null;
  episode_id: string | null;
  converted_at: Timestamp | null;
  consent_to_contact_at: Timestamp | null;
  stage_changed_at: Timestamp;
  created_by: string | null;
}

export interface InquiryStageChangeTable extends TenantColumns {
  id: string;
  inquiry_id: string;
  from_stage: InquiryStage;
  to_stage: InquiryStage;
  reason: CloseReason | null;
  reason_text: string | null;
  assessment_at: Timestamp | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface InquiryScreeningTable extends TenantColumns {
  id: string;
  inquiry_id: string;
  answers: Json<Record<string, unknown>>;
  urgent: boolean;
  reasons: string[];
  suggested_level: SuggestedLevel | null;
  urgent_task_id: string | null;
  screened_by: string;
  screened_at: Timestamp;
}

export interface IntakeTables {
  referral_source: ReferralSourceTable;
  inquiry: InquiryTable;
  inquiry_stage_change: InquiryStageChangeTable;
  inquiry_screening: InquiryScreeningTable;
}

export type ReferralSourceRow = Selectable<ReferralSourceTable>;
export type InquiryRow = Selectable<InquiryTable>;
export type NewInquiry = Insertable<InquiryTable>;
export type InquiryUpdate = Updateable<InquiryTable>;
export type InquiryStageChangeRow = Selectable<InquiryStageChangeTable>;
export type InquiryScreeningRow = Selectable<InquiryScreeningTable>;

/** What a board card shows of an inquiry. */
export type CardRow = Pick<
  InquiryRow,
  | 'id'
  | 'reference'
  | 'first_name'
  | 'last_name'
  | 'stage'
  | 'source'
  | 'help_wanted'
  | 'coordinator_id'
  | 'assessment_at'
  | 'urgent'
  | 'stage_changed_at'
  | 'updated_at'
>;
