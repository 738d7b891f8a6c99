/**
 * The vocabulary of treatment plans: objective statuses, intervention modalities and how
 * often they happen, version states, signer slots, and the organization's deadline settings.
 * The zod schemas of the API (api/plans.ts) are built from these lists.
 */

export const OBJECTIVE_STATUSES = ['not_started', 'in_progress', 'met', 'revised', 'discontinued'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  met: 'Met',
  revised: 'Revised',
  discontinued: 'Discontinued',
};

/** Objectives still being worked on: a review must say how each of them is going. */
export const OPEN_OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = ['not_started', 'in_progress'];

export const INTERVENTION_MODALITIES = [
  'group_cbt',
  'dbt_skills',
  'relapse_prevention',
  'life_skills',
  'process_group',
  'individual_therapy',
  'family_therapy',
  'medication_management',
  'peer_support',
] as const;
export type InterventionModality = (typeof INTERVENTION_MODALITIES)[number];

export const INTERVENTION_MODALITY_LABELS: Record<InterventionModality, string> = {
  group_cbt: 'Group CBT',
  dbt_skills: 'DBT skills group',
  relapse_prevention: 'Relapse prevention',
  life_skills: 'Life skills workshop',
  process_group: 'Process group',
  individual_therapy: 'Individual therapy',
  family_therapy: 'Family therapy',
  medication_management: 'Medication management',
  peer_support: 'Peer support',
};

export const FREQUENCY_PERIODS = ['week', 'month'] as const;
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number];

/** "3 times per week", "2 times per month". */
export interface Frequency {
  times: number;
  per: FrequencyPeriod;
}

export function frequencyLabel(frequency: Frequency): string {
  const times = frequency.times === 1 ? 'once' : frequency.times === 2 ? 'twice' : `${frequency.times} times`;
  return frequency.per === 'week'
    ? frequency.times === 1
      ? 'weekly'
      : `${times} a week`
    : frequency.times === 1
      ? 'monthly'
      : `${times} a month`;
}

/**
 * A version's life: drafted (editable), awaiting signatures (frozen content, signatures being
 * collected), signed (frozen for good), or voided (was awaiting signatures when someone changed
 * the plan: kept for the record, its signatures no longer count).
 */
export const PLAN_VERSION_STATUSES = ['draft', 'awaiting_signatures', 'signed', 'voided'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/** The signatures a plan version collects. */
export const PLAN_SIGNER_SLOTS = ['clinician', 'participant', 'supervisor'] as const;
export type PlanSignerSlot = (typeof PLAN_SIGNER_SLOTS)[number];

/** The organization's plan settings and their defaults (DOMAIN.md: sign within 7 days, review every 30). */
export interface PlanSettingsValues {
  /** Days after admission by which the first plan must be signed. */
  signDeadlineDays: number;
  /** Days between reviews, counted from the date the last version was signed. */
  reviewCadenceDays: number;
  /** Whether a supervisor must co-sign every version before it is in effect. */
  cosignatureRequired: boolean;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettingsValues = {
  signDeadlineDays: 7,
  reviewCadenceDays: 30,
  cosignatureRequired: false,
};

export const PLAN_SETTING_LIMITS = {
  signDeadlineDays: { min: 1, max: 30 },
  reviewCadenceDays: { min: 7, max: 180 },
} as const;

/**
 * What the participant agrees to by typing their name, in person or on the signing page (the
 * signature records this text). Plain words, written for Trellis.
 */
export const PLAN_PARTICIPANT_ATTESTATION =
  'I have read this treatment plan, or had it read to me, and I had the chance to ask questions. ' +
  'I agree to work on it with my care team. Typing my name is my electronic signature and has the same ' +
  'effect as signing on paper.';

/** How a problem is tied to the assessment: one of the episode's diagnoses, or an ASAM dimension. */
export type ProblemSource = { kind: 'diagnosis'; code: string } | { kind: 'asam'; dimension: number };
