import type { ColumnType, Selectable } from 'kysely';
import type { Json, Timestamp } from '../../db/schema.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  organization_id: string | null;
  kind: string;
  /** At most one job per key (a recurring job's one pending run). */
  unique_key: string | null;
  payload: Json<Record<string, unknown>>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: ColumnType<number, number | undefined, number>;
}

export interface JobTables {
  job: JobTable;
}

export type JobRow = Selectable<JobTable>;
