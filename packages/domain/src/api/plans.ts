import { z } from 'zod';
import {
  FREQUENCY_PERIODS,
  INTERVENTION_MODALITIES,
  OBJECTIVE_STATUSES,
  PLAN_SIGNER_SLOTS,
  PLAN_VERSION_STATUSES,
} from '../plans/model.js';
import { Id, Instant, PageQuery, pageOf } from './common.js';
import { CalendarDate } from './patients.js';
import { PersonSignatureInput, Signature, StaffSignatureInput } from './signatures.js';

/**
 * The wire contract of treatment plans: one plan per episode of care, in versions. A version's
 * content is problems → goals (in the participant's words) → measurable objectives, with the
 * interventions that address each problem. Drafts may be incomplete (autosave never fails on a
 * half-written plan); what signing needs is listed in `missing` and enforced when signing.
 */

export const ObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export const InterventionModality = z.enum(INTERVENTION_MODALITIES);
export const FrequencyPeriod = z.enum(FREQUENCY_PERIODS);
export const PlanVersionStatus = z.enum(PLAN_VERSION_STATUSES);
export const PlanSignerSlot = z.enum(PLAN_SIGNER_SLOTS);

// ---- Content: what the editor sends (ids optional: new items get one) ----

export const ProblemSource = z.discriminatedUnion('kind', [
  /** One of the episode's diagnoses, by ICD-10-CM code. */
  z.strictObject({ kind: z.literal('diagnosis'), code: z.string().trim().min(1).max(10) }),
  /** An ASAM dimension (1–6) rated in the assessment. */
  z.strictObject({ kind: z.literal('asam'), dimension: z.number().int().min(1).max(6) }),
]);
export type ProblemSource = z.infer<typeof ProblemSource>;

export const Frequency = z.strictObject({
  times: z
    .number()
    .int({ error: 'Use a whole number of times.' })
    .min(1, { error: 'At least once.' })
    .max(14, { error: 'At most 14 times.' }),
  per: FrequencyPeriod,
});
export type Frequency = z.infer<typeof Frequency>;

const text = (max: number) => z.string().trim().max(max).default('');

export const ObjectiveInput = z.strictObject({
  id: Id.optional(),
  /** What the participant will do, observable: "Use a coping skill when craving, 4 of 5 days". */
  text: text(1000),
  /** How progress is measured: "Daily diary card reviewed weekly", "PHQ-9 below 10". */
  measure: text(500),
  targetDate: CalendarDate.nullable().default(null),
  status: ObjectiveStatus.default('not_started'),
});

export const InterventionInput = z.strictObject({
  id: Id.optional(),
  modality: InterventionModality.nullable().default(null),
  frequency: Frequency.nullable().default(null),
  /** The staff member responsible for delivering it. */
  responsibleUserId: Id.nullable().default(null),
  /** What is done, in a line: "Exposure hierarchy work; weekly worksheet review". */
  description: text(1000),
});

export const GoalInput = z.strictObject({
  id: Id.optional(),
  /** In the participant's own words: "I want to get through a week without drinking." */
  text: text(1000),
  objectives: z.array(ObjectiveInput).max(10, { error: 'At most 10 objectives per goal.' }).default([]),
});

export const ProblemInput = z.strictObject({
  id: Id.optional(),
  statement: text(1000),
  source: ProblemSource.nullable().default(null),
  goals: z.array(GoalInput).max(10, { error: 'At most 10 goals per problem.' }).default([]),
  interventions: z
    .array(InterventionInput)
    .max(15, { error: 'At most 15 interventions per problem.' })
    .default([]),
});

export const PlanContentInput = z.strictObject({
  problems: z.array(ProblemInput).max(20, { error: 'At most 20 problems in a plan.' }).default([]),
});
export type PlanContentInput = z.output<typeof PlanContentInput>;

// ---- Content: what the server returns (every item has its id, stable across versions) ----

