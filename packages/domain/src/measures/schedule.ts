import { DomainError, type FieldProblem } from '../errors.js';
import { isInstrumentCode } from '../instruments/registry.js';
import type { InstrumentCode } from '../instruments/types.js';
import { addDays } from '../patients/dates.js';
import type { Population } from '../programs/track.js';
import { calendarDaysBetween, zonedDate } from './calendar.js';

/**
 * A track's measurement schedule (measurement-based care: DESIGN.md "measures repeated"):
 * - admission: once, due on the admission date;
 * - interval: every `everyDays` days counted from the admission date (7 = weekly), the first
 *   occurrence on the admission date itself, so the intake score is the baseline;
 * - discharge: once, due in the week before the discharge date.
 * Days are the organization's local calendar days.
 */
export const SCHEDULE_TIMINGS = ['admission', 'interval', 'discharge'] as const;
export type ScheduleTiming = (typeof SCHEDULE_TIMINGS)[number];

export interface MeasureScheduleRule {
  readonly instrument: InstrumentCode;
  readonly timing: ScheduleTiming;
  /** interval only: days between occurrences (7 weekly, 14 every other week, 30 monthly). */
  readonly everyDays?: number;
  /** Days after the due date during which it is "due" rather than "overdue". */
  readonly graceDays?: number;
}

/** Grace before a due measure counts as overdue, when the rule gives none. */
export const DEFAULT_GRACE_DAYS: Readonly<Record<ScheduleTiming, number>> = {
  admission: 3,
  interval: 2,
  discharge: 2,
};

/**
 * Screening usually happens at intake, before the admission date: a score this many days
 * before admission counts for the admission measure (and for the first interval occurrence).
 * Longer would let a previous episode's discharge score stand in for a readmission's baseline.
 */
export const ADMISSION_LOOKBACK_DAYS = 14;

/** A discharge measure may be given in the days before the discharge date. */
export const DISCHARGE_WINDOW_DAYS = 7;

/**
 * How long after discharge a missing discharge measure stays on the list. After this the
 * episode is closed history and the measure is simply missing in the outcome report.
 */
export const DISCHARGE_FOLLOW_UP_DAYS = 14;

export interface EpisodeForSchedule {
  readonly admissionDate: string;
  /** The discharge date once discharged (or planned, where a caller knows it). */
  readonly dischargeDate: string | null;
  readonly status: 'pending' | 'active' | 'on_hold' | 'discharged';
}

export interface DueInput {
  readonly episode: EpisodeForSchedule;
  readonly schedule: readonly MeasureScheduleRule[];
  /** The instant of the patient's latest (not superseded) administration of each instrument. */
  readonly lastAdministered: Readonly<Partial<Record<InstrumentCode, Date>>>;
  readonly now: Date;
  /** IANA zone in which "today" and the day of each administration are read. */
  readonly timeZone: string;
}

export type DueStatus = 'due' | 'overdue';

export interface DueMeasure {
  readonly instrument: InstrumentCode;
  readonly timing: ScheduleTiming;
  /** The local day it became due. */
  readonly dueDate: string;
  /** The last local day on which it is merely due; after it, overdue. */
  readonly dueUntil: string;
  readonly status: DueStatus;
  /** interval: 0 on the admission date, 1 a period later, … ; 0 for admission and discharge. */
  readonly occurrence: number;
  /** The local day of the latest administration of this instrument, if any. */
  readonly lastAdministeredOn: string | null;
}

function grace(rule: MeasureScheduleRule): number {
  return rule.graceDays ?? DEFAULT_GRACE_DAYS[rule.timing];
}

function statusOn(today: string, dueDate: string, dueUntil: string): DueStatus | null {
  if (today < dueDate) return null;
  return today <= dueUntil ? 'due' : 'overdue';
}

function dueFor(
  rule: MeasureScheduleRule,
  episode: EpisodeForSchedule,
  today: string,
  last: string | null,
): DueMeasure | null {
  const { admissionDate, dischargeDate } = episode;
  const base = { instrument: rule.instrument, timing: rule.timing, lastAdministeredOn: last };
  const earliestForAdmission = addDays(admissionDate, -ADMISSION_LOOKBACK_DAYS);

  if (rule.timing === 'admission') {
    if (last !== null && last >= earliestForAdmission) return null;
    const dueUntil = addDays(admissionDate, grace(rule));
    const status = statusOn(today, admissionDate, dueUntil);
    return status ? { ...base, dueDate: admissionDate, dueUntil, status, occurrence: 0 } : null;
  }

  if (rule.timing === 'discharge') {
    if (dischargeDate === null) return null;
    const dueDate = addDays(dischargeDate, -DISCHARGE_WINDOW_DAYS);
    // Given in the window before discharge (or after the due date, late): done.
    if (last !== null && last >= dueDate) return null;
    const dueUntil = addDays(dischargeDate, grace(rule));
    const status = statusOn(today, dueDate, dueUntil);
    return status ? { ...base, dueDate, dueUntil, status, occurrence: 0 } : null;
  }

  // interval: the occurrence whose period holds today. No occurrence on or after discharge:
  // the discharge rule measures the end.
  const every = rule.everyDays ?? 7;
  const elapsed = calendarDaysBetween(admissionDate, today);
  if (elapsed < 0) return null;
  const occurrence = Math.floor(elapsed / every);
  const dueDate = addDays(admissionDate, occurrence * every);
  if (dischargeDate !== null && dueDate >= dischargeDate) return null;
  const windowStart = occurrence === 0 ? earliestForAdmission : dueDate;
  if (last !== null && last >= windowStart) return null;
  // A period is overdue after its grace, but never into the next period: by then the next
  // occurrence is the one due (the missed one shows as a gap in the outcome series).
  const dueUntil = addDays(dueDate, Math.min(grace(rule), every - 1));
  const status = statusOn(today, dueDate, dueUntil);
  return status ? { ...base, dueDate, dueUntil, status, occurrence } : null;
}

