import { z } from 'zod';
import { Id } from '../api/common.js';
import { TimeZone } from '../api/organization.js';
import { DomainError, type FieldProblem } from '../errors.js';
import { epochDayOf, isValidDate, minutesOfTime } from './dates.js';

export type { IsoWeekday } from './dates.js';

/** Recurring groups only: individual and family sessions are appointments, not series. */
export const GROUP_KINDS = [
  'process',
  'cbt_skills',
  'dbt_skills',
  'relapse_prevention',
  'life_skills',
  'psychoeducation',
  'family_group',
  'alumni',
] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof GroupKind>;

/** A track's longest day, unless the track says otherwise: IOP days run 2–4 hours (DESIGN.md). */
export const DEFAULT_MAX_DAILY_MINUTES = 240;

export const LocalDate = z
  .string()
  .refine(isValidDate, { error: 'Use a date as YYYY-MM-DD, such as 2026-03-09.' });

export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use a 24-hour time as HH:MM, such as 09:00.' });

export const IsoWeekdaySchema = z
  .number()
  .int()
  .min(1, { error: 'Weekdays are 1 (Monday) to 7 (Sunday).' })
  .max(7, { error: 'Weekdays are 1 (Monday) to 7 (Sunday).' });

export const GroupVenue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('room'), roomId: Id }),
  z.strictObject({ kind: z.literal('virtual') }),
]);
export type GroupVenue = z.infer<typeof GroupVenue>;

/**
 * A recurring group, defined in the location's local time. The weekly pattern repeats from
 * `startDate` to `endDate` (both inclusive; no end date = open-ended). `curriculumStartModule` is
 * the module of the first held session; it lets a series split off another keep the rotation going.
 */
export const GroupSeriesSchema = z.strictObject({
  id: Id,
  title: z.string().trim().min(1, { error: 'Enter the group title.' }).max(120),
  kind: GroupKind,
  weekdays: z
    .array(IsoWeekdaySchema)
    .min(1, { error: 'Choose at least one weekday.' })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b) as (1 | 2 | 3 | 4 | 5 | 6 | 7)[]),
  startTime: LocalTime,
  durationMinutes: z
    .number()
    .int({ error: 'Use whole minutes.' })
    .min(15, { error: 'A group runs at least 15 minutes.' }),
  startDate: LocalDate,
  endDate: LocalDate.nullable().default(null),
  timeZone: TimeZone,
  venue: GroupVenue,
  facilitatorIds: z
    .array(Id)
    .min(1, { error: 'Choose at least one facilitator.' })
    .transform((ids) => [...new Set(ids)]),
  capacity: z.number().int().min(1, { error: 'A group holds at least one person.' }).max(500),
  curriculum: z.array(z.string().trim().min(1, { error: 'Give every module a title.' }).max(200)).default([]),
  curriculumStartModule: z.number().int().min(0).default(0),
});
export type GroupSeriesInput = z.input<typeof GroupSeriesSchema>;
export type GroupSeries = z.output<typeof GroupSeriesSchema>;

/** What the caller knows about the track and the room, which the series itself does not carry. */
export interface SeriesLimits {
  /** The track's longest day in minutes; defaults to 240 (4 h). */
  maxDailyMinutes?: number;
  /** Capacity of the room in `venue`, when the venue is a room. */
  roomCapacity?: number;
}

/**
 * Parses and checks a series definition. Every problem is reported at once, each naming its
 * field, in one DomainError('validation').
 */
export function parseGroupSeries(input: unknown, limits: SeriesLimits = {}): GroupSeries {
  const parsed = GroupSeriesSchema.safeParse(input);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'series',
        message: issue.message,
      })),
    );
  }
  const problems = seriesProblems(parsed.data, limits);
  if (problems.length > 0) throw validationError(problems);
  return parsed.data;
}

/** The checks that span fields or need the track and room; zod has done the shapes. */
export function seriesProblems(series: GroupSeries, limits: SeriesLimits = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const maxDaily = limits.maxDailyMinutes ?? DEFAULT_MAX_DAILY_MINUTES;
  if (series.endDate !== null && epochDayOf(series.endDate) < epochDayOf(series.startDate)) {
    problems.push({
      field: 'endDate',
      message: `The end date ${series.endDate} is before the start date ${series.startDate}. Choose a later end date.`,
    });
  }
  if (series.durationMinutes > maxDaily) {
    problems.push({
      field: 'durationMinutes',
      message: `${series.durationMinutes} minutes is longer than this track's day of at most ${maxDaily} minutes. Shorten the group or split it in two.`,
    });
  } else if (minutesOfTime(series.startTime) + series.durationMinutes > 24 * 60) {
    // Hours are counted per day (intensity rules, per-diem billing): a group may not run past midnight.
    problems.push({
      field: 'durationMinutes',
      message: `Starting at ${series.startTime}, ${series.durationMinutes} minutes runs past midnight. Start earlier or shorten the group.`,
    });
  }
  if (series.weekdays.length === 0) {
    problems.push({ field: 'weekdays', message: 'Choose at least one weekday.' });
  }
  if (
    series.venue.kind === 'room' &&
    limits.roomCapacity !== undefined &&
    series.capacity > limits.roomCapacity
  ) {
    problems.push({
      field: 'capacity',
      message: `The room holds ${limits.roomCapacity} people; a capacity of ${series.capacity} does not fit. Lower the capacity or choose a larger room.`,
    });
  }
  const modules = series.curriculum.length;
  if (series.curriculumStartModule > 0 && series.curriculumStartModule >= Math.max(modules, 1)) {
    problems.push({
      field: 'curriculumStartModule',
      message: `The curriculum has ${modules} modules; the first module must be one of them (0 to ${Math.max(modules - 1, 0)}).`,
    });
  }
  return problems;
}

export function validationError(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? `${first.field}: ${first.message}`
      : `${problems.length} fields need attention: ${problems.map((p) => p.field).join(', ')}.`;
  return new DomainError('validation', message, problems);
}
