import { z } from 'zod';
import { TASK_KIND_NAMES, TASK_PRIORITIES, TASK_STATUSES } from '../tasks/kinds.js';
import { StaffRole } from './auth.js';
import { Id, Instant } from './common.js';

export const TaskKind = z.enum(TASK_KIND_NAMES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export const TaskStatus = z.enum(TASK_STATUSES);

/** What a task, a link or a signature is about: `{type: 'inquiry', id}`. Types are snake_case words. */
export const SubjectRef = z.strictObject({
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Use a record type such as patient or inquiry.' }),
  id: Id,
});
export type SubjectRef = z.infer<typeof SubjectRef>;

export const Task = z.object({
  id: Id,
  kind: TaskKind,
  priority: TaskPriority,
  status: TaskStatus,
  subject: z.object({ type: z.string(), id: Id }),
  patientId: Id.nullable(),
  title: z.string(),
  ownerUserId: Id.nullable(),
  ownerRole: StaffRole.nullable(),
  dueAt: Instant.nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: Id.nullable(),
  resolvedAt: Instant.nullable(),
  createdBy: Id.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Task = z.infer<typeof Task>;

/** A task as the queue lists it: with the name and MRN of the patient it is about, if any. */
export const QueuedTask = Task.extend({
  patient: z.object({ displayName: z.string(), mrn: z.string() }).nullable(),
});
export type QueuedTask = z.infer<typeof QueuedTask>;

const DateTime = z.iso.datetime({ offset: true, error: 'Use a date and time such as 2026-12-01T09:00:00Z.' });

export const TaskListQuery = z.strictObject({
  /** me: assigned to me; my_roles: queued for one of my roles; me_or_my_roles: both. */
  owner: z.enum(['me', 'my_roles', 'me_or_my_roles']).optional(),
  /** One kind, or several separated by commas. */
  kind: z
    .string()
    .max(400)
    .transform((value) => value.split(',').map((k) => k.trim()))
    .pipe(z.array(TaskKind).min(1))
    .optional(),
  status: z.enum([...TASK_STATUSES, 'any']).default('open'),
  patientId: Id.optional(),
  dueBefore: DateTime.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreateTaskRequest = z.strictObject({
  /** Shown on dashboards: say what to do, with no more about the person than the owner needs. */
  title: z.string().trim().min(1, { error: 'Say what needs doing.' }).max(200),
  kind: TaskKind.default('follow_up'),
  priority: TaskPriority.optional(),
  subject: SubjectRef.optional(),
  patientId: Id.optional(),
  ownerUserId: Id.optional(),
  ownerRole: StaffRole.optional(),
  dueAt: DateTime.optional(),
});

export const ResolveTaskRequest = z.strictObject({
  status: z.enum(['done', 'cancelled']).default('done'),
  note: z.string().trim().max(2000).optional(),
});

export const AssignTaskRequest = z.strictObject({
  ownerUserId: Id.nullable().optional(),
  ownerRole: StaffRole.nullable().optional(),
});
