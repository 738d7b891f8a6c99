import { type Actor, can } from '../access/can.js';
import type { Role } from '../access/roles.js';
import { DomainError, type FieldProblem } from '../errors.js';
import { TASK_KIND_NAMES, TASK_KINDS, type TaskKind, type TaskStatus } from './kinds.js';

/** What a task (or a link, or a signature) is about: an inquiry, a patient, a plan … */
export interface SubjectRef {
  type: string;
  id: string;
}

/**
 * The idempotency key of a due item: one task per kind, subject and period ("2026-W49", a due
 * date, a measure's window). Opening the same key again returns the task already queued, even
 * if it was resolved meanwhile — the item was handled, it is not due twice.
 */
export function taskIdempotencyKey(kind: TaskKind, subject: SubjectRef, period?: string | null): string {
  return [kind, subject.type, subject.id, period ?? ''].join('|');
}

/** The kinds of task this person may see in the queue. */
export function visibleTaskKinds(actor: Actor, organizationId = actor.organizationId): TaskKind[] {
  return TASK_KIND_NAMES.filter((kind) => can(actor, TASK_KINDS[kind].readAction, { organizationId }));
}

export function canSeeTaskKind(actor: Actor, kind: TaskKind): boolean {
  return visibleTaskKinds(actor).includes(kind);
}

/** Whether a person holding these roles could work a task of this kind. */
export function rolesCanWorkTask(roles: readonly Role[], kind: TaskKind, organizationId: string): boolean {
  const actor: Actor = { userId: 'owner', organizationId, roles };
  return can(actor, 'task.read', { organizationId }) && canSeeTaskKind(actor, kind);
}

export interface TaskResolution {
  status: Exclude<TaskStatus, 'open'>;
  note?: string | null | undefined;
}

/** A task is resolved once; some kinds need words about what was done. */
export function checkResolution(task: { kind: TaskKind; status: TaskStatus }, resolution: TaskResolution) {
  if (task.status !== 'open') {
    throw new DomainError(
      'invalid_state',
      `This task is already ${task.status === 'done' ? 'done' : 'cancelled'}. Reload the queue to see its resolution.`,
    );
  }
  const note = resolution.note?.trim() ?? '';
  const problems: FieldProblem[] = [];
  if (TASK_KINDS[task.kind].resolutionRequired && note.length < 3) {
    problems.push({
      field: 'note',
      message: `Say what was done about this ${TASK_KINDS[task.kind].label.toLowerCase()} before closing it.`,
    });
  }
  if (problems.length > 0) {
    throw new DomainError('validation', problems[0]!.message, problems);
  }
  return { status: resolution.status, note: note.length > 0 ? note : null };
}
