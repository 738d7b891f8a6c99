import type { FieldProblem } from '../errors.js';
import {
  ADOLESCENT_IOP_INTENSITY,
  ADULT_IOP_INTENSITY,
  type IntensityRule,
} from '../scheduling/intensity.js';

export const POPULATIONS = ['mental_health', 'substance_use', 'dual_diagnosis'] as const;
export type Population = (typeof POPULATIONS)[number];

export const AGE_GROUPS = ['adult', 'adolescent'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const MODALITIES = ['in_person', 'virtual', 'hybrid'] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * The levels of care a track can run. Trellis runs IOPs; outpatient and PHP tracks exist so a
 * step down or up is recorded as an episode at its own level (DOMAIN.md §2.1, ASAM 3rd edition:
 * 1 outpatient, 2.1 intensive outpatient, 2.5 partial hospitalization).
 */
export const LEVELS_OF_CARE = ['outpatient', 'iop', 'php'] as const;
export type LevelOfCare = (typeof LEVELS_OF_CARE)[number];

export const ASAM_LEVEL: Record<LevelOfCare, string> = { outpatient: '1', iop: '2.1', php: '2.5' };
export const LEVEL_OF_CARE_LABEL: Record<LevelOfCare, string> = {
  outpatient: 'Outpatient (ASAM 1)',
  iop: 'Intensive outpatient (ASAM 2.1)',
  php: 'Partial hospitalization (ASAM 2.5)',
};

/** The level of care in words; the ASAM level is named apart only where it is not the usual one. */
export function levelOfCareText(levelOfCare: LevelOfCare, asamLevel?: string | null): string {
  const label = LEVEL_OF_CARE_LABEL[levelOfCare] ?? levelOfCare;
  return asamLevel && asamLevel !== ASAM_LEVEL[levelOfCare]
    ? `${label}, recorded as ASAM ${asamLevel}`
    : label;
}

/** Which way a move between two levels goes: up is more intensive care. */
export function levelChange(from: LevelOfCare, to: LevelOfCare): 'step_up' | 'step_down' | 'transfer' {
  const rank = LEVELS_OF_CARE.indexOf(to) - LEVELS_OF_CARE.indexOf(from);
  return rank > 0 ? 'step_up' : rank < 0 ? 'step_down' : 'transfer';
}

export const TRACK_STATUSES = ['active', 'paused', 'archived'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/**
 * The weekly hours each level allows, by age group (DOMAIN.md §2.1). A track's own rule must
 * stay inside its level's band: below it is a lower level, above it a higher one.
 * - outpatient (ASAM 1): under 9 h/week for adults, under 6 for adolescents;
 * - IOP (ASAM 2.1): 9–19 h adults, 6–19 h adolescents (Medicare also certifies ≥ 9 h, §3.1);
 * - PHP (ASAM 2.5): 20 h or more.
 */
export function weeklyHoursBand(level: LevelOfCare, ageGroup: AgeGroup): { min: number; max: number } {
  const iopFloor = ageGroup === 'adult' ? 9 : 6;
  if (level === 'outpatient') return { min: 0, max: iopFloor - 0.25 };
  if (level === 'iop') return { min: iopFloor, max: 19 };
  return { min: 20, max: 60 };
}

/**
 * The rule a new track starts with. IOP: the scheduling module's defaults (adult 9 h over at
 * least 3 days, adolescent 6 h; 2–4 h a day: DOMAIN.md §2.1, §3.1, §3.5). Outpatient and PHP
 * day lengths are not set by any source in DOMAIN.md: these are working defaults a director
 * changes (PHP: 20 h over at least 4 days of 4–8 h; outpatient: up to 8.75 h on 1–5 days).
 */
export function defaultIntensity(level: LevelOfCare, ageGroup: AgeGroup): IntensityRule {
  if (level === 'iop') return { ...(ageGroup === 'adult' ? ADULT_IOP_INTENSITY : ADOLESCENT_IOP_INTENSITY) };
  if (level === 'php') {
    return {
      minHoursPerWeek: 20,
      maxHoursPerWeek: 40,
      minDaysPerWeek: 4,
      maxDaysPerWeek: 6,
      minHoursPerDay: 4,
      maxHoursPerDay: 8,
    };
  }
  return {
    minHoursPerWeek: 1,
    maxHoursPerWeek: weeklyHoursBand('outpatient', ageGroup).max,
    minDaysPerWeek: 1,
    maxDaysPerWeek: 5,
    minHoursPerDay: 0.5,
    maxHoursPerDay: 4,
  };
}

/** One day of a track's week, in the location's local time. */
export interface TrackDay {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  day: number;
  /** 'HH:MM', 24-hour. */
  start: string;
  end: string;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function hours(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} h`;
}

export function patternMinutes(pattern: readonly TrackDay[]): number {
  return pattern.reduce((sum, d) => sum + Math.max(0, minutesOf(d.end) - minutesOf(d.start)), 0);
}

/**
 * Whether a track's weekly pattern and intensity rule hold together, as field problems (empty
 * when they do): the rule inside its level's band, each day within the daily range, the week
 * reaching the minimum on enough days and not passing the maximum.
 */
export function trackProblems(track: {
  levelOfCare: LevelOfCare;
  ageGroup: AgeGroup;
  weeklyPattern: readonly TrackDay[];
  intensity: IntensityRule;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { intensity: rule, weeklyPattern: pattern } = track;
  const band = weeklyHoursBand(track.levelOfCare, track.ageGroup);
  const label = LEVEL_OF_CARE_LABEL[track.levelOfCare];

  if (rule.minHoursPerWeek < band.min) {
    problems.push({
      field: 'intensity.minHoursPerWeek',
      message: `${label} for ${track.ageGroup}s needs at least ${band.min} h a week; with less, choose a lower level of care.`,
    });
  }
  if (rule.maxHoursPerWeek > band.max) {
    problems.push({
      field: 'intensity.maxHoursPerWeek',
      message: `${label} for ${track.ageGroup}s runs at most ${band.max} h a week; with more, choose a higher level of care.`,
    });
  }

  const seen = new Set<number>();
  pattern.forEach((d, i) => {
    const name = WEEKDAY_NAMES[d.day - 1] ?? `Day ${d.day}`;
    if (seen.has(d.day)) {
      problems.push({
        field: `weeklyPattern.${i}.day`,
        message: `${name} is listed twice; give one time per day.`,
      });
    }
    seen.add(d.day);
    const minutes = minutesOf(d.end) - minutesOf(d.start);
    if (minutes <= 0) {
      problems.push({ field: `weeklyPattern.${i}.end`, message: `${name} ends before it starts.` });
    } else if (minutes < rule.minHoursPerDay * 60) {
      problems.push({
        field: `weeklyPattern.${i}.end`,
        message: `${name} is ${hours(minutes)}; a day in this track is at least ${hours(rule.minHoursPerDay * 60)}.`,
      });
    } else if (minutes > rule.maxHoursPerDay * 60) {
      problems.push({
        field: `weeklyPattern.${i}.end`,
        message: `${name} is ${hours(minutes)}; a day in this track is at most ${hours(rule.maxHoursPerDay * 60)}.`,
      });
    }
  });

  const total = patternMinutes(pattern);
  if (pattern.length < rule.minDaysPerWeek) {
    problems.push({
      field: 'weeklyPattern',
      message: `The track meets on ${pattern.length} ${pattern.length === 1 ? 'day' : 'days'} a week; it needs at least ${rule.minDaysPerWeek}.`,
    });
  } else if (pattern.length > rule.maxDaysPerWeek) {
    problems.push({
      field: 'weeklyPattern',
      message: `The track meets on ${pattern.length} days a week; it runs on at most ${rule.maxDaysPerWeek}.`,
    });
  }
  if (total < rule.minHoursPerWeek * 60) {
    problems.push({
      field: 'weeklyPattern',
      message: `The week has ${hours(total)}; this track needs at least ${hours(rule.minHoursPerWeek * 60)} a week.`,
    });
  } else if (total > rule.maxHoursPerWeek * 60) {
    problems.push({
      field: 'weeklyPattern',
      message: `The week has ${hours(total)}; this track runs at most ${hours(rule.maxHoursPerWeek * 60)} a week.`,
    });
  }
  return problems;
}

export type TrackCommand = 'pause' | 'activate' | 'archive';

/**
 * Track status changes. Paused tracks take no new admissions but keep their patients; archived
 * ones are closed for good unless reactivated. Archiving with open episodes is refused by the
 * caller (it knows the census).
 */
export function nextTrackStatus(
  from: TrackStatus,
  command: TrackCommand,
): { ok: true; status: TrackStatus } | { ok: false; message: string } {
  if (command === 'pause') {
    return from === 'active'
      ? { ok: true, status: 'paused' }
      : { ok: false, message: `Only an active track can be paused; this one is ${from}.` };
  }
  if (command === 'activate') {
    return from === 'active'
      ? { ok: false, message: 'This track is already active.' }
      : { ok: true, status: 'active' };
  }
  return from === 'archived'
    ? { ok: false, message: 'This track is already archived.' }
    : { ok: true, status: 'archived' };
}

export function isTrackStatus(value: string): value is TrackStatus {
  return (TRACK_STATUSES as readonly string[]).includes(value);
}
