import { z } from 'zod';
import { EPISODE_STATUSES } from '../episodes/status.js';
import { LEVELS_OF_CARE } from '../programs/track.js';
import { Id } from './common.js';
import { PatientStatus } from './patients.js';

/** The tabs of the chart, in order. Later modules fill them; their counts start as null. */
export const CHART_TABS = [
  'overview',
  'assessments',
  'plan',
  'schedule',
  'attendance',
  'notes',
  'measures',
  'insurance',
  'consents',
  'documents',
  'episodes',
  'tasks',
] as const;
export type ChartTab = (typeof CHART_TABS)[number];

/**
 * What the always-visible chart header shows. A null means "not shown to your role" (episode,
 * safety risk) or "not counted yet" (tabs whose module does not exist yet).
 */
export const ChartHeader = z.object({
  patient: z.object({
    id: Id,
    mrn: z.string(),
    displayName: z.string(),
    preferredName: z.string().nullable(),
    legalFirstName: z.string(),
    legalLastName: z.string(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.string(),
    /** Whole years, in the organization's time zone today. */
    age: z.number().int(),
    status: PatientStatus,
  }),
  episode: z
    .object({
      id: Id,
      status: z.enum(EPISODE_STATUSES),
      admissionDate: z.string(),
      trackId: Id,
      trackName: z.string(),
      levelOfCare: z.enum(LEVELS_OF_CARE),
      asamLevel: z.string(),
      primaryClinician: z.object({ id: Id, name: z.string() }).nullable(),
    })
    .nullable(),
  flags: z.object({
    /** Some of the patient's records are protected under 42 CFR Part 2. */
    part2: z.boolean(),
    /** An open urgent risk task (risk alert, urgent screening); null when your role does not see them. */
    safetyRisk: z.boolean().nullable(),
  }),
  counts: z.record(z.enum(CHART_TABS), z.number().int().nullable()),
});
export type ChartHeader = z.infer<typeof ChartHeader>;
