import { z } from 'zod';
import { PLAN_SETTING_LIMITS } from '../plans/model.js';
import { Id, Instant } from './common.js';
import { Frequency, InterventionModality } from './plans.js';

/**
 * What a program sets for all its plans: the organization's template library (starter templates
 * copied in on first use, editable, archivable) and the plan rules (days to sign, review cadence,
 * co-signature).
 */

// ---- Template library ----

export const TemplateObjective = z.strictObject({
  text: z.string().trim().min(1, { error: 'Write the objective.' }).max(1000),
  measure: z.string().trim().min(1, { error: 'Say how it is measured.' }).max(500),
  /** The target date is this many weeks after the plan is started. */
  targetWeeks: z.number().int().min(1).max(52),
});
export const TemplateIntervention = z.strictObject({
  modality: InterventionModality,
  frequency: Frequency,
  description: z.string().trim().max(1000).default(''),
});
export const TemplateGoal = z.strictObject({
  text: z.string().trim().min(1, { error: 'Write the goal.' }).max(1000),
  objectives: z.array(TemplateObjective).min(1).max(10),
});
export const TemplateProblem = z.strictObject({
  statement: z.string().trim().min(1, { error: 'Write the problem.' }).max(1000),
  /** How the problem is linked when the template is used: the first episode diagnosis whose code starts with one of these, else the ASAM dimension. */
  link: z.strictObject({
    diagnosisPrefixes: z.array(z.string().trim().min(1).max(10)).max(20).default([]),
    asamDimension: z.number().int().min(1).max(6).nullable().default(null),
  }),
  goals: z.array(TemplateGoal).min(1).max(10),
  interventions: z.array(TemplateIntervention).min(1).max(15),
});
export const TemplateContent = z.strictObject({
  problems: z.array(TemplateProblem).min(1, { error: 'A template holds at least one problem.' }).max(10),
});
export type TemplateContent = z.output<typeof TemplateContent>;

export const PlanTemplate = z.object({
  id: Id,
  /** The starter template this row was seeded from (depression, anxiety, …); null for the organization's own. */
  starterKey: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  content: TemplateContent,
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const PlanTemplateListQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

export const CreatePlanTemplateRequest = z.strictObject({
  /** Start from a copy of this template; its content is used when content is left out. */
  copyOf: Id.optional(),
  title: z.string().trim().min(1, { error: 'Name the template.' }).max(120),
  description: z.string().trim().max(1000).default(''),
  content: TemplateContent.optional(),
});

export const UpdatePlanTemplateRequest = z.strictObject({
  title: z.string().trim().min(1, { error: 'Name the template.' }).max(120).optional(),
  description: z.string().trim().max(1000).optional(),
  content: TemplateContent.optional(),
  /** false archives it: hidden from the picker, kept for the record. */
  active: z.boolean().optional(),
});

// ---- Organization settings ----

export const PlanSettings = z.object({
  signDeadlineDays: z.number().int(),
  reviewCadenceDays: z.number().int(),
  cosignatureRequired: z.boolean(),
  /** 0 until the organization saves its own (the defaults apply). */
  version: z.number().int(),
});
export type PlanSettings = z.infer<typeof PlanSettings>;

export const SavePlanSettingsRequest = z.strictObject({
  signDeadlineDays: z
    .number()
    .int()
    .min(PLAN_SETTING_LIMITS.signDeadlineDays.min)
    .max(PLAN_SETTING_LIMITS.signDeadlineDays.max, { error: 'Use at most 30 days.' }),
  reviewCadenceDays: z
    .number()
    .int()
    .min(PLAN_SETTING_LIMITS.reviewCadenceDays.min, { error: 'Review at most weekly (7 days or more).' })
    .max(PLAN_SETTING_LIMITS.reviewCadenceDays.max, { error: 'Review at least every 180 days.' }),
  cosignatureRequired: z.boolean(),
});
