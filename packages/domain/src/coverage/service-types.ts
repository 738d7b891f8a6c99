/**
 * X12 service type codes (element 1365) of the behavioural benefit lines, from DOMAIN.md 4.3.
 * No code is specific to IOP: an eligibility check asks for the plan (30) and the psychiatric or
 * substance-use lines, then IOP coverage and authorization are confirmed by portal or phone.
 */
export const SERVICE_TYPE_CODES = {
  '30': 'Health benefit plan coverage',
  MH: 'Mental health',
  A4: 'Psychiatric',
  A5: 'Psychiatric – room and board',
  A6: 'Psychotherapy',
  A7: 'Psychiatric – inpatient',
  A8: 'Psychiatric – outpatient',
  AI: 'Substance abuse',
  AJ: 'Alcoholism',
  AK: 'Drug addiction',
  BB: 'Partial hospitalization (psychiatric)',
  CE: 'Mental health provider – inpatient',
  CF: 'Mental health provider – outpatient',
  CG: 'Mental health facility – inpatient',
  CH: 'Mental health facility – outpatient',
  CI: 'Substance abuse facility – inpatient',
  CJ: 'Substance abuse facility – outpatient',
  '98': 'Professional (physician) visit – office',
  '22': 'Social work',
} as const;
export type ServiceTypeCode = keyof typeof SERVICE_TYPE_CODES;
export const SERVICE_TYPE_CODE_LIST = Object.keys(SERVICE_TYPE_CODES) as ServiceTypeCode[];

/** The lines a check of IOP for mental health answers for, unless the checker names others. */
export const MENTAL_HEALTH_SERVICE_TYPES: readonly ServiceTypeCode[] = ['MH', 'A8', 'CF', 'CH'];
/** The lines a check of IOP for substance use answers for, unless the checker names others. */
export const SUBSTANCE_USE_SERVICE_TYPES: readonly ServiceTypeCode[] = ['AI', 'AJ', 'AK', 'CJ'];