export const PlanObjective = z.object({
  id: Id,
  text: z.string(),
  measure: z.string(),
  targetDate: z.string().nullable(),
  status: ObjectiveStatus,
});
export const PlanIntervention = z.object({
  id: Id,
  modality: InterventionModality.nullable(),
  frequency: z.object({ times: z.number().int(), per: FrequencyPeriod }).nullable(),
  responsibleUserId: Id.nullable(),
  description: z.string(),
});
export const PlanGoal = z.object({ id: Id, text: z.string(), objectives: z.array(PlanObjective) });
export const PlanProblem = z.object({
  id: Id,
  statement: z.string(),
  source: z
    .union([
      z.object({ kind: z.literal('diagnosis'), code: z.string() }),
      z.object({ kind: z.literal('asam'), dimension: z.number().int() }),
    ])
    .nullable(),
  goals: z.array(PlanGoal),
  interventions: z.array(PlanIntervention),
});
export const PlanContent = z.object({ problems: z.array(PlanProblem) });
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanProblem = z.infer<typeof PlanProblem>;
export type PlanGoal = z.infer<typeof PlanGoal>;
export type PlanObjective = z.infer<typeof PlanObjective>;
export type PlanIntervention = z.infer<typeof PlanIntervention>;

/** A field that must be filled before the version can be signed, by its path in the content. */
export const PlanFieldProblem = z.object({ field: z.string(), message: z.string() });

// ---- Versions, signatures, deadlines ----

export const PlanSignatures = z.object({
  clinician: Signature.nullable(),
  /** The participant, or their guardian / legal representative. */
  participant: Signature.nullable(),
  supervisor: Signature.nullable(),
  /** Whether this version needs a supervisor's co-signature (the organization's setting). */
  cosignatureRequired: z.boolean(),
  /** Who still has to sign before the version is in effect (empty once signed). */
  missing: z.array(PlanSignerSlot),
});
export type PlanSignatures = z.infer<typeof PlanSignatures>;

