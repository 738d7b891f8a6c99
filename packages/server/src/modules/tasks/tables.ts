import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { TenantColumns, Timestamp } from '../../db/schema.js';

export interface TaskTable extends TenantColumns {
  id: string;
  kind: string;
  priority: 'urgent' | 'high' | 'normal';
  priority_rank: number;
  subject_type: string;
  subject_id: string;
  patient_id: string | null;
  title: string;
  owner_user_id: string | null;
  owner_role: string | null;
  due_at: Timestamp | null;
  status: ColumnType<'open' | 'done' | 'cancelled', 'open' | 'done' | 'cancelled' | undefined>;
  idempotency_key: string | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_by: string | null;
}

export interface TasksTables {
  task: TaskTable;
}

export type TaskRow = Selectable<TaskTable>;
export type NewTask = Insertable<TaskTable>;
