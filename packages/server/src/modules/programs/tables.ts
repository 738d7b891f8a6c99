import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { Json, TenantColumns } from '../../db/schema.js';

export interface TrackDayJson {
  day: number;
  start: string;
  end: string;
}

export interface TrackIntensityJson {
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
  minDaysPerWeek: number;
  maxDaysPerWeek: number;
  minHoursPerDay: number;
  maxHoursPerDay: number;
}

export interface TrackTable extends TenantColumns {
  id: string;
  name: string;
  description: string | null;
  population: 'mental_health' | 'substance_use' | 'dual_diagnosis';
  age_group: 'adult' | 'adolescent';
  level_of_care: 'outpatient' | 'iop' | 'php';
  modality: 'in_person' | 'virtual' | 'hybrid';
  location_id: string;
  capacity: number;
  weekly_pattern: Json<TrackDayJson[]>;
  intensity: Json<TrackIntensityJson>;
  status: ColumnType<'active' | 'paused' | 'archived', 'active' | 'paused' | 'archived' | undefined>;
}

export interface ProgramTables {
  track: TrackTable;
}

export type TrackRow = Selectable<TrackTable>;
export type NewTrack = Insertable<TrackTable>;
export type TrackUpdate = Updateable<TrackTable>;
