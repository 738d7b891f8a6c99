import type { Action } from '../access/actions.js';

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
  },
  urgent_screening: {
    label: 'Urgent screening follow-up',
    defaultPriority: 'urgent',
    resolutionRequired: true,
    readAction: 'inquiry.read',
  },
  inquiry_follow_up: {
    label: 'Inquiry follow-up',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'inquiry.read',
  },
  benefit_verification: {
    label: 'Benefit verification',
    defaultPriority: 'high',
    resolutionRequired: false,
    readAction: 'coverage.read',
  },
  plan_due: {
    label: 'Treatment plan due',
    defaultPriority: 'high',
    resolutionRequired: false,
    readAction: 'clinical.read',
  },
  plan_review_due: {
    label: 'Plan review due',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
  },
  measure_due: {
    label: 'Measure due',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
  },
  note_unsigned: {
    label: 'Unsigned note',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'clinical.read',
  },
  outreach: {
    label: 'Outreach',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'task.read',
  },
  follow_up: {
    label: 'Follow-up',
    defaultPriority: 'normal',
    resolutionRequired: false,
    readAction: 'task.read',
  },
} as const satisfies Record<string, TaskKindDefinition>;

export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_KIND_NAMES = Object.keys(TASK_KINDS) as [TaskKind, ...TaskKind[]];

export function taskKind(kind: TaskKind): TaskKindDefinition {
  return TASK_KINDS[kind];
}
