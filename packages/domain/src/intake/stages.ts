/**
 * The intake pipeline: from the first call or web form to admission into a track. An inquiry
 * moves one stage at a time; `closed` ends it with a reason and can be reopened.
 */
export const INQUIRY_STAGES = [
  'new',
  'contacted',
  'screened',
  'benefits_checked',
  'assessment_booked',
  'admitted',
  'closed',
] as const;
export type InquiryStage = (typeof INQUIRY_STAGES)[number];

/** The stages of the pipeline proper, in order (closed is beside it). */
export const PIPELINE_STAGES = INQUIRY_STAGES.filter((s) => s !== 'closed');

/** An inquiry at one of these is still being worked. */
export const OPEN_INQUIRY_STAGES: readonly InquiryStage[] = [
  'new',
  'contacted',
  'screened',
  'benefits_checked',
  'assessment_booked',
];

export const INQUIRY_STAGE_LABELS: Record<InquiryStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  screened: 'Screened',
  benefits_checked: 'Benefits checked',
  assessment_booked: 'Assessment booked',
  admitted: 'Admitted',
  closed: 'Closed',
};

export const CLOSE_REASONS = [
  'not_a_fit',
  'referred_elsewhere',
  'no_response',
  'chose_another_program',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  not_a_fit: 'Not a fit for the program',
  referred_elsewhere: 'Referred elsewhere',
  no_response: 'No response',
  chose_another_program: 'Chose another program',
  other: 'Other',
};

export const INQUIRY_SOURCES = ['phone', 'web_form', 'referral'] as const;
export type InquirySource = (typeof INQUIRY_SOURCES)[number];

export const HELP_WANTED = ['mental_health', 'substance_use', 'both', 'unsure'] as const;
export type HelpWanted = (typeof HELP_WANTED)[number];

export const HELP_WANTED_LABELS: Record<HelpWanted, string> = {
  mental_health: 'Mental health',
  substance_use: 'Substance use',
  both: 'Both mental health and substance use',
  unsure: 'Not sure yet',
};

export const PREFERRED_SCHEDULES = ['morning', 'evening', 'virtual'] as const;
export type PreferredSchedule = (typeof PREFERRED_SCHEDULES)[number];

export const PREFERRED_SCHEDULE_LABELS: Record<PreferredSchedule, string> = {
  morning: 'Mornings, in person',
  evening: 'Evenings, in person',
  virtual: 'Virtual (online)',
};

export const CONTACT_METHODS = ['phone', 'text', 'email'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
};

export const REFERRAL_SOURCE_KINDS = [
  'hospital',
  'detox',
  'outpatient_therapist',
  'pcp',
  'eap',
  'court',
  'school',
  'self',
  'other',
] as const;
export type ReferralSourceKind = (typeof REFERRAL_SOURCE_KINDS)[number];

export const REFERRAL_SOURCE_KIND_LABELS: Record<ReferralSourceKind, string> = {
  hospital: 'Hospital',
  detox: 'Detox / withdrawal management',
  outpatient_therapist: 'Outpatient therapist',
  pcp: 'Primary care physician',
  eap: 'Employee assistance program',
  court: 'Court / legal',
  school: 'School',
  self: 'Self',
  other: 'Other',
};
