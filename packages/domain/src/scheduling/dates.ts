import { Temporal } from 'temporal-polyfill';

/**
 * Calendar-date arithmetic on plain integers (days since 1970-01-01). Expansion walks thousands of
 * dates; doing that with Temporal objects costs microseconds each, while an integer costs nothing.
 * Temporal is still used wherever a time zone is involved.
 */

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01. The string is assumed valid (schemas check it). */
export function epochDayOf(date: string): number {
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(d.getTime() / DAY_MS);
}

export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function epochDayOfPlainDate(date: Temporal.PlainDate): number {
  return epochDayOf(date.toString());
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** 'HH:MM' → minutes after midnight. */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOfMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** How many days in [fromDay, toDay) fall on one of `weekdays`, without walking them. */
export function countWeekdaysBetween(fromDay: number, toDay: number, weekdays: ReadonlySet<number>): number {
  if (toDay <= fromDay) return 0;
  const span = toDay - fromDay;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * weekdays.size;
  for (let day = fromDay + fullWeeks * 7; day < toDay; day++) {
    if (weekdays.has(weekdayOfEpochDay(day))) count++;
  }
  return count;
}

/** Index of the first element of a sorted array that is >= value. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