export const PlanVersion = z.object({
  id: Id,
  planId: Id,
  /** 1, 2, 3 … */
  number: z.number().int(),
  status: PlanVersionStatus,
  content: PlanContent,
  /** The signed version this one was started from (null for the first). */
  basedOnNumber: z.number().int().nullable(),
  /** The review that produced this version, if one did. */
  reviewId: Id.nullable(),
  signatures: PlanSignatures,
  createdBy: Id,
  createdAt: Instant,
  updatedAt: Instant,
  submittedAt: Instant.nullable(),
  signedAt: Instant.nullable(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanVersionSummary = PlanVersion.pick({
  id: true,
  number: true,
  status: true,
  basedOnNumber: true,
  reviewId: true,
  createdAt: true,
  submittedAt: true,
  signedAt: true,
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

export const PlanDueKind = z.enum(['initial_signature', 'review']);
export const PlanDueState = z.enum(['on_track', 'due_soon', 'overdue']);

/** What is due next for a plan: the first signature after admission, or the next review. */
export const PlanDue = z.object({
  kind: PlanDueKind,
  dueDate: z.string().describe('YYYY-MM-DD, in the organization’s time zone'),
  state: PlanDueState,
  /** Days from today to the due date; negative when overdue. */
  daysLeft: z.number().int(),
});
export type PlanDue = z.infer<typeof PlanDue>;

export const TreatmentPlan = z.object({
  id: Id,
  patientId: Id,
  episodeId: Id,
  /** The status of the current (latest) version. */
  status: PlanVersionStatus,
  current: PlanVersion,
  /** The latest signed version: the plan in effect (null until the first is signed). */
  effectiveVersionNumber: z.number().int().nullable(),
  versions: z.array(PlanVersionSummary),
  /** What the current version still needs before it can be signed (empty once signed). */
  missing: z.array(PlanFieldProblem),
  /** Null once the episode is discharged. */
  due: PlanDue.nullable(),
  /** Send back as If-Match with every change to the plan. */
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;

/** GET /episodes/:id/plan: the plan, or null with what is due when none was started. */
export const EpisodePlan = z.object({
  episodeId: Id,
  patientId: Id,
  plan: TreatmentPlan.nullable(),
  due: PlanDue.nullable(),
});
export type EpisodePlan = z.infer<typeof EpisodePlan>;

// ---- Requests ----

export const CreatePlanRequest = z.strictObject({
  /** Library templates to fill the draft from, in order (none: an empty draft). */
  templateIds: z.array(Id).max(8, { error: 'Choose at most 8 templates.' }).default([]),
});

export const SavePlanDraftRequest = z.strictObject({ content: PlanContentInput });

/** The clinician signs (the draft is checked and frozen first): typed name + password. */
export const SignPlanRequest = StaffSignatureInput;
/** A supervisor co-signs the clinician's signature: typed name + password. */
export const CosignPlanRequest = StaffSignatureInput;
/** The participant (or guardian) signs in front of staff. */
export const ParticipantSignPlanRequest = PersonSignatureInput;

export const IssuePlanLinkRequest = z.strictObject({
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(14 * 24)
    .default(72),
});
export const PlanSignatureLink = z.object({
  /** The secret for the message to the participant; shown once. */
  token: z.string(),
  /** The web app's page: /sign/plan/<token>. */
  path: z.string(),
  versionNumber: z.number().int(),
  expiresAt: Instant,
});

export const ObjectiveProgressInput = z.strictObject({
  objectiveId: Id,
  status: ObjectiveStatus,
  note: text(2000),
});

export const StartReviewRequest = z.strictObject({
  /** The day of the review meeting; today in the organization's zone when left out. */
  reviewedOn: CalendarDate.optional(),
  summary: text(4000),
  participantComment: text(2000),
  /** Progress per objective; every objective not yet met or discontinued needs an entry. */
  progress: z.array(ObjectiveProgressInput).max(200).default([]),
});

export const PlanReview = z.object({
  id: Id,
  planId: Id,
  /** The signed version reviewed. */
  reviewedVersionNumber: z.number().int(),
  /** The draft version the review produced. */
  resultingVersionNumber: z.number().int(),
  reviewedOn: z.string(),
  summary: z.string(),
  participantComment: z.string(),
  progress: z.array(
    z.object({
      objectiveId: Id,
      objectiveText: z.string(),
      previousStatus: ObjectiveStatus,
      status: ObjectiveStatus,
      note: z.string(),
    }),
  ),
  reviewedBy: Id,
  createdAt: Instant,
});
export type PlanReview = z.infer<typeof PlanReview>;

export const StartReviewResult = z.object({ review: PlanReview, plan: TreatmentPlan });

// ---- Diff ----

export const DiffValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
]);
export const PlanEntity = z.enum(['problem', 'goal', 'objective', 'intervention']);

export const PlanChange = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  entity: PlanEntity,
  id: Id,
  /** How the item reads (its statement, text or modality), as of the newer side when it exists. */
  label: z.string(),
  /** The labels of its parents, outermost first: [problem, goal] for an objective. */
  context: z.array(z.string()),
  /** For "changed": each field that differs. For "added"/"removed": the item's own fields. */
  fields: z.array(z.object({ field: z.string(), before: DiffValue, after: DiffValue })),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const PlanDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const PlanDiff = z.object({
  planId: Id,
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(PlanChange),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});
export type PlanDiff = z.infer<typeof PlanDiff>;

// ---- The thread to the schedule ----

export const ScheduleThreadQuery = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(12).default(4),
});

export const ThreadSession = z.object({
  source: z.enum(['group', 'appointment']),
  /** A group kind (cbt_skills …) or an appointment kind (individual, family, medication_management). */
  kind: z.string(),
  title: z.string(),
  /** Local wall-clock start, 'YYYY-MM-DDTHH:MM'. */
  start: z.string(),
  startUtc: Instant,
  status: z.string(),
  /** The occurrence key (group) or appointment id. */
  ref: z.string(),
});

export const InterventionThread = z.object({
  interventionId: Id,
  problemId: Id,
  modality: InterventionModality.nullable(),
  frequency: z.object({ times: z.number().int(), per: FrequencyPeriod }).nullable(),
  /** The session kinds that deliver this modality. */
  sessionKinds: z.array(z.string()),
  /** Sessions the frequency asks for within the window. */
  required: z.number().int(),
  /** Matching sessions booked within the window. */
  booked: z.number().int(),
  state: z.enum(['ok', 'short', 'none', 'not_checkable']),
  /** The warning in words, e.g. "Family therapy weekly — no family session booked in the next 4 weeks". */
  message: z.string().nullable(),
  sessions: z.array(ThreadSession),
});

export const ScheduleThread = z.object({
  planId: Id,
  /** The version checked: the one in effect, or the current draft when none is signed. */
  versionNumber: z.number().int(),
  from: z.string(),
  to: z.string(),
  weeks: z.number().int(),
  interventions: z.array(InterventionThread),
  warnings: z.array(z.string()),
});
export type ScheduleThread = z.infer<typeof ScheduleThread>;

// ---- Due and overdue ----

export const DuePlansQuery = PageQuery.extend({
  /** mine: the caller's caseload (episodes whose primary clinician they are); all: a director's view. */
  scope: z.enum(['mine', 'all']).default('mine'),
  /** actionable: due soon and overdue. */
  state: z.enum(['actionable', 'due_soon', 'overdue', 'all']).default('actionable'),
});

export const DuePlanItem = z.object({
  episodeId: Id,
  patientId: Id,
  patientName: z.string(),
  clinicianId: Id,
  planId: Id.nullable(),
  planStatus: z.union([z.literal('none'), PlanVersionStatus]),
  kind: PlanDueKind,
  dueDate: z.string(),
  state: PlanDueState,
  daysLeft: z.number().int(),
});
export const DuePlanList = pageOf(DuePlanItem).extend({ today: z.string() });
export type DuePlanList = z.infer<typeof DuePlanList>;

// ---- Printable plan and the participant's signing page ----

/** A version with names resolved, for print and for the participant's page. */
export const PlanDocument = z.object({
  problems: z.array(
    z.object({
      id: Id,
      statement: z.string(),
      /** "Major depressive disorder, recurrent, moderate (F33.1)" or "ASAM dimension 5: Relapse…". */
      sourceLabel: z.string().nullable(),
      goals: z.array(
        z.object({
          id: Id,
          text: z.string(),
          objectives: z.array(
            z.object({
              id: Id,
              text: z.string(),
              measure: z.string(),
              targetDate: z.string().nullable(),
              status: ObjectiveStatus,
              statusLabel: z.string(),
            }),
          ),
        }),
      ),
      interventions: z.array(
        z.object({
          id: Id,
          modality: InterventionModality.nullable(),
          modalityLabel: z.string(),
          frequencyLabel: z.string(),
          responsibleName: z.string().nullable(),
          description: z.string(),
        }),
      ),
    }),
  ),
});
export type PlanDocument = z.infer<typeof PlanDocument>;

export const PrintablePlanQuery = z.strictObject({
  /** A version number; the one in effect (or the current draft) when left out. */
  version: z.coerce.number().int().min(1).optional(),
});

export const PrintablePlan = z.object({
  programName: z.string(),
  patient: z.object({ name: z.string(), dateOfBirth: z.string(), mrn: z.string().nullable() }),
  admissionDate: z.string(),
  versionNumber: z.number().int(),
  status: PlanVersionStatus,
  signedAt: Instant.nullable(),
  nextReviewDate: z.string().nullable(),
  document: PlanDocument,
  signatures: z.array(
    z.object({
      slot: PlanSignerSlot,
      label: z.string(),
      typedName: z.string(),
      signedAt: Instant,
      method: z.string(),
    }),
  ),
  printedAt: Instant,
});
export type PrintablePlan = z.infer<typeof PrintablePlan>;

export const PublicPlanSigning = z.object({
  /** First name only: enough to know the plan is theirs. */
  firstName: z.string(),
  programName: z.string(),
  versionNumber: z.number().int(),
  expiresAt: Instant,
  document: PlanDocument,
  /** The text the participant agrees to by typing their name. */
  attestation: z.string(),
});
export type PublicPlanSigning = z.infer<typeof PublicPlanSigning>;

export const PublicPlanSignRequest = z.strictObject({
  signerRole: z.enum(['patient', 'guardian']).default('patient'),
  typedName: z.string().max(200).optional(),
});
export const PublicPlanSigned = z.object({
  signedAt: Instant,
  versionNumber: z.number().int(),
  /** signed when this was the last signature needed. */
  status: PlanVersionStatus,
});

/** The extra members of the 409 a stale plan save answers. */
export const PlanStaleProblem = z.object({
  current: TreatmentPlan,
  /** What changed between the version you read and the current one (null when not known). */
  changes: z.array(PlanChange).nullable(),
  changedBy: Id.nullable(),
  changedAt: Instant.nullable(),
});
