import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Json, TenantColumns, Timestamp } from '../../db/schema.js';

export interface StoredFlag {
  code: string;
  severity: 'critical' | 'warning';
  message: string;
  itemId?: string;
}

export type StoredSettingsUsed = Record<
  string,
  { value: string | number | Record<string, string | number>; isDefault: boolean; source: string }
>;

export interface MeasureAdministrationTable extends TenantColumns {
  id: string;
  patient_id: string;
  episode_id: string | null;
  instrument_code: string;
  instrument_version: string;
  answers: Json<Record<string, number>>;
  total: number | null;
  band_code: string;
  band_label: string;
  flags: Json<StoredFlag[]>;
  subscales: Json<Record<string, number> | null>;
  settings_used: Json<StoredSettingsUsed>;
  administered_at: Timestamp;
  source: 'staff' | 'self_report';
  entered_by: string | null;
  measure_request_id: string | null;
  supersedes_id: string | null;
  superseded_by_id: ColumnType<string | null, string | null | undefined, string>;
  correction_reason: string | null;
  part2: boolean;
  alert_task_ids: ColumnType<string[], string[] | undefined, never>;
}

/** Answers saved so far, by instrument then item; null is a blank the person cleared. */
export type DraftAnswers = Record<string, Record<string, number | null>>;

export interface MeasureRequestTable extends TenantColumns {
  id: string;
  patient_id: string;
  episode_id: string | null;
  instruments: string[];
  link_id: string;
  expires_at: Timestamp;
  draft: ColumnType<DraftAnswers, string | undefined, string>;
  draft_saved_at: Timestamp | null;
  status: ColumnType<'open' | 'submitted', 'open' | 'submitted' | undefined, 'submitted'>;
  submitted_at: Timestamp | null;
  administration_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
}

export interface StoredScheduleRule {
  instrument: string;
  timing: 'admission' | 'interval' | 'discharge';
  everyDays?: number;
  graceDays?: number;
}

export interface MeasureScheduleTable extends TenantColumns {
  id: string;
  track_id: string;
  rules: Json<StoredScheduleRule[]>;
}

export type StoredCriterion =
  | { method: 'threshold'; points: number }
  | { method: 'rci'; reliability: number; sd: number };

export interface InstrumentSettingTable extends TenantColumns {
  id: string;
  instrument_code: string;
  score_settings: Json<Record<string, string | number>>;
  reliable_change: Json<StoredCriterion | null>;
}

/** A view over the episodes module's table: the columns measurement needs, read-only. */
export interface MeasurementEpisodeView {
  id: string;
  organization_id: string;
  patient_id: string;
  track_id: string;
  primary_clinician_id: string;
  status: 'pending' | 'active' | 'on_hold' | 'discharged';
  admission_date: ColumnType<string, never, never>;
  discharge_date: ColumnType<string | null, never, never>;
  part2: boolean;
}

export interface MeasuresTables {
  measure_administration: MeasureAdministrationTable;
  measure_request: MeasureRequestTable;
  measure_schedule: MeasureScheduleTable;
  instrument_setting: InstrumentSettingTable;
  measurement_episode: MeasurementEpisodeView;
}

export type AdministrationRow = Selectable<MeasureAdministrationTable>;
export type NewAdministration = Insertable<MeasureAdministrationTable>;
export type MeasureRequestRow = Selectable<MeasureRequestTable>;
export type MeasureScheduleRow = Selectable<MeasureScheduleTable>;
export type InstrumentSettingRow = Selectable<InstrumentSettingTable>;
