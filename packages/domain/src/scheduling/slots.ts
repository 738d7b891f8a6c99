import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.js';
import { dateOfEpochDay, epochDayOfPlainDate, weekdayOfEpochDay } from './dates.js';
import { type DateRange, MAX_EXPANSION_DAYS } from './expand.js';
import type { IsoWeekday } from './series.js';

/** A stretch of local time in a day: 'HH:MM' to 'HH:MM' ('24:00' ends at midnight). */
export interface TimeWindow {
  start: string;
  end: string;
}

/** Recurring windows by ISO weekday; a weekday left out has none. */
export type WeeklyWindows = Partial<Record<IsoWeekday, readonly TimeWindow[]>>;

/** Anything with a start and an end: bookings and occurrences fit as they are. */
export interface BusyInterval {
  startEpochMs: number;
  endEpochMs: number;
}

export interface SlotRequest {
  /** The location's zone: windows and proposals are on its clocks. */
  timeZone: string;
  range: DateRange;
  durationMinutes: number;
  /** Candidate starts fall on this grid from midnight; default 15. */
  stepMinutes?: number;
  clinicianWorkingHours: WeeklyWindows;
  /** When the participant can come; absent means whenever the clinician works. */
  participantAvailability?: WeeklyWindows;
  busy: {
    clinician?: readonly BusyInterval[];
    room?: readonly BusyInterval[];
    participant?: readonly BusyInterval[];
  };
  /** How many proposals at most; default 10. */
  limit?: number;
  /** Nothing earlier than this (the current time, passed in). */
  notBeforeEpochMs?: number;
}

export interface ProposedSlot {
  localStart: Temporal.PlainDateTime;
  localEnd: Temporal.PlainDateTime;
  startEpochMs: number;
  endEpochMs: number;
  startUtc: string;
}

const MAX_SLOTS = 100;

/**
 * Up to `limit` start times, earliest first, at which the clinician works, the participant is
 * available, and none of the clinician, the room or the participant is busy for the whole
 * duration. Local times that do not exist (the spring-forward gap) are never proposed.
 */
export function proposeSlots(request: SlotRequest): ProposedSlot[] {
  const step = request.stepMinutes ?? 15;
  const limit = Math.min(request.limit ?? 10, MAX_SLOTS);
  const duration = request.durationMinutes;
  if (!Number.isInteger(duration) || duration < 5) {
    throw DomainError.invalid('durationMinutes', 'Use a whole number of minutes, 5 or more.');
  }
  if (!Number.isInteger(step) || step < 5 || step > 24 * 60) {
    throw DomainError.invalid('stepMinutes', 'Use a whole number of minutes from 5 to 1440.');
  }
  const fromDay = epochDayOfPlainDate(request.range.from);
  const toDay = epochDayOfPlainDate(request.range.to);
  if (toDay < fromDay) throw DomainError.invalid('range.to', 'The end of the range is before its start.');
  if (toDay - fromDay + 1 > MAX_EXPANSION_DAYS) {
    throw DomainError.invalid('range', `Search at most ${MAX_EXPANSION_DAYS} days at a time.`);
  }
  const working = parseWeekly(request.clinicianWorkingHours, 'clinicianWorkingHours');
  const available = request.participantAvailability
    ? parseWeekly(request.participantAvailability, 'participantAvailability')
    : null;
  const busy = mergeBusy([
    ...(request.busy.clinician ?? []),
    ...(request.busy.room ?? []),
    ...(request.busy.participant ?? []),
  ]);
  const notBefore = request.notBeforeEpochMs ?? Number.NEGATIVE_INFINITY;

  const slots: ProposedSlot[] = [];
  let next = 0; // busy intervals before this one end before every later candidate
  for (let day = fromDay; day <= toDay && slots.length < limit; day++) {
    const weekday = weekdayOfEpochDay(day);
    const windows = available
      ? intersect(working.get(weekday) ?? [], available.get(weekday) ?? [])
      : (working.get(weekday) ?? []);
    const date = Temporal.PlainDate.from(dateOfEpochDay(day));
    for (const [windowStart, windowEnd] of windows) {
      for (let t = Math.ceil(windowStart / step) * step; t + duration <= windowEnd; t += step) {
        const wall = date.toPlainDateTime({ hour: Math.floor(t / 60), minute: t % 60 });
        const start = wall.toZonedDateTime(request.timeZone, { disambiguation: 'compatible' });
        if (!start.toPlainDateTime().equals(wall)) continue; // in the gap: not a real time that day
        const startMs = start.epochMilliseconds;
        const endMs = startMs + duration * 60_000;
        if (startMs < notBefore) continue;
        while (next < busy.length && (busy[next] as BusyInterval).endEpochMs <= startMs) next++;
        const blocker = busy[next];
        if (blocker && blocker.startEpochMs < endMs) continue;
        slots.push({
          localStart: wall,
          localEnd: start.add({ minutes: duration }).toPlainDateTime(),
          startEpochMs: startMs,
          endEpochMs: endMs,
          startUtc: new Date(startMs).toISOString(),
        });
        if (slots.length >= limit) return slots;
      }
    }
  }
  return slots;
}

type Windows = [number, number][];

function parseWeekly(weekly: WeeklyWindows, field: string): Map<number, Windows> {
  const result = new Map<number, Windows>();
  for (const [key, windows] of Object.entries(weekly)) {
    const weekday = Number(key);
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw DomainError.invalid(`${field}.${key}`, 'Weekdays are 1 (Monday) to 7 (Sunday).');
    }
    const parsed: Windows = (windows ?? []).map((w, i) => {
      const start = minutesOf(w.start);
      const end = minutesOf(w.end);
      if (start === null || end === null || end <= start) {
        throw DomainError.invalid(
          `${field}.${key}.${i}`,
          `"${w.start}–${w.end}" is not a time window: use HH:MM to a later HH:MM.`,
        );
      }
      return [start, end];
    });
    result.set(weekday, mergeWindows(parsed));
  }
  return result;
}

function minutesOf(time: string): number | null {
  if (time === '24:00') return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function mergeWindows(windows: Windows): Windows {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: Windows = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function intersect(a: Windows, b: Windows): Windows {
  const out: Windows = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i] as [number, number];
    const [bStart, bEnd] = b[j] as [number, number];
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (start < end) out.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return out;
}

function mergeBusy(intervals: readonly BusyInterval[]): BusyInterval[] {
  const sorted = [...intervals].sort((a, b) => a.startEpochMs - b.startEpochMs);
  const merged: BusyInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.startEpochMs <= last.endEpochMs) {
      if (interval.endEpochMs > last.endEpochMs)
        merged[merged.length - 1] = { ...last, endEpochMs: interval.endEpochMs };
    } else {
      merged.push({ startEpochMs: interval.startEpochMs, endEpochMs: interval.endEpochMs });
    }
  }
  return merged;
}
