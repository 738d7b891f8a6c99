/**
 * Every action a route can ask permission for. Modules add theirs here so that the whole
 * permission table stays in one place and is tested as one table.
 */
export const ACTIONS = [
  // organization, locations, rooms, settings
  'organization.read',
  'organization.manage',
  // staff accounts
  'user.read',
  'user.manage',
  // the audit log
  'audit.read',
  // programs and tracks
  'program.read',
  'program.manage',
  // intake pipeline
  'inquiry.read',
  'inquiry.manage',
  // patient registry (demographics)
  'patient.read',
  'patient.write',
  // insurance and benefit checks
  'coverage.read',
  'coverage.manage',
  // episodes of care: admission, diagnoses, discharge
  'episode.read',
  'episode.manage',
  // consents
  'consent.read',
  'consent.manage',
  // clinical record: assessments, measures, plans, notes
  'clinical.read',
  'clinical.write',
  'clinical.sign',
  'clinical.cosign',
  // every clinician's caseload lists (due and overdue plans): a director's oversight
  'clinical.oversee',
  // calendar
  'schedule.read',
  'schedule.manage',
  'appointment.manage',
  'attendance.record',
  // the work queue
  'task.read',
  'task.manage',
] as const;
export type Action = (typeof ACTIONS)[number];
