import type { api } from '@trellis/domain';
import type { TaskRow } from './tables.js';

export function toTask(row: TaskRow): api.Task {
  return {
    id: row.id,
    kind: row.kind as api.Task['kind'],
    priority: row.priority,
    status: row.status,
    subject: { type: row.subject_type, id: row.subject_id },
    patientId: row.patient_id,
    title: row.title,
    ownerUserId: row.owner_user_id,
    ownerRole: row.owner_role as api.Task['ownerRole'],
    dueAt: row.due_at?.toISOString() ?? null,
    resolutionNote: row.resolution_note,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** An opaque cursor: the sort key of the last task on the page. */
export function taskCursor(row: TaskRow): string {
  const key = [row.priority_rank, row.due_at?.toISOString() ?? 'infinity', row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}
