export const STAFF_ROLES = ['admin', 'director', 'clinician', 'intake', 'billing', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLES = [...STAFF_ROLES, 'patient'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  director: 'Program director',
  clinician: 'Clinician',
  intake: 'Intake coordinator',
  billing: 'Billing specialist',
  front_desk: 'Front desk',
  patient: 'Patient',
};
