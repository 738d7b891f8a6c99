import type { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.js';
import { type CurriculumModule, moduleForSession } from './curriculum.js';
import {
  dateOfEpochDay,
  epochDayOf,
  epochDayOfPlainDate,
  minutesOfTime,
  weekdayOfEpochDay,
} from './dates.js';
import {
  type Cancellation,
  cancelledBefore,
  type ExceptionIndex,
  indexExceptions,
  type LocationClosure,
  type OccurrenceChanges,
  type SeriesException,
} from './exceptions.js';
import { patternDaysBefore, patternOf, type SeriesPattern } from './pattern.js';
import type { GroupKind, GroupSeries, GroupVenue } from './series.js';
import { ZoneClock } from './zone-clock.js';

/*
 * Why our own expansion and not rrule-temporal (2.2.8, MIT; tried on Node 20.20, where it runs
 * though it declares no engines): it parses RFC 5545 RRULE strings, bundles a second copy of
 * temporal-polyfill (~180 kB minified) beside ours in a package that also ships to the browser,
 * and, following RFC 5545 §3.3.10, drops an instance whose local time falls in a DST gap. Our
 * series are only "these weekdays at this local time", and numbering held sessions for the
 * curriculum needs our own counting either way; that is about 60 lines below.
 *
 * Daylight saving: a series is defined in local time, so each date's start is resolved in the
 * location's zone on that date (zone-clock.ts): 09:00 stays 09:00 across both changes. A local
 * time that does not exist that day (02:30 on a spring-forward day) uses Temporal's 'compatible'
 * disambiguation: the session moves later by the gap (02:30 → 03:30) and says so in
 * `shiftedByDst`, rather than silently disappearing as RFC 5545 would have it — a clinic must not
 * lose a session without anyone noticing. A repeated time (01:30 on a fall-back day) takes the
 * first, daylight one. Duration is elapsed time, so a session spanning a change ends by the clock
 * that follows it.
 */

export type OccurrenceStatus = 'scheduled' | 'cancelled' | 'moved';

/** Both ends inclusive, in the location's calendar. */
export interface DateRange {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

/** Longest range one call expands: bounded, so one request cannot ask for centuries. */
export const MAX_EXPANSION_DAYS = 732;

export interface Occurrence {
  /** Stable across edits: `${seriesId}/${originalDate}`. */
  key: string;
  seriesId: string;
  title: string;
  kind: GroupKind;
  /** The date the weekly pattern gives this session, which identifies it even after a move. */
  originalDate: string;
  status: OccurrenceStatus;
  /** Wall-clock start and end in `timeZone`. */
  localStart: Temporal.PlainDateTime;
  localEnd: Temporal.PlainDateTime;
  timeZone: string;
  /** The same instants in UTC, as ISO strings and as epoch milliseconds. */
  startUtc: string;
  endUtc: string;
  startEpochMs: number;
  endEpochMs: number;
  /** The start time does not exist on that day (spring-forward gap) and was moved later by the gap. */
  shiftedByDst: boolean;
  /**
   * 0-based number of this held session within the series, counted in pattern order (a moved
   * session keeps its place); null when it is not held.
   */
  index: number | null;
  module: CurriculumModule | null;
  facilitatorIds: string[];
  venue: GroupVenue;
  cancellation: Cancellation | null;
}

/**
 * The occurrences of one series whose (possibly moved) date lies in `range`, earliest first, with
 * exceptions and closure days applied and curriculum modules assigned by held-session number.
 */
export function expandSeries(
  series: GroupSeries,
  exceptions: readonly SeriesException[],
  closures: readonly LocationClosure[],
  range: DateRange,
): Occurrence[] {
  return expandWith(new ZoneClock(), series, exceptions, closures, rangeDays(range)).sort(byStart);
}

function expandWith(
  clock: ZoneClock,
  series: GroupSeries,
  exceptions: readonly SeriesException[],
  closures: readonly LocationClosure[],
  { fromDay, toDay }: { fromDay: number; toDay: number },
): Occurrence[] {
  const pattern = patternOf(series);
  const index = indexExceptions(series, exceptions, closures, pattern);
  const out: Occurrence[] = [];
  const inRange = (day: number) => day >= fromDay && day <= toDay;

  const last = Math.min(toDay, pattern.lastDay);
  for (let day = Math.max(fromDay, pattern.firstDay); day <= last; day++) {
    if (!pattern.weekdays.has(weekdayOfEpochDay(day))) continue;
    const changes = index.byDay.get(day);
    if (changes?.move && !inRange(epochDayOf(changes.move.toDate))) continue;
    out.push(buildOccurrence(clock, series, pattern, index, day, changes));
  }
  // Sessions moved into the range from a date outside it.
  for (const move of index.moves) {
    const originalDay = epochDayOf(move.date);
    if (inRange(originalDay)) continue;
    if (!inRange(epochDayOf(move.toDate))) continue;
    out.push(buildOccurrence(clock, series, pattern, index, originalDay, index.byDay.get(originalDay)));
  }
  return out;
}

/** Several series at one location (the closures apply to all of them), merged earliest first. */
export function expandAllSeries(
  seriesList: readonly GroupSeries[],
  exceptions: readonly SeriesException[],
  closures: readonly LocationClosure[],
  range: DateRange,
): Occurrence[] {
  const bySeries = new Map<string, SeriesException[]>();
  for (const exception of exceptions) {
    const list = bySeries.get(exception.seriesId) ?? [];
    list.push(exception);
    bySeries.set(exception.seriesId, list);
  }
  const days = rangeDays(range);
  const clock = new ZoneClock();
  return seriesList
    .flatMap((series) => expandWith(clock, series, bySeries.get(series.id) ?? [], closures, days))
    .sort(byStart);
}

/**
 * How many sessions of the series are held before `date` (cancelled and closed days excluded):
 * the index the session on `date` would get.
 */
export function heldSessionsBefore(
  series: GroupSeries,
  exceptions: readonly SeriesException[],
  closures: readonly LocationClosure[],
  date: Temporal.PlainDate,
): number {
  const pattern = patternOf(series);
  const day = epochDayOfPlainDate(date);
  return (
    patternDaysBefore(pattern, day) -
    cancelledBefore(indexExceptions(series, exceptions, closures, pattern), day)
  );
}

function byStart(a: Occurrence, b: Occurrence): number {
  return a.startEpochMs - b.startEpochMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function rangeDays(range: DateRange): { fromDay: number; toDay: number } {
  const fromDay = epochDayOfPlainDate(range.from);
  const toDay = epochDayOfPlainDate(range.to);
  if (toDay < fromDay) {
    throw DomainError.invalid('range.to', 'The end of the range is before its start.');
  }
  if (toDay - fromDay + 1 > MAX_EXPANSION_DAYS) {
    throw DomainError.invalid('range', `Ask for at most ${MAX_EXPANSION_DAYS} days at a time.`);
  }
  return { fromDay, toDay };
}

function buildOccurrence(
  clock: ZoneClock,
  series: GroupSeries,
  pattern: SeriesPattern,
  index: ExceptionIndex,
  originalDay: number,
  changes: OccurrenceChanges | undefined,
): Occurrence {
  const originalDate = dateOfEpochDay(originalDay);
  const move = changes?.move;
  const time = clock.resolve(
    series.timeZone,
    move ? epochDayOf(move.toDate) : originalDay,
    minutesOfTime(move ? move.toStartTime : series.startTime),
    series.durationMinutes,
  );
  const cancellation = changes?.cancellation ?? null;
  const heldIndex = cancellation
    ? null
    : patternDaysBefore(pattern, originalDay) - cancelledBefore(index, originalDay);
  return {
    key: `${series.id}/${originalDate}`,
    seriesId: series.id,
    title: series.title,
    kind: series.kind,
    originalDate,
    status: cancellation ? 'cancelled' : move ? 'moved' : 'scheduled',
    localStart: time.localStart,
    localEnd: time.localEnd,
    timeZone: series.timeZone,
    startUtc: new Date(time.startEpochMs).toISOString(),
    endUtc: new Date(time.endEpochMs).toISOString(),
    startEpochMs: time.startEpochMs,
    endEpochMs: time.endEpochMs,
    shiftedByDst: time.shifted,
    index: heldIndex,
    module:
      heldIndex === null
        ? null
        : moduleForSession(series.curriculum, heldIndex, series.curriculumStartModule),
    facilitatorIds: facilitatorsFor(series.facilitatorIds, changes),
    venue: move?.toVenue ?? series.venue,
    cancellation,
  };
}

function facilitatorsFor(ids: readonly string[], changes: OccurrenceChanges | undefined): string[] {
  let result = [...ids];
  for (const sub of changes?.substitutions ?? []) {
    // A substitution for someone no longer on the series is moot, so it changes nothing.
    if (!result.includes(sub.absentFacilitatorId)) continue;
    result = result.map((id) => (id === sub.absentFacilitatorId ? sub.substituteFacilitatorId : id));
  }
  return [...new Set(result)];
}
