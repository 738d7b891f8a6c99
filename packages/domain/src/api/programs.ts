import { z } from 'zod';
import { AGE_GROUPS, LEVELS_OF_CARE, MODALITIES, POPULATIONS, TRACK_STATUSES } from '../programs/track.js';
import { IntensityRule } from '../scheduling/intensity.js';
import { IsoWeekdaySchema, LocalTime } from '../scheduling/series.js';
import { Id } from './common.js';

export const Population = z.enum(POPULATIONS);
export const AgeGroup = z.enum(AGE_GROUPS);
export const Modality = z.enum(MODALITIES);
export const LevelOfCare = z.enum(LEVELS_OF_CARE);
export const TrackStatus = z.enum(TRACK_STATUSES);

export const TrackDay = z.strictObject({ day: IsoWeekdaySchema, start: LocalTime, end: LocalTime });

export const TrackInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the track name.' }).max(120),
  description: z.string().trim().max(2000).nullable().optional(),
  population: Population,
  ageGroup: AgeGroup,
  levelOfCare: LevelOfCare,
  modality: Modality,
  locationId: Id,
  capacity: z.number().int().min(1, { error: 'A track takes at least one patient.' }).max(500),
  weeklyPattern: z
    .array(TrackDay)
    .min(1, { error: 'Give the days and times the track meets.' })
    .max(7, { error: 'A week has seven days.' }),
  /** Omitted: the defaults of the level of care and age group. */
  intensity: IntensityRule.optional(),
});

export const TrackCensus = z.object({
  /** Pending, active and on-hold episodes: the places taken. */
  open: z.number().int(),
  active: z.number().int(),
  pending: z.number().int(),
  onHold: z.number().int(),
});

export const Track = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  population: Population,
  ageGroup: AgeGroup,
  levelOfCare: LevelOfCare,
  asamLevel: z.string(),
  modality: Modality,
  locationId: Id,
  capacity: z.number().int(),
  weeklyPattern: z.array(z.object({ day: z.number().int(), start: z.string(), end: z.string() })),
  weeklyHours: z.number(),
  intensity: z.object({
    minHoursPerWeek: z.number(),
    maxHoursPerWeek: z.number(),
    minDaysPerWeek: z.number(),
    maxDaysPerWeek: z.number(),
    minHoursPerDay: z.number(),
    maxHoursPerDay: z.number(),
  }),
  status: TrackStatus,
  census: TrackCensus,
  version: z.number().int(),
});
export type Track = z.infer<typeof Track>;

export const TrackListQuery = z.strictObject({
  status: TrackStatus.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
