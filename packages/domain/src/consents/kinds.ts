/** The consents Trellis captures. Only Part 2 and release-of-information consents permit disclosures. */
export const CONSENT_KINDS = ['treatment', 'telehealth', 'part2', 'release_of_information'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Consent to treatment',
  telehealth: 'Telehealth consent',
  part2: 'Consent to disclose substance use disorder records (42 CFR Part 2)',
  release_of_information: 'Authorization to release information',
};

export const DISCLOSING_KINDS: readonly ConsentKind[] = ['part2', 'release_of_information'];

export const DISCLOSURE_PURPOSES = [
  'treatment',
  'payment',
  'health_care_operations',
  'at_patient_request',
  'care_coordination',
  'legal_proceedings',
] as const;
export type DisclosurePurpose = (typeof DISCLOSURE_PURPOSES)[number];

export const PURPOSE_LABELS: Record<DisclosurePurpose, string> = {
  treatment: 'treatment',
  payment: 'payment',
  health_care_operations: 'health care operations',
  at_patient_request: 'at my request',
  care_coordination: 'coordinating my care',
  legal_proceedings: 'use in a legal, administrative or legislative proceeding',
};

/** Treatment, payment and health care operations: what one TPO consent may cover (2024 rule). */
export const TPO_PURPOSES: readonly DisclosurePurpose[] = ['treatment', 'payment', 'health_care_operations'];

/**
 * What a consent lets be disclosed, described specifically (§2.31 asks for a "specific and
 * meaningful" description; the consent also carries the description in words).
 */
export const INFORMATION_KINDS = [
  'attendance',
  'diagnosis',
  'assessments',
  'treatment_plan',
  'progress_notes',
  'medications',
  'drug_screens',
  'outcome_measures',
  'discharge_summary',
  'billing',
  'all_records',
  'sud_counseling_notes',
] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

export const INFORMATION_LABELS: Record<InformationKind, string> = {
  attendance: 'attendance and participation',
  diagnosis: 'diagnoses',
  assessments: 'assessments and screening results',
  treatment_plan: 'treatment plans and reviews',
  progress_notes: 'progress notes (not counseling notes)',
  medications: 'medications',
  drug_screens: 'drug screen results',
  outcome_measures: 'questionnaire scores and outcomes',
  discharge_summary: 'discharge summary and aftercare plan',
  billing: 'billing and insurance information',
  all_records: 'all of my records held by the program (except counseling notes)',
  sud_counseling_notes: 'substance use disorder counseling notes',
};

/**
 * SUD counseling notes are never included in "all records" and need a consent of their own
 * (2024 rule, analogous to psychotherapy notes).
 */
export function kindCovers(consentKinds: readonly InformationKind[], wanted: InformationKind): boolean {
  if (consentKinds.includes(wanted)) return true;
  return wanted !== 'sud_counseling_notes' && consentKinds.includes('all_records');
}

/** Recipients, for a disclosure request: who the information goes to. */
export const RECIPIENT_RELATIONSHIPS = [
  'treating_provider',
  'health_plan',
  'program_operator',
  'family_or_friend',
  'legal',
  'other',
] as const;
export type RecipientRelationship = (typeof RECIPIENT_RELATIONSHIPS)[number];

/** The relationships a general TPO designation names ("my treating providers, plans and program operators"). */
export const TPO_RELATIONSHIPS: readonly RecipientRelationship[] = [
  'treating_provider',
  'health_plan',
  'program_operator',
];

export const EXPIRY_EVENTS = ['end_of_treatment'] as const;
export type ExpiryEvent = (typeof EXPIRY_EVENTS)[number];

export const EXPIRY_EVENT_LABELS: Record<ExpiryEvent, string> = {
  end_of_treatment: 'when my treatment in this program ends',
};

/** How a revocation reached the program. */
export const REVOCATION_CHANNELS = ['in_writing', 'verbal', 'portal', 'email', 'mail'] as const;
export type RevocationChannel = (typeof REVOCATION_CHANNELS)[number];

export const WRITTEN_CHANNELS: readonly RevocationChannel[] = ['in_writing', 'portal', 'email', 'mail'];
