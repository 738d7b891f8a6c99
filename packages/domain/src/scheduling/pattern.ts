import { countWeekdaysBetween, epochDayOf, weekdayOfEpochDay } from './dates.js';
import type { GroupSeries } from './series.js';

/** A series' weekly pattern as integers, computed once per expansion. */
export interface SeriesPattern {
  weekdays: ReadonlySet<number>;
  firstDay: number;
  /** Inclusive; Infinity when the series is open-ended. */
  lastDay: number;
}

export function patternOf(series: GroupSeries): SeriesPattern {
  return {
    weekdays: new Set(series.weekdays),
    firstDay: epochDayOf(series.startDate),
    lastDay: series.endDate === null ? Number.POSITIVE_INFINITY : epochDayOf(series.endDate),
  };
}

/** Whether the weekly pattern puts a session on this day (before any exception or closure). */
export function isPatternDay(pattern: SeriesPattern, day: number): boolean {
  return day >= pattern.firstDay && day <= pattern.lastDay && pattern.weekdays.has(weekdayOfEpochDay(day));
}

/** Pattern days from the first day of the series up to, not including, `day`. */
export function patternDaysBefore(pattern: SeriesPattern, day: number): number {
  return countWeekdaysBetween(pattern.firstDay, Math.min(day, pattern.lastDay + 1), pattern.weekdays);
}

/** Whether the series has a session on `date` ('YYYY-MM-DD') by its weekly pattern. */
export function seriesMeetsOn(series: GroupSeries, date: string): boolean {
  return isPatternDay(patternOf(series), epochDayOf(date));
}
