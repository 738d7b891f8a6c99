import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { epochDayOf, epochDayOfPlainDate, minutesOfTime, weekdayOfEpochDay } from './dates.js';
import type { OccurrenceStatus } from './expand.js';
import type { GroupSeries, IsoWeekday } from './series.js';

/**
 * How much treatment a track plans per participant per week. Thresholds differ by payer and
 * state, so they are configuration (DOMAIN.md §3.5: "make them configuration"); these are the
 * defaults a new track starts with.
 */
export const IntensityRule = z
  .strictObject({
    minHoursPerWeek: z.number().min(0).max(60),
    maxHoursPerWeek: z.number().min(0).max(60),
    minDaysPerWeek: z.number().int().min(0).max(7),
    maxDaysPerWeek: z.number().int().min(1).max(7),
    minHoursPerDay: z.number().min(0).max(24),
    maxHoursPerDay: z.number().min(0).max(24),
  })
  .refine((r) => r.minHoursPerWeek <= r.maxHoursPerWeek, {
    error: 'The weekly minimum is above the weekly maximum.',
    path: ['minHoursPerWeek'],
  })
  .refine((r) => r.minDaysPerWeek <= r.maxDaysPerWeek, {
    error: 'The minimum days are above the maximum days.',
    path: ['minDaysPerWeek'],
  })
  .refine((r) => r.minHoursPerDay <= r.maxHoursPerDay, {
    error: 'The daily minimum is above the daily maximum.',
    path: ['minHoursPerDay'],
  });
export type IntensityRule = z.infer<typeof IntensityRule>;

/**
 * Adults. ≥ 9 h/week: the Medicare IOP benefit (physician certifies a need for ≥ 9 h of IOP
 * services a week, DOMAIN.md §3.1–3.2) and ASAM Level 2.1 (9–19 h/week, §2.1). ≤ 19 h/week: the
 * top of Level 2.1; 20 h or more is partial hospitalization (§2.1; Noridian's 9–19 h, §3.1).
 * ≥ 3 days: not a Medicare rule — H0015 programs run ≥ 3 days a week (§3.5) and DESIGN.md's IOP
 * is 3–5 sessions a week. 2–4 h a day and ≤ 5 days: DESIGN.md ("3–5 sessions a week of 2–4 hours
 * each"); TRICARE also asks ≥ 2 h a day (§3.5). Payers asking ≥ 3 h a day (H0015, NY IOS) need
 * their own rule.
 */
export const ADULT_IOP_INTENSITY: IntensityRule = Object.freeze({
  minHoursPerWeek: 9,
  maxHoursPerWeek: 19,
  minDaysPerWeek: 3,
  maxDaysPerWeek: 5,
  minHoursPerDay: 2,
  maxHoursPerDay: 4,
});

/** Adolescents: ASAM Level 2.1 is 6–19 h/week (DOMAIN.md §2.1); days and daily hours as adults. */
export const ADOLESCENT_IOP_INTENSITY: IntensityRule = Object.freeze({
  ...ADULT_IOP_INTENSITY,
  minHoursPerWeek: 6,
});

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type IntensityFlag =
  | 'under_hours'
  | 'too_few_days'
  | 'day_over_max'
  | 'day_under_min'
  | 'over_scheduled';

export interface IntensityProblem {
  flag: IntensityFlag;
  /** The day at fault, for the per-day flags. */
  day?: string;
  message: string;
}

/** One planned session of the participant: a group occurrence, or an individual or family session. */
export interface PlannedSession {
  /** Its local start decides which day it counts for. */
  localStart: Temporal.PlainDateTime;
  startEpochMs: number;
  endEpochMs: number;
  /** Cancelled sessions do not count. */
  status?: OccurrenceStatus;
}

export interface DayIntensity {
  /** 'YYYY-MM-DD' for a week's plan; the weekday name for an attendance pattern. */
  day: string;
  /** The day as messages name it: "Tuesday 2026-03-10", or "Tuesday". */
  label: string;
  minutes: number;
  hours: number;
  sessions: number;
}

export interface IntensityResult {
  sessions: number;
  days: number;
  totalMinutes: number;
  totalHours: number;
  perDay: DayIntensity[];
  flags: IntensityFlag[];
  problems: IntensityProblem[];
  /** The weekly hours and days reach the rule's minimum. */
  meetsMinimum: boolean;
}

/**
 * One participant's planned week, [weekStart, weekStart + 7 days), against the track's rule.
 * Hours are elapsed time; sessions that overlap (a double booking) count their shared time once.
 */
export function weeklyIntensity(
  sessions: readonly PlannedSession[],
  weekStart: Temporal.PlainDate,
  rule: IntensityRule = ADULT_IOP_INTENSITY,
): IntensityResult & { weekStart: string } {
  const firstDay = epochDayOfPlainDate(weekStart);
  const byDay = new Map<string, PlannedSession[]>();
  for (const session of sessions) {
    if (session.status === 'cancelled') continue;
    const date = session.localStart.toPlainDate().toString();
    const day = epochDayOf(date);
    if (day < firstDay || day >= firstDay + 7) continue;
    byDay.set(date, [...(byDay.get(date) ?? []), session]);
  }
  const perDay = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, list]) => {
      const minutes = unionMinutes(list.map((s) => [s.startEpochMs / 60_000, s.endEpochMs / 60_000]));
      const label = `${WEEKDAY_NAMES[weekdayOfEpochDay(epochDayOf(day)) - 1]} ${day}`;
      return { day, label, minutes, hours: minutes / 60, sessions: list.length };
    });
  return { weekStart: weekStart.toString(), ...evaluate(perDay, rule) };
}

