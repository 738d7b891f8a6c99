import {
  type AttendancePatternResult,
  checkAttendancePattern,
  type GroupSeries,
  type IntensityRule,
  type IsoWeekday,
} from '@trellis/domain';
import type { Series, Track } from './schedule-api';

/** The track's series that run on `asOf` (the day the pattern starts to count). */
export function runningOn(series: readonly Series[], asOf: string): Series[] {
  return series.filter((s) => s.startDate <= asOf && (s.endDate === null || s.endDate >= asOf));
}

/** Weekdays on which at least one of these series meets, Monday first. */
export function meetingDays(series: readonly Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.weekdays))].sort((a, b) => a - b);
}

/**
 * The week a pattern gives, against the track's rule: the same pure domain function the server
 * runs when the enrollment is saved (checkAttendancePattern), so the warning shown while days are
 * ticked is the one the server will give. The server stays the judge: it checks again on save.
 */
export function checkPattern(
  series: readonly Series[],
  weekdays: readonly number[],
  track: Track,
): AttendancePatternResult {
  return checkAttendancePattern(
    // The API's series carry the fields the domain reads (weekdays, times, duration), typed
    // more loosely (strings where the domain has literal unions); the server validated them.
    series as unknown as GroupSeries[],
    weekdays as IsoWeekday[],
    track.intensity as IntensityRule,
  );
}
