import { z } from 'zod';
import { US_PHONE_MESSAGE, usPhoneDigits } from '../intake/public-form.js';
import {
  LAST_USE,
  SCREENING_REASONS,
  SUBSTANCES,
  SUGGESTED_LEVELS,
  WITHDRAWAL_RISKS,
} from '../intake/screening.js';
import {
  CLOSE_REASONS,
  CONTACT_METHODS,
  HELP_WANTED,
  INQUIRY_SOURCES,
  INQUIRY_STAGES,
  PREFERRED_SCHEDULES,
  REFERRAL_SOURCE_KINDS,
} from '../intake/stages.js';
import { Email, Id, Instant } from './common.js';
import { Coverage, DateOnly, InstantInput, SubscriberRelationship } from './coverage.js';
import { AdmitRequest } from './episodes.js';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
/** Empty strings from a form mean "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A US phone number as typed; travels on as its 10 digits. */
export const UsPhone = z
  .string()
  .trim()
  .max(30, { error: US_PHONE_MESSAGE })
  .refine((v) => usPhoneDigits(v) !== null, { error: US_PHONE_MESSAGE })
  .transform((v) => usPhoneDigits(v) as string);

export const InquiryStage = z.enum(INQUIRY_STAGES);
export const InquirySource = z.enum(INQUIRY_SOURCES);
export const HelpWanted = z.enum(HELP_WANTED);
export const PreferredSchedule = z.enum(PREFERRED_SCHEDULES);
export const ContactMethod = z.enum(CONTACT_METHODS);
export const CloseReason = z.enum(CLOSE_REASONS);
export const ReferralSourceKind = z.enum(REFERRAL_SOURCE_KINDS);

const Schedules = z
  .array(PreferredSchedule)
  .max(3)
  .refine((s) => new Set(s).size === s.length, { error: 'A schedule is listed twice.' });

const PersonName = (what: string) => text(60).min(1, { error: `Enter the ${what}.` });

// ---------------------------------------------------------------- referral sources

const referralSourceFields = {
  name: text(120).min(1, { error: 'Enter the name of the referring organization or person.' }),
  kind: ReferralSourceKind,
  contactName: optionalText(120),
  phone: optionalText(40),
  email: z.preprocess(blankToUndefined, Email.nullable().optional()),
  notes: optionalText(1000),
  active: z.boolean().optional(),
};

export const ReferralSourceInput = z.strictObject(referralSourceFields);
export type ReferralSourceInput = z.output<typeof ReferralSourceInput>;
export const UpdateReferralSourceRequest = z.strictObject({
  ...referralSourceFields,
  name: referralSourceFields.name.optional(),
  kind: ReferralSourceKind.optional(),
});