export interface PatternDay extends DayIntensity {
  weekday: IsoWeekday;
  seriesIds: string[];
}

export interface AttendancePatternResult extends IntensityResult {
  perDay: PatternDay[];
  /** Chosen weekdays on which the track runs no group. */
  emptyWeekdays: IsoWeekday[];
  /**
   * Below the minimum: allowed only with a documented reason (a step-down week, work hours;
   * DOMAIN.md §2.1 notes payers accepting 1–2 weeks below it). The caller decides and records why.
   */
  needsDocumentedReason: boolean;
}

/**
 * The week a participant gets by attending the track's groups only on `chosenWeekdays` (Mon, Wed,
 * Thu because of work, say). With `asOf`, only series running on that date count.
 */
export function checkAttendancePattern(
  trackSeries: readonly GroupSeries[],
  chosenWeekdays: readonly IsoWeekday[],
  rule: IntensityRule = ADULT_IOP_INTENSITY,
  asOf?: Temporal.PlainDate,
): AttendancePatternResult {
  const asOfDay = asOf ? epochDayOfPlainDate(asOf) : undefined;
  const running = trackSeries.filter(
    (s) =>
      asOfDay === undefined ||
      (epochDayOf(s.startDate) <= asOfDay && (s.endDate === null || epochDayOf(s.endDate) >= asOfDay)),
  );
  const weekdays = [...new Set(chosenWeekdays)].sort((a, b) => a - b);
  const perDay: PatternDay[] = [];
  const emptyWeekdays: IsoWeekday[] = [];
  for (const weekday of weekdays) {
    const that = running.filter((s) => s.weekdays.includes(weekday));
    if (that.length === 0) {
      emptyWeekdays.push(weekday);
      continue;
    }
    const minutes = unionMinutes(
      that.map((s) => [minutesOfTime(s.startTime), minutesOfTime(s.startTime) + s.durationMinutes]),
    );
    const name = WEEKDAY_NAMES[weekday - 1] as string;
    perDay.push({
      day: name,
      label: name,
      weekday,
      minutes,
      hours: minutes / 60,
      sessions: that.length,
      seriesIds: that.map((s) => s.id),
    });
  }
  const result = evaluate(perDay, rule);
  return { ...result, perDay, emptyWeekdays, needsDocumentedReason: !result.meetsMinimum };
}

function evaluate<D extends DayIntensity>(
  perDay: D[],
  rule: IntensityRule,
): IntensityResult & { perDay: D[] } {
  const totalMinutes = perDay.reduce((sum, d) => sum + d.minutes, 0);
  const days = perDay.length;
  const problems: IntensityProblem[] = [];
  const minWeek = Math.round(rule.minHoursPerWeek * 60);
  if (totalMinutes < minWeek) {
    problems.push({
      flag: 'under_hours',
      message: `${duration(totalMinutes)} planned a week; this track needs at least ${duration(minWeek)}.`,
    });
  }
  if (days < rule.minDaysPerWeek) {
    problems.push({
      flag: 'too_few_days',
      message: `Sessions on ${days} ${days === 1 ? 'day' : 'days'} a week; this track needs at least ${rule.minDaysPerWeek}.`,
    });
  }
  for (const d of perDay) {
    if (d.minutes > Math.round(rule.maxHoursPerDay * 60)) {
      problems.push({
        flag: 'day_over_max',
        day: d.day,
        message: `${d.label} has ${duration(d.minutes)} planned; a day in this track is at most ${duration(rule.maxHoursPerDay * 60)}.`,
      });
    } else if (d.minutes < Math.round(rule.minHoursPerDay * 60)) {
      problems.push({
        flag: 'day_under_min',
        day: d.day,
        message: `${d.label} has ${duration(d.minutes)} planned; a day in this track is at least ${duration(rule.minHoursPerDay * 60)}.`,
      });
    }
  }
  const maxWeek = Math.round(rule.maxHoursPerWeek * 60);
  if (totalMinutes > maxWeek) {
    problems.push({
      flag: 'over_scheduled',
      message: `${duration(totalMinutes)} planned a week is more than this track's ${duration(maxWeek)}; 20 hours or more a week is partial hospitalization, not intensive outpatient.`,
    });
  }
  if (days > rule.maxDaysPerWeek) {
    problems.push({
      flag: 'over_scheduled',
      message: `Sessions on ${days} days a week; this track runs at most ${rule.maxDaysPerWeek}.`,
    });
  }
  const flags = [...new Set(problems.map((p) => p.flag))];
  return {
    sessions: perDay.reduce((sum, d) => sum + d.sessions, 0),
    days,
    totalMinutes,
    totalHours: totalMinutes / 60,
    perDay,
    flags,
    problems,
    meetsMinimum: !flags.includes('under_hours') && !flags.includes('too_few_days'),
  };
}

/** Total length of a set of [start, end) intervals in minutes, shared time counted once. */
function unionMinutes(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let run: [number, number] | null = null;
  for (const [start, end] of sorted) {
    if (run === null || start > run[1]) {
      if (run) total += run[1] - run[0];
      run = [start, end];
    } else if (end > run[1]) {
      run[1] = end;
    }
  }
  if (run) total += run[1] - run[0];
  return Math.round(total);
}

/** 510 → "8 h 30 min"; 540 → "9 h". */
function duration(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
