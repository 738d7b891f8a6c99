import type { Action } from './actions.js';
import type { Role } from './roles.js';

export interface Actor {
  userId: string;
  organizationId: string;
  roles: readonly Role[];
  /** Set only for a patient signed in to the portal: the one record they may see. */
  patientId?: string;
}

export interface Resource {
  organizationId: string;
  patientId?: string;
}

/**
 * Minimum necessary (HIPAA 164.502(b)): administrators run the system but read no clinical
 * record; front desk sees the registry and the calendar; billing sees coverage and the episode
 * but not clinical notes; clinicians and directors see the clinical record.
 */
const GRANTS: Record<Role, readonly Action[]> = {
  admin: [
    'organization.read',
    'organization.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'program.read',
    'schedule.read',
  ],
  director: [
    'organization.read',
    'user.read',
    'program.read',
    'program.manage',
    'inquiry.read',
    'inquiry.manage',
    'patient.read',
    'patient.write',
    'coverage.read',
    'episode.read',
    'episode.manage',
    'consent.read',
    'consent.manage',
    'clinical.read',
    'clinical.write',
    'clinical.sign',
    'clinical.cosign',
    'clinical.oversee',
    'schedule.read',
    'appointment.manage',
    'schedule.manage',
    'attendance.record',
    'task.read',
    'task.manage',
  ],
  clinician: [
    'organization.read',
    'user.read',
    'program.read',
    'inquiry.read',
    'patient.read',
    'patient.write',
    'coverage.read',
    'episode.read',
    'episode.manage',
    'consent.read',
    'consent.manage',
    'clinical.read',
    'clinical.write',
    'clinical.sign',
    'schedule.read',
    'appointment.manage',
    'attendance.record',
    'task.read',
    'task.manage',
  ],
  intake: [
    'organization.read',
    'user.read',
    'program.read',
    'inquiry.read',
    'inquiry.manage',
    'patient.read',
    'patient.write',
    'coverage.read',
    'coverage.manage',
    'episode.read',
    'episode.manage',
    'consent.read',
    'consent.manage',
    'schedule.read',
    'appointment.manage',
    'task.read',
    'task.manage',
  ],
  billing: [
    'organization.read',
    'program.read',
    'patient.read',
    'coverage.read',
    'coverage.manage',
    'episode.read',
    'consent.read',
    'schedule.read',
    'task.read',
    'task.manage',
  ],
  front_desk: ['organization.read', 'program.read', 'patient.read', 'schedule.read', 'attendance.record'],
  patient: ['program.read', 'patient.read', 'consent.read', 'clinical.read', 'schedule.read'],
};

const GRANT_SETS = Object.fromEntries(
  Object.entries(GRANTS).map(([role, actions]) => [role, new Set<Action>(actions)]),
) as unknown as Record<Role, ReadonlySet<Action>>;

export function allowedActions(role: Role): readonly Action[] {
  return GRANTS[role];
}

/**
 * The one permission rule, used by the server to enforce and by the web app to hide what a
 * person may not do. A resource of another organization is never accessible; a patient
 * reaches only their own record.
 */
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  if (resource && resource.organizationId !== actor.organizationId) return false;
  return actor.roles.some((role) => {
    if (!GRANT_SETS[role].has(action)) return false;
    if (role !== 'patient') return true;
    return actor.patientId !== undefined && resource?.patientId === actor.patientId;
  });
}
