import { z } from 'zod';
import { BENEFIT_CHECK_SOURCES, LIMIT_PERIODS, NETWORK_STATUSES } from '../coverage/benefit-check.js';
import { COVERAGE_PRIORITIES, COVERAGE_STATUSES, SUBSCRIBER_RELATIONSHIPS } from '../coverage/coverage.js';
import { SERVICE_TYPE_CODE_LIST, type ServiceTypeCode } from '../coverage/service-types.js';
import { Id, Instant } from './common.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date, 'YYYY-MM-DD' (a date of birth or a coverage date has no time and no zone). */
export const DateOnly = z
  .string()
  .trim()
  .refine(isIsoDate, { error: 'Use a date as YYYY-MM-DD, such as 1980-04-12.' });

/** An instant a person enters: ISO 8601 with a zone or offset. */
export const InstantInput = z.iso.datetime({
  offset: true,
  error: 'Use a date and time in ISO 8601 with its zone, such as 2026-12-01T15:30:00Z.',
});

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const CoveragePriority = z.enum(COVERAGE_PRIORITIES);
export const CoverageStatus = z.enum(COVERAGE_STATUSES);
export const SubscriberRelationship = z.enum(SUBSCRIBER_RELATIONSHIPS);
export const ServiceTypeCodeSchema = z.enum(
  SERVICE_TYPE_CODE_LIST as [ServiceTypeCode, ...ServiceTypeCode[]],
);

const coverageFields = {
  payerName: text(120).min(1, { error: 'Enter the insurance company (payer) name.' }),
  payerId: optionalText(20),
  planName: optionalText(120),
  memberId: optionalText(40),
  groupNumber: optionalText(40),
  subscriberName: optionalText(120),
  subscriberDateOfBirth: DateOnly.nullable().optional(),
  relationship: SubscriberRelationship.nullable().optional(),
  priority: CoveragePriority.optional(),
  effectiveDate: DateOnly.nullable().optional(),
  terminationDate: DateOnly.nullable().optional(),
  status: CoverageStatus.optional(),
};

export const CoverageInput = z.strictObject(coverageFields);
export type CoverageInput = z.output<typeof CoverageInput>;

export const UpdateCoverageRequest = z.strictObject({
  ...coverageFields,
  payerName: coverageFields.payerName.optional(),
});
export type UpdateCoverageRequest = z.output<typeof UpdateCoverageRequest>;

const Cents = z
  .number()
  .int({ error: 'Give the amount in whole cents (for example 150000 for $1,500).' })
  .min(0)
  .max(100_000_000);
const Count = z.number().int().min(0).max(10_000);

const BenefitLineInput = z.strictObject({
  iopCovered: z.boolean().nullable(),
  /** The X12 service types (DOMAIN 4.3) this line answers for; defaults to the usual ones. */
  serviceTypeCodes: z.array(ServiceTypeCodeSchema).min(1).max(19).optional(),
});

const benefitFields = {
  checkedAt: InstantInput.optional(),
  source: z.enum(BENEFIT_CHECK_SOURCES),
  coverageActive: z.boolean(),
  network: z.enum(NETWORK_STATUSES).optional(),
  mentalHealth: BenefitLineInput.optional(),
  substanceUse: BenefitLineInput.optional(),
  deductibleCents: Cents.nullable().optional(),
  deductibleMetCents: Cents.nullable().optional(),
  outOfPocketMaxCents: Cents.nullable().optional(),
  outOfPocketMetCents: Cents.nullable().optional(),
  copayCents: Cents.nullable().optional(),
  coinsurancePercent: z.number().min(0).max(100).nullable().optional(),
  priorAuthRequired: z.boolean().nullable().optional(),
  priorAuthPhone: optionalText(40),
  priorAuthNotes: optionalText(1000),
  limitDays: Count.nullable().optional(),
  limitVisits: Count.nullable().optional(),
  limitPeriod: z.enum(LIMIT_PERIODS).nullable().optional(),
  referenceNumber: optionalText(60),
  notes: optionalText(2000),
};

export const BenefitCheckInput = z.strictObject(benefitFields);
export type BenefitCheckInput = z.output<typeof BenefitCheckInput>;

export const UpdateBenefitCheckRequest = z.strictObject({
  ...benefitFields,
  source: benefitFields.source.optional(),
  coverageActive: benefitFields.coverageActive.optional(),
});
export type UpdateBenefitCheckRequest = z.output<typeof UpdateBenefitCheckRequest>;

const StaffRef = z.object({ id: Id, name: z.string() });

const BenefitLine = z.object({
  iopCovered: z.boolean().nullable(),
  serviceTypeCodes: z.array(z.string()),
});

export const BenefitCheck = z.object({
  id: Id,
  coverageId: Id,
  checkedAt: Instant,
  checkedBy: StaffRef.nullable(),
  source: z.enum(BENEFIT_CHECK_SOURCES),
  coverageActive: z.boolean(),
  network: z.enum(NETWORK_STATUSES),
  mentalHealth: BenefitLine,
  substanceUse: BenefitLine,
  deductibleCents: z.number().int().nullable(),
  deductibleMetCents: z.number().int().nullable(),
  outOfPocketMaxCents: z.number().int().nullable(),
  outOfPocketMetCents: z.number().int().nullable(),
  copayCents: z.number().int().nullable(),
  coinsurancePercent: z.number().nullable(),
  priorAuthRequired: z.boolean().nullable(),
  priorAuthPhone: z.string().nullable(),
  priorAuthNotes: z.string().nullable(),
  limitDays: z.number().int().nullable(),
  limitVisits: z.number().int().nullable(),
  limitPeriod: z.enum(LIMIT_PERIODS).nullable(),
  referenceNumber: z.string().nullable(),
  notes: z.string().nullable(),
  /** The findings in one line, for reading to the person. */
  summary: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type BenefitCheck = z.infer<typeof BenefitCheck>;

export const Coverage = z.object({
  id: Id,
  /** Whose coverage: a patient's, or (before admission) an inquiry's. Conversion moves it to the patient. */
  patientId: Id.nullable(),
  inquiryId: Id.nullable(),
  payerName: z.string(),
  payerId: z.string().nullable(),
  planName: z.string().nullable(),
  memberId: z.string().nullable(),
  groupNumber: z.string().nullable(),
  subscriberName: z.string().nullable(),
  subscriberDateOfBirth: z.string().nullable(),
  relationship: SubscriberRelationship.nullable(),
  priority: CoveragePriority,
  effectiveDate: z.string().nullable(),
  terminationDate: z.string().nullable(),
  status: CoverageStatus,
  latestCheck: BenefitCheck.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const CoverageList = z.object({ items: z.array(Coverage) });
export const BenefitCheckList = z.object({ items: z.array(BenefitCheck) });
