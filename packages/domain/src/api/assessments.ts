import { z } from 'zod';
import { ASAM_EDITIONS } from '../assessments/asam.js';
import { ASSESSMENT_SECTIONS, type SectionDefinition, type SectionField } from '../assessments/sections.js';
import { Id, Instant } from './common.js';
import { DiagnosisInput } from './episodes.js';
import { CalendarDate } from './patients.js';
import { Signature } from './signatures.js';

function fieldSchema(field: SectionField): z.ZodType {
  switch (field.kind) {
    case 'text':
      return z.string().trim().max(2000).nullable().optional();
    case 'boolean':
      return z.boolean().nullable().optional();
    case 'count':
      return z.number().int().min(0).max(1000).nullable().optional();
    case 'date':
      return CalendarDate.nullable().optional();
    case 'choice':
      return z
        .enum((field.choices ?? []).map((c) => c.value) as [string, ...string[]])
        .nullable()
        .optional();
  }
}

function sectionSchema(section: SectionDefinition) {
  return z.strictObject({
    narrative: z.string().max(20_000).default(''),
    fields: z
      .strictObject(Object.fromEntries(section.fields.map((f) => [f.key, fieldSchema(f)])))
      .default({}),
  });
}

/** The ten biopsychosocial sections; each is optional in a draft. */
export const AssessmentSectionsInput = z.strictObject(
  Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s.key, sectionSchema(s).optional()])),
);

export const AsamEdition = z.enum(ASAM_EDITIONS);

export const AsamRatingInput = z.strictObject({
  dimension: z.number().int().min(1).max(6),
  /** 0 (no risk) to 4 (severe); null while not rated. Fourth-edition dimension 6 is not rated. */
  rating: z.number().int().min(0).max(4).nullable().default(null),
  notes: z.string().max(4000).default(''),
});

export const AsamInput = z.strictObject({
  edition: AsamEdition.default('3'),
  ratings: z
    .array(AsamRatingInput)
    .max(6)
    .refine((list) => new Set(list.map((r) => r.dimension)).size === list.length, {
      error: 'Rate each dimension once.',
    })
    .default([]),
});

export const LevelOfCareDecision = z.strictObject({
  /** The level the clinician chooses, in the edition's numbering ("2.1"). */
  chosen: z.string().trim().max(5).nullable().default(null),
  /** Required when the chosen level differs from the recommendation. */
  overrideReason: z.string().trim().max(2000).nullable().default(null),
});

export const CreateAssessmentRequest = z.strictObject({
  /** The episode assessed; the patient's open episode when left out. */
  episodeId: Id.optional(),
  asamEdition: AsamEdition.default('3'),
});

/** The whole draft as the form holds it (autosave sends it all, with If-Match). */
export const SaveAssessmentRequest = z.strictObject({
  sections: AssessmentSectionsInput.default({}),
  asam: AsamInput.default({ edition: '3', ratings: [] }),
  levelOfCare: LevelOfCareDecision.default({ chosen: null, overrideReason: null }),
  /** The diagnoses this assessment sets or confirms; written to the episode when it is signed. */
  diagnoses: z.array(DiagnosisInput).max(12, { error: 'Record at most 12 diagnoses.' }).default([]),
  /** The instruments given at intake: ids of this patient's administrations. */
  administrationIds: z.array(Id).max(30).default([]),
});

export const SignAssessmentRequest = z.strictObject({
  typedName: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
});

export const AddAddendumRequest = z.strictObject({
  text: z.string().trim().min(1, { error: 'Write the addendum.' }).max(20_000),
  typedName: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
});

export const LevelOfCareRecommendation = z.object({
  edition: AsamEdition,
  level: z.string(),
  label: z.string(),
  withdrawalManagement: z.string().nullable(),
  reasons: z.array(z.string()),
  source: z.string(),
});

export const AssessmentAddendum = z.object({
  id: Id,
  text: z.string(),
  createdBy: Id,
  createdAt: Instant,
  signature: Signature,
});

export const Assessment = z.object({
  id: Id,
  patientId: Id,
  episodeId: Id,
  status: z.enum(['draft', 'signed']),
  sections: z.record(
    z.string(),
    z.object({
      narrative: z.string(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  asam: z.object({
    edition: AsamEdition,
    ratings: z.array(
      z.object({ dimension: z.number().int(), rating: z.number().int().nullable(), notes: z.string() }),
    ),
  }),
  /** What the rule recommends from the ratings (null until every rated dimension is rated). */
  recommendation: LevelOfCareRecommendation.nullable(),
  levelOfCare: z.object({ chosen: z.string().nullable(), overrideReason: z.string().nullable() }),
  diagnoses: z.array(z.object({ code: z.string(), primary: z.boolean() })),
  administrationIds: z.array(Id),
  /** What is still missing before it can be signed (empty when complete). */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  signature: Signature.nullable(),
  addenda: z.array(AssessmentAddendum),
  createdBy: Id,
  createdAt: Instant,
  updatedAt: Instant,
  signedAt: Instant.nullable(),
  version: z.number().int(),
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentSummary = Assessment.pick({
  id: true,
  patientId: true,
  episodeId: true,
  status: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  signedAt: true,
  version: true,
}).extend({ recommendedLevel: z.string().nullable(), chosenLevel: z.string().nullable() });
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;