/**
 * The measures due or overdue today for one episode, from its admission date, the track's
 * schedule and the patient's latest administration of each instrument. Pure: `now` and the
 * zone are arguments. An episode on hold has nothing due (the person is not attending);
 * before the admission date nothing is due yet.
 */
export function dueMeasures(input: DueInput): DueMeasure[] {
  const { episode, schedule, now, timeZone } = input;
  if (episode.status === 'on_hold') return [];
  const today = zonedDate(now, timeZone);
  if (episode.status === 'discharged') {
    if (episode.dischargeDate === null) return [];
    if (calendarDaysBetween(episode.dischargeDate, today) > DISCHARGE_FOLLOW_UP_DAYS) return [];
  }
  const due: DueMeasure[] = [];
  for (const rule of schedule) {
    if (episode.status === 'discharged' && rule.timing !== 'discharge') continue;
    const at = input.lastAdministered[rule.instrument];
    const last = at ? zonedDate(at, timeZone) : null;
    const item = dueFor(rule, episode, today, last);
    if (item) due.push(item);
  }
  // Overdue first, then the earliest due; one line per instrument and timing.
  return due.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.instrument.localeCompare(b.instrument),
  );
}

/**
 * Checks a schedule a director saves: known instruments, an interval for interval rules only,
 * whole days in sensible ranges, and no instrument scheduled twice with the same timing.
 */
export function checkSchedule(rules: readonly unknown[]): MeasureScheduleRule[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const checked: MeasureScheduleRule[] = [];
  rules.forEach((raw, i) => {
    const rule = raw as Partial<Record<keyof MeasureScheduleRule, unknown>>;
    const at = `rules.${i}`;
    const instrument = String(rule.instrument ?? '');
    if (!isInstrumentCode(instrument)) {
      problems.push({
        field: `${at}.instrument`,
        message: `"${instrument}" is not an instrument of Trellis.`,
      });
      return;
    }
    const timing = rule.timing as ScheduleTiming;
    if (!SCHEDULE_TIMINGS.includes(timing)) {
      problems.push({ field: `${at}.timing`, message: 'Use admission, interval or discharge.' });
      return;
    }
    const every = rule.everyDays;
    if (timing === 'interval') {
      if (!Number.isInteger(every) || (every as number) < 1 || (every as number) > 90) {
        problems.push({
          field: `${at}.everyDays`,
          message: 'Say how often, in whole days from 1 to 90 (7 is weekly).',
        });
        return;
      }
    } else if (every !== undefined) {
      problems.push({
        field: `${at}.everyDays`,
        message: 'Only an interval rule repeats; remove everyDays.',
      });
      return;
    }
    const graceDays = rule.graceDays;
    if (
      graceDays !== undefined &&
      (!Number.isInteger(graceDays) || (graceDays as number) < 0 || (graceDays as number) > 30)
    ) {
      problems.push({ field: `${at}.graceDays`, message: 'Use whole days from 0 to 30.' });
      return;
    }
    const key = `${instrument}|${timing}`;
    if (seen.has(key)) {
      problems.push({
        field: `${at}.instrument`,
        message: `${instrument} is already scheduled at ${timing}.`,
      });
      return;
    }
    seen.add(key);
    checked.push({
      instrument,
      timing,
      ...(timing === 'interval' ? { everyDays: every as number } : {}),
      ...(graceDays !== undefined ? { graceDays: graceDays as number } : {}),
    });
  });
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      problems.length === 1 ? problems[0]!.message : `${problems.length} schedule rules need attention.`,
      problems,
    );
  }
  return checked;
}

/**
 * A starting schedule for a new track, by population (a director edits it): PHQ-9 and GAD-7
 * weekly for everyone; AUDIT and DAST-10 at admission and discharge where substance use is
 * treated (the example of issue 4).
 */
export function suggestedSchedule(population: Population): MeasureScheduleRule[] {
  const weekly: MeasureScheduleRule[] = [
    { instrument: 'phq9', timing: 'interval', everyDays: 7 },
    { instrument: 'gad7', timing: 'interval', everyDays: 7 },
  ];
  if (population === 'mental_health') return weekly;
  return [
    ...weekly,
    { instrument: 'audit', timing: 'admission' },
    { instrument: 'audit', timing: 'discharge' },
    { instrument: 'dast10', timing: 'admission' },
    { instrument: 'dast10', timing: 'discharge' },
  ];
}
