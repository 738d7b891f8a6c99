import { z } from 'zod';
import { DISCHARGE_REASONS, EPISODE_STATUSES } from '../episodes/status.js';
import { LEVELS_OF_CARE } from '../programs/track.js';
import { Id, Instant } from './common.js';
import { CalendarDate } from './patients.js';

export const EpisodeStatus = z.enum(EPISODE_STATUSES);
export const DischargeReason = z.enum(DISCHARGE_REASONS);

export const DiagnosisInput = z.strictObject({
  code: z.string().trim().min(1, { error: 'Enter an ICD-10-CM code.' }).max(10),
  primary: z.boolean().optional(),
});

/** Who referred the patient: an entry of the referral-source list, or words for now. */
export const EpisodeReferral = z
  .strictObject({
    id: Id.nullable().optional(),
    text: z.string().trim().max(200).nullable().optional(),
  })
  .nullable();

export const AdmitRequest = z.strictObject({
  trackId: Id,
  admissionDate: CalendarDate,
  diagnoses: z.array(DiagnosisInput).max(12, { error: 'Record at most 12 diagnoses.' }).default([]),
  primaryClinicianId: Id,
  referralSource: EpisodeReferral.optional(),
  payerNote: z.string().trim().max(500).nullable().optional(),
});

export const UpdateEpisodeRequest = z.strictObject({
  admissionDate: CalendarDate.optional(),
  diagnoses: z.array(DiagnosisInput).max(12, { error: 'Record at most 12 diagnoses.' }).optional(),
  primaryClinicianId: Id.optional(),
  referralSource: EpisodeReferral.optional(),
  payerNote: z.string().trim().max(500).nullable().optional(),
});

export const TransitionRequest = z.strictObject({
  to: EpisodeStatus,
  /** Why, in words; kept in the episode's status history. */
  reason: z.string().trim().max(500).nullable().optional(),
  /** Required to discharge. */
  dischargeReason: DischargeReason.optional(),
  /** The discharge date; today in the organization's time zone when omitted. */
  date: CalendarDate.optional(),
});

export const ChangeTrackRequest = z.strictObject({
  trackId: Id,
  /** The first day in the new track, and the discharge date of the current episode; today when omitted. */
  date: CalendarDate.optional(),
  reason: z.string().trim().max(500).nullable().optional(),
});

export const EpisodeDiagnosis = z.object({ code: z.string(), text: z.string(), primary: z.boolean() });

export const EpisodeStatusChange = z.object({
  from: EpisodeStatus.nullable(),
  to: EpisodeStatus,
  reason: z.string().nullable(),
  changedBy: Id.nullable(),
  changedAt: Instant,
});

export const Episode = z.object({
  id: Id,
  patientId: Id,
  trackId: Id,
  levelOfCare: z.enum(LEVELS_OF_CARE),
  asamLevel: z.string(),
  status: EpisodeStatus,
  admissionDate: z.string(),
  dischargeDate: z.string().nullable(),
  dischargeReason: z.string().nullable(),
  /** The signed discharge summary, once the aftercare module writes one. */
  dischargeSummaryId: Id.nullable(),
  primaryClinicianId: Id,
  referralSource: z.object({ id: Id.nullable(), text: z.string().nullable() }).nullable(),
  payerNote: z.string().nullable(),
  /** Protected under 42 CFR Part 2: leaves the system only under a consent that covers it. */
  part2: z.boolean(),
  previousEpisodeId: Id.nullable(),
  entryKind: z.enum(['admission', 'readmission', 'step_up', 'step_down', 'transfer']),
  diagnoses: z.array(EpisodeDiagnosis),
  statusHistory: z.array(EpisodeStatusChange).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Episode = z.infer<typeof Episode>;

export const DiagnosisSearchQuery = z.strictObject({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const DiagnosisCode = z.object({
  code: z.string(),
  text: z.string(),
  group: z.string(),
  substanceUse: z.boolean(),
});
