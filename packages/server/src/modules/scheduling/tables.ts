import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Json, TenantColumns, Timestamp } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text by the repository (to_char). */
type CalendarDate = ColumnType<string, string, string>;

export interface GroupSeriesTable extends TenantColumns {
  id: string;
  track_id: string;
  location_id: string;
  title: string;
  kind: string;
  weekdays: number[];
  start_time: string;
  duration_minutes: number;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  room_id: string | null;
  facilitator_ids: string[];
  capacity: number;
  curriculum: Json<string[]>;
  curriculum_start_module: number;
  previous_series_id: string | null;
  created_by: string | null;
}

export interface SeriesExceptionTable extends TenantColumns {
  id: string;
  series_id: string;
  original_date: CalendarDate;
  kind: 'cancel' | 'move' | 'substitute';
  /** The domain's SeriesException, whole. */
  detail: Json<Record<string, unknown>>;
  created_by: string | null;
}

export interface LocationClosureTable extends TenantColumns {
  id: string;
  location_id: string;
  closed_on: CalendarDate;
  reason: string;
}

export interface SeriesOccurrenceTable extends TenantColumns {
  id: string;
  series_id: string;
  original_date: CalendarDate;
  occurrence_key: string;
}

export interface EnrollmentTable extends TenantColumns {
  id: string;
  episode_id: string;
  patient_id: string;
  track_id: string;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  weekdays: number[] | null;
  below_minimum_reason: string | null;
  availability: Json<Record<string, { start: string; end: string }[]> | null> | null;
  created_by: string | null;
}

export interface AppointmentTable extends TenantColumns {
  id: string;
  location_id: string;
  kind: 'individual' | 'family' | 'assessment' | 'medication_management';
  status: ColumnType<
    'scheduled' | 'completed' | 'cancelled' | 'no_show',
    'scheduled' | 'completed' | 'cancelled' | 'no_show' | undefined
  >;
  clinician_id: string;
  participant_ids: string[];
  room_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  cancel_reason: string | null;
  created_by: string | null;
}

export interface ClinicianWorkingHoursTable extends TenantColumns {
  id: string;
  clinician_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface CalendarFeedTable extends TenantColumns {
  id: string;
  owner: 'clinician' | 'participant';
  subject_id: string;
  token_hash: string;
  created_by: string | null;
  revoked_at: Timestamp | null;
  last_read_at: Timestamp | null;
}

export interface SchedulingTables {
  group_series: GroupSeriesTable;
  series_exception: SeriesExceptionTable;
  location_closure: LocationClosureTable;
  series_occurrence: SeriesOccurrenceTable;
  enrollment: EnrollmentTable;
  appointment: AppointmentTable;
  clinician_working_hours: ClinicianWorkingHoursTable;
  calendar_feed: CalendarFeedTable;
}

export type SeriesRow = Selectable<GroupSeriesTable>;
export type NewSeries = Insertable<GroupSeriesTable>;
export type ExceptionRow = Selectable<SeriesExceptionTable>;
export type EnrollmentRow = Selectable<EnrollmentTable>;
export type AppointmentRow = Selectable<AppointmentTable>;
export type FeedRow = Selectable<CalendarFeedTable>;
