import type { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.js';
import { nextStartModule } from './curriculum.js';
import { epochDayOf, epochDayOfPlainDate } from './dates.js';
import type { LocationClosure, SeriesException } from './exceptions.js';
import { heldSessionsBefore } from './expand.js';
import { isPatternDay, patternOf } from './pattern.js';
import { type GroupSeries, type GroupSeriesInput, parseGroupSeries, type SeriesLimits } from './series.js';

export type SeriesChanges = Partial<Omit<GroupSeriesInput, 'id' | 'startDate'>>;

export interface SplitOptions {
  /** Id of the new series (ids are made by the caller). */
  newId: string;
  /** What changes from `fromDate` on. */
  changes?: SeriesChanges;
  /** The old series' exceptions and its location's closures: needed to carry the curriculum on. */
  exceptions?: readonly SeriesException[];
  closures?: readonly LocationClosure[];
  limits?: SeriesLimits;
}

export interface SeriesSplit {
  /** The old series, now ending the day before `fromDate`: its history stays as it was. */
  ended: GroupSeries;
  /** The new series from `fromDate`, with the changes applied and validated. */
  next: GroupSeries;
  /** Exceptions from `fromDate` on, now keyed to the new series. Store them in place of the old. */
  carriedExceptions: SeriesException[];
  /** Exceptions from `fromDate` on for dates the new pattern has no session on: tell the user. */
  droppedExceptions: SeriesException[];
}

/**
 * "This and all future sessions": ends the series the day before `fromDate` and starts a new one
 * on `fromDate` with the changes. Unless the curriculum itself changes, the new series picks up
 * the rotation at the module the old one would have taught next, so nobody repeats or misses one.
 */
export function splitSeriesAt(
  series: GroupSeries,
  fromDate: Temporal.PlainDate,
  options: SplitOptions,
): SeriesSplit {
  const fromDay = epochDayOfPlainDate(fromDate);
  if (fromDay <= epochDayOf(series.startDate)) {
    throw DomainError.invalid(
      'fromDate',
      `${series.title} starts on ${series.startDate}; to change it from its first session, edit the series itself.`,
    );
  }
  if (series.endDate !== null && fromDay > epochDayOf(series.endDate)) {
    throw DomainError.invalid(
      'fromDate',
      `${series.title} ends on ${series.endDate}; there are no sessions from ${fromDate.toString()} to change.`,
    );
  }

  const changes = options.changes ?? {};
  const curriculumChanged =
    changes.curriculum !== undefined && changes.curriculum.join('\n') !== series.curriculum.join('\n');
  const held = heldSessionsBefore(series, options.exceptions ?? [], options.closures ?? [], fromDate);
  const startModule = curriculumChanged
    ? (changes.curriculumStartModule ?? 0)
    : nextStartModule(series.curriculum.length, held, series.curriculumStartModule);

  const next = parseGroupSeries(
    {
      ...series,
      ...changes,
      id: options.newId,
      startDate: fromDate.toString(),
      curriculumStartModule: startModule,
    },
    options.limits,
  );
  const ended: GroupSeries = { ...series, endDate: fromDate.subtract({ days: 1 }).toString() };

  const nextPattern = patternOf(next);
  const carriedExceptions: SeriesException[] = [];
  const droppedExceptions: SeriesException[] = [];
  for (const exception of options.exceptions ?? []) {
    if (exception.seriesId !== series.id) continue;
    const day = epochDayOf(exception.date);
    if (day < fromDay) continue;
    if (isPatternDay(nextPattern, day)) carriedExceptions.push({ ...exception, seriesId: next.id });
    else droppedExceptions.push(exception);
  }
  return { ended, next, carriedExceptions, droppedExceptions };
}
