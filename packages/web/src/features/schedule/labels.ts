import type { Series } from './schedule-api';

export const GROUP_KIND_LABELS: Record<Series['kind'], string> = {
  process: 'Process group',
  cbt_skills: 'CBT skills',
  dbt_skills: 'DBT skills',
  relapse_prevention: 'Relapse prevention',
  life_skills: 'Life skills',
  psychoeducation: 'Psychoeducation',
  family_group: 'Family group',
  alumni: 'Alumni group',
};

export const APPOINTMENT_KIND_LABELS: Record<string, string> = {
  individual: 'Individual session',
  family: 'Family session',
  assessment: 'Assessment',
  medication_management: 'Medication management',
};

/** ISO weekdays, Monday first, as checkboxes show them. */
export const WEEKDAYS: { value: number; short: string; long: string }[] = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 7, short: 'Sun', long: 'Sunday' },
];
