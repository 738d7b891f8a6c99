/**
 * Pure helpers for drawing a calendar: local dates and wall-clock times exactly as the API gives
 * them ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM', already in the location's zone), so nothing here
 * converts time zones. Date arithmetic runs on UTC midnights, which have no daylight saving.
 */

const DAY_MS = 86_400_000;

function utcOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoOf(new Date(utcOf(date).getTime() + days * DAY_MS));
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  const day = utcOf(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function weekDates(date: string): string[] {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_LONG = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 30 Nov". */
export function shortDay(date: string): string {
  return `${WEEKDAY_SHORT[isoWeekday(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** "Monday 30 November 2026"-ish, short month: "Monday 30 Nov 2026". */
export function longDay(date: string): string {
  return `${WEEKDAY_LONG[isoWeekday(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "30 Nov – 6 Dec 2026". */
export function rangeLabel(from: string, to: string): string {
  const d = (x: string) => `${Number(x.slice(8, 10))} ${MONTHS[Number(x.slice(5, 7)) - 1]}`;
  return from === to ? longDay(from) : `${d(from)} – ${d(to)} ${to.slice(0, 4)}`;
}

/** 'YYYY-MM-DDTHH:MM' → minutes since that day's midnight. */
export function minutesOf(local: string): number {
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

export function dateOf(local: string): string {
  return local.slice(0, 10);
}

/** "09:00–10:30": 24-hour clock, as the clinic's paper schedules print it. */
export function timeRange(start: string, end: string): string {
  return `${start.slice(11, 16)}–${end.slice(11, 16)}`;
}

/** "8 h 30 min", "9 h", "45 min". */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export interface Timed {
  start: string;
  end: string;
}

/** The hours to draw: at least 08:00–18:00, widened to every item's start and end. */
export function hourSpan(items: readonly Timed[]): { first: number; last: number } {
  let first = 8;
  let last = 18;
  for (const item of items) {
    first = Math.min(first, Math.floor(minutesOf(item.start) / 60));
    const endDay = dateOf(item.end) === dateOf(item.start) ? minutesOf(item.end) : 24 * 60;
    last = Math.max(last, Math.ceil(endDay / 60));
  }
  return { first, last: Math.min(last, 24) };
}

export interface Placed<T> {
  item: T;
  /** Side-by-side position among items that overlap in time. */
  lane: number;
  lanes: number;
}

/**
 * Lays out one day's items: overlapping items share the width in lanes (a clash shows as two
 * blocks side by side, never one hidden behind the other).
 */
export function placeInLanes<T extends Timed>(items: readonly T[]): Placed<T>[] {
  const sorted = [...items].sort(
    (a, b) => minutesOf(a.start) - minutesOf(b.start) || minutesOf(b.end) - minutesOf(a.end),
  );
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    const start = minutesOf(item.start);
    const end = dateOf(item.end) === dateOf(item.start) ? minutesOf(item.end) : 24 * 60;
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else {
      laneEnds[lane] = end;
    }
    clusterEnd = Math.max(start >= clusterEnd ? end : clusterEnd, end);
    const placed = { item, lane, lanes: 1 };
    cluster.push(placed);
    out.push(placed);
  }
  close();
  return out;
}
