import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { TenantColumns } from '../../db/schema.js';

type CalendarDate = ColumnType<string, string, string>;
type Status = 'pending' | 'active' | 'on_hold' | 'discharged';
type Level = 'outpatient' | 'iop' | 'php';

export interface EpisodeTable extends TenantColumns {
  id: string;
  patient_id: string;
  track_id: string;
  level_of_care: Level;
  status: Status;
  admission_date: CalendarDate;
  discharge_date: CalendarDate | null;
  discharge_reason: string | null;
  discharge_summary_id: string | null;
  primary_clinician_id: string;
  referral_source_id: string | null;
  referral_source_text: string | null;
  payer_note: string | null;
  part2: boolean;
  previous_episode_id: string | null;
  entry_kind: 'admission' | 'readmission' | 'step_up' | 'step_down' | 'transfer';
  status_changed_at: ColumnType<Date, Date | string, Date | string>;
}

export interface EpisodeDiagnosisTable {
  id: string;
  organization_id: string;
  episode_id: string;
  position: number;
  code: string;
  description: string;
  is_primary: boolean;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  created_by: string | null;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  removed_by: string | null;
}

export interface EpisodeStatusChangeTable {
  id: string;
  organization_id: string;
  episode_id: string;
  from_status: Status | null;
  to_status: Status;
  reason: string | null;
  changed_by: string | null;
  changed_at: ColumnType<Date, Date | string, never>;
}

/** A view the episodes module keeps for the programs module: places taken per track. */
export interface TrackCensusView {
  organization_id: string;
  track_id: string;
  open_count: number;
  active_count: number;
  pending_count: number;
  on_hold_count: number;
}

export interface EpisodeTables {
  episode: EpisodeTable;
  episode_diagnosis: EpisodeDiagnosisTable;
  episode_status_change: EpisodeStatusChangeTable;
  track_census: TrackCensusView;
}

export type EpisodeRow = Selectable<EpisodeTable>;
export type NewEpisode = Insertable<EpisodeTable>;
export type EpisodeUpdate = Updateable<EpisodeTable>;
export type EpisodeDiagnosisRow = Selectable<EpisodeDiagnosisTable>;
export type EpisodeStatusChangeRow = Selectable<EpisodeStatusChangeTable>;