export const ReferralSource = z.object({
  id: Id,
  name: z.string(),
  kind: ReferralSourceKind,
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type ReferralSource = z.infer<typeof ReferralSource>;

export const ReferralSourceListQuery = z.strictObject({
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// ---------------------------------------------------------------- inquiries

/** Insurance as the person tells it; it becomes a coverage of the inquiry, pending verification. */
export const InsuranceAsTold = z.strictObject({
  payerName: text(120).min(1, { error: 'Enter the insurance company name, or leave insurance out.' }),
  memberId: z.preprocess(blankToUndefined, text(40).optional()),
  subscriberName: z.preprocess(blankToUndefined, text(120).optional()),
  subscriberDateOfBirth: z.preprocess(blankToUndefined, DateOnly.optional()),
  relationship: SubscriberRelationship.optional(),
});
export type InsuranceAsTold = z.output<typeof InsuranceAsTold>;

export const InquiryAddress = z.strictObject({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
});

const inquiryFields = {
  firstName: PersonName('first name'),
  lastName: PersonName('last name'),
  phone: z.preprocess(blankToUndefined, UsPhone.nullable().optional()),
  email: z.preprocess(blankToUndefined, Email.nullable().optional()),
  preferredContactMethod: ContactMethod.nullable().optional(),
  bestTimeToContact: optionalText(100),
  dateOfBirth: z.preprocess(blankToUndefined, DateOnly.nullable().optional()),
  address: InquiryAddress.nullable().optional(),
  helpWanted: HelpWanted.optional(),
  preferredSchedule: Schedules.optional(),
  referralSourceId: Id.nullable().optional(),
  notes: optionalText(4000),
  coordinatorId: Id.nullable().optional(),
};

/** Phone or email: without one, nobody can call back. */
export function requireInquiryContact(
  value: { phone?: string | null | undefined; email?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.phone && !value.email) {
    const message = 'Give a phone number or an email address, so the person can be reached.';
    ctx.addIssue({ code: 'custom', path: ['phone'], message });
    ctx.addIssue({ code: 'custom', path: ['email'], message });
  }
}

/** The preferred way of contact needs its detail: a phone to call or text, an email to write. */
export function requireContactMethodDetail(
  value: {
    phone?: string | null | undefined;
    email?: string | null | undefined;
    preferredContactMethod?: string | null | undefined;
  },
  ctx: z.RefinementCtx,
) {
  const method = value.preferredContactMethod;
  if ((method === 'phone' || method === 'text') && !value.phone) {
    ctx.addIssue({
      code: 'custom',
      path: ['preferredContactMethod'],
      message: 'Calls and texts need a phone number: add one, or choose email.',
    });
  }
  if (method === 'email' && !value.email) {
    ctx.addIssue({
      code: 'custom',
      path: ['preferredContactMethod'],
      message: 'Email needs an email address: add one, or choose phone.',
    });
  }
}

export const CreateInquiryRequest = z
  .strictObject({
    source: InquirySource.optional(),
    ...inquiryFields,
    insurance: InsuranceAsTold.optional(),
  })
  .superRefine((value, ctx) => {
    requireInquiryContact(value, ctx);
    requireContactMethodDetail(value, ctx);
  });
export type CreateInquiryRequest = z.output<typeof CreateInquiryRequest>;

/** Every field may change except the stage (transitions) and the source. */
export const UpdateInquiryRequest = z.strictObject({
  ...inquiryFields,
  firstName: inquiryFields.firstName.optional(),
  lastName: inquiryFields.lastName.optional(),
});
export type UpdateInquiryRequest = z.output<typeof UpdateInquiryRequest>;

export const Inquiry = z.object({
  id: Id,
  /** What the person quotes on the phone: GS-XXXX-XXXX. */
  reference: z.string(),
  source: InquirySource,
  stage: InquiryStage,
  firstName: z.string(),
  lastName: z.string(),
  /** 10 digits. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredContactMethod: ContactMethod.nullable(),
  bestTimeToContact: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  address: z
    .object({
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
    })
    .nullable(),
  helpWanted: HelpWanted,
  preferredSchedule: z.array(PreferredSchedule),
  referralSourceId: Id.nullable(),
  notes: z.string().nullable(),
  coordinatorId: Id.nullable(),
  assessmentAt: Instant.nullable(),
  selfPay: z.boolean(),
  /** A positive safety screen is on file: a clinician must act. */
  urgent: z.boolean(),
  closedReason: CloseReason.nullable(),
  closedReasonText: z.string().nullable(),
  patientId: Id.nullable(),
  episodeId: Id.nullable(),
  convertedAt: Instant.nullable(),
  consentToContactAt: Instant.nullable(),
  stageChangedAt: Instant,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const ScreeningSummary = z.object({
  id: Id,
  urgent: z.boolean(),
  suggestedLevel: z.enum(SUGGESTED_LEVELS).nullable(),
  screenedAt: Instant,
});

/** One inquiry with what its page shows beside it. */
export const InquiryDetail = Inquiry.extend({
  coverages: z.array(Coverage),
  latestScreening: ScreeningSummary.nullable(),
});
export type InquiryDetail = z.infer<typeof InquiryDetail>;

export const InquiryListQuery = z.strictObject({
  stage: InquiryStage.optional(),
  source: InquirySource.optional(),
  helpWanted: HelpWanted.optional(),
  coordinatorId: Id.optional(),
  referralSourceId: Id.optional(),
  /** Name, phone, email or reference. */
  q: text(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const InquiryPage = z.object({ items: z.array(Inquiry), nextCursor: z.string().nullable() });

export const InquiryCard = z.object({
  id: Id,
  reference: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  stage: InquiryStage,
  source: InquirySource,
  helpWanted: HelpWanted,
  coordinatorId: Id.nullable(),
  assessmentAt: Instant.nullable(),
  urgent: z.boolean(),
  stageChangedAt: Instant,
  updatedAt: Instant,
});
export type InquiryCard = z.infer<typeof InquiryCard>;

export const InquiryBoardQuery = z.strictObject({
  perStage: z.coerce.number().int().min(1).max(100).default(25),
  coordinatorId: Id.optional(),
});

export const InquiryBoard = z.object({
  stages: z.array(z.object({ stage: InquiryStage, count: z.number().int(), cards: z.array(InquiryCard) })),
});
export type InquiryBoard = z.infer<typeof InquiryBoard>;

// ---------------------------------------------------------------- the pipeline

export const InquiryTransitionRequest = z.strictObject({
  to: InquiryStage,
  /** benefits_checked without a benefit check: the person pays themselves. */
  selfPay: z.boolean().optional(),
  /** assessment_booked: when the initial assessment is. */
  assessmentAt: InstantInput.optional(),
  /** closed: why, and in words when the reason is other. */
  reason: CloseReason.optional(),
  reasonText: text(500).optional(),
});
export type InquiryTransitionRequest = z.output<typeof InquiryTransitionRequest>;

const StaffRef = z.object({ id: Id, name: z.string() });

export const InquiryStageChange = z.object({
  id: Id,
  fromStage: InquiryStage,
  toStage: InquiryStage,
  changedBy: StaffRef.nullable(),
  changedAt: Instant,
  reason: CloseReason.nullable(),
  reasonText: z.string().nullable(),
  assessmentAt: Instant.nullable(),
});
export type InquiryStageChange = z.infer<typeof InquiryStageChange>;
export const InquiryHistory = z.object({ items: z.array(InquiryStageChange) });

// ---------------------------------------------------------------- screening

export const SafetyAnswers = z.strictObject({
  suicidalThoughtsPastMonth: z.boolean(),
  suicidePlanOrIntent: z.boolean(),
  recentSuicideAttempt: z.boolean(),
  thoughtsOfHarmingOthers: z.boolean(),
});

export const ScreeningRequest = z
  .strictObject({
    presentingConcern: text(2000).min(1, { error: 'Write down, in the person’s words, what brings them.' }),
    currentTreatment: optionalText(1000),
    substanceUse: z.boolean(),
    substances: z.array(z.enum(SUBSTANCES)).max(SUBSTANCES.length).optional(),
    otherSubstance: optionalText(100),
    lastUse: z.enum(LAST_USE).nullable().optional(),
    withdrawalRisk: z.enum(WITHDRAWAL_RISKS).nullable().optional(),
    medicalConcerns: optionalText(1000),
    /** Ask all four, every time. */
    safety: SafetyAnswers,
    notes: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.substanceUse) {
      if (!value.substances?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['substances'],
          message: 'Which substances? Choose at least one.',
        });
      }
      if (!value.lastUse) {
        ctx.addIssue({ code: 'custom', path: ['lastUse'], message: 'When was the last use?' });
      }
      if (!value.withdrawalRisk) {
        ctx.addIssue({
          code: 'custom',
          path: ['withdrawalRisk'],
          message: 'Rate the withdrawal risk (none, low, moderate, high).',
        });
      }
    } else if (value.substances?.length || value.lastUse || value.withdrawalRisk) {
      ctx.addIssue({
        code: 'custom',
        path: ['substanceUse'],
        message: 'Substances, last use and withdrawal risk are asked only when substanceUse is true.',
      });
    }
  });
export type ScreeningRequest = z.output<typeof ScreeningRequest>;

export const CrisisResource = z.object({
  name: z.string(),
  action: z.string(),
  phone: z.string().optional(),
  text: z.string().optional(),
  url: z.string().optional(),
});

/** Shown at once on a positive safety screen. */
export const Crisis = z.object({ show988: z.literal(true), resources: z.array(CrisisResource) });

export const Screening = z.object({
  id: Id,
  inquiryId: Id,
  answers: z.object({
    presentingConcern: z.string(),
    currentTreatment: z.string().nullable(),
    substanceUse: z.boolean(),
    substances: z.array(z.enum(SUBSTANCES)),
    otherSubstance: z.string().nullable(),
    lastUse: z.enum(LAST_USE).nullable(),
    withdrawalRisk: z.enum(WITHDRAWAL_RISKS).nullable(),
    medicalConcerns: z.string().nullable(),
    safety: SafetyAnswers,
    notes: z.string().nullable(),
  }),
  outcome: z.object({
    urgent: z.boolean(),
    reasons: z.array(z.object({ code: z.enum(SCREENING_REASONS), text: z.string() })),
    suggestedLevel: z.enum(SUGGESTED_LEVELS).nullable(),
  }),
  screenedBy: StaffRef.nullable(),
  screenedAt: Instant,
  /** The urgent task opened by a positive screen. */
  urgentTaskId: Id.nullable(),
});
export type Screening = z.infer<typeof Screening>;

export const ScreeningRecorded = z.object({ screening: Screening, crisis: Crisis.nullable() });
export type ScreeningRecorded = z.infer<typeof ScreeningRecorded>;
export const ScreeningList = z.object({ items: z.array(Screening) });

// ---------------------------------------------------------------- follow-ups

export const CreateFollowUpRequest = z.strictObject({
  title: text(200).min(1, { error: 'Say what to do, for example “Call back about insurance”.' }),
  dueAt: InstantInput,
  /** Who does it; the inquiry's coordinator when left out. */
  assigneeId: Id.nullable().optional(),
});

// ---------------------------------------------------------------- conversion and admission

export const ConvertInquiryRequest = z.strictObject({
  /** Link this existing patient instead of creating one (after a duplicate warning). */
  existingPatientId: Id.optional(),
  /** Create a new patient although others have the same name and date of birth. */
  confirmNotDuplicate: z.boolean().optional(),
});
export type ConvertInquiryRequest = z.output<typeof ConvertInquiryRequest>;

export const ConvertInquiryResult = z.object({
  inquiry: Inquiry,
  patientId: Id,
  createdPatient: z.boolean(),
  /** The inquiry's coverages, now the patient's. */
  coverageIds: z.array(Id),
});
export type ConvertInquiryResult = z.infer<typeof ConvertInquiryResult>;

export const AdmitInquiryRequest = z.strictObject({
  /** When the inquiry has no patient yet: link this existing one instead of registering. */
  existingPatientId: Id.optional(),
  /** When the inquiry has no patient yet: register although others have the same name and birth date. */
  confirmNotDuplicate: z.boolean().optional(),
  /** The admission into a track; the inquiry's referral source is used when none is given. */
  admission: AdmitRequest,
});
export type AdmitInquiryRequest = z.output<typeof AdmitInquiryRequest>;

export const AdmitInquiryResult = z.object({
  inquiry: Inquiry,
  patientId: Id,
  episodeId: Id,
  createdPatient: z.boolean(),
  coverageIds: z.array(Id),
});
export type AdmitInquiryResult = z.infer<typeof AdmitInquiryResult>;
