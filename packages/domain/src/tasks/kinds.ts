import type { Action } from '../access/actions.js';
import type { StaffRole } from '../access/roles.js';

export const TASK_PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Sort rank stored beside the priority, so "urgent first" is an index order, not a CASE. */
export const PRIORITY_RANK: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2 };

export interface TaskKindDefinition {
  label: string;
  defaultPriority: TaskPriority;
  /** A resolution must say what was done (a risk alert closed without words is not auditable). */
  resolutionRequired: boolean;
  /**
   * What a person must be allowed to read to see tasks of this kind at all (minimum necessary:
   * billing sees benefit checks in the queue, not risk alerts).
   */
  readAction: Action;
  /** The team a task of this kind is queued for when the caller names no owner. */
  defaultOwnerRole: StaffRole | null;
}

/**
 * The kinds of work in the one queue. Modules add their kinds here (one line each); the database
 * stores the kind as text, so a new kind needs no migration.
 */
export const TASK_KINDS = {
  risk_alert: {
    label: 'Risk alert',
    defaultPriority: 'urgent',
    resolutionRequired: true,
    readAction: 'clinical.read',
    defaultOwnerRole: 'clinician',
  },
  urgent_screening: {
    label: 'Urgent screening follow-up',
    defaultPriority: 'urgent',
    resolutionRequired: true,
    readAction: 'inquiry.read',
    defaultOwnerRole: 'intake',
  },
  inquiry_follow_up: {
    label: 'Inquiry follow-up',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'inquiry.read',
    defaultOwnerRole: 'intake',
  },
  benefit_verification: {
    label: 'Benefit verification',
    defaultPriority: 'high',
    resolutionRequired: false,
    readAction: 'coverage.read',
    defaultOwnerRole: 'intake',
  },
  plan_due: {
    label: 'Treatment plan due',
    defaultPriority: 'high',
    resolutionRequired: false,
    readAction: 'clinical.read',
    defaultOwnerRole: 'clinician',
  },
  plan_review_due: {
    label: 'Plan review due',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
    defaultOwnerRole: 'clinician',
  },
  measure_due: {
    label: 'Measure due',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
    defaultOwnerRole: 'clinician',
  },
  note_unsigned: {
    label: 'Unsigned note',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
    defaultOwnerRole: 'clinician',
  },
  outreach: {
    label: 'Outreach',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'task.read',
    defaultOwnerRole: 'clinician',
  },
  follow_up: {
    label: 'Follow-up',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'task.read',
    defaultOwnerRole: null,
  },
} as const satisfies Record<string, TaskKindDefinition>;

export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_KIND_NAMES = Object.keys(TASK_KINDS) as [TaskKind, ...TaskKind[]];

export function taskKind(kind: TaskKind): TaskKindDefinition {
  return TASK_KINDS[kind];
}
