import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { Id } from '../api/common.js';
import { DomainError } from '../errors.js';
import { epochDayOf, lowerBound, minutesOfTime } from './dates.js';
import { isPatternDay, patternOf, type SeriesPattern } from './pattern.js';
import { type GroupSeries, GroupVenue, LocalDate, LocalTime } from './series.js';

/**
 * Changes to single occurrences, keyed by the series and the occurrence's original date (the
 * date the weekly pattern gives it, even after a move), plus a location's closure days.
 */

export const CancelOccurrence = z.strictObject({
  kind: z.literal('cancel'),
  seriesId: Id,
  date: LocalDate,
  reason: z.string().trim().min(1, { error: 'Say why the session is cancelled.' }).max(500),
});
export type CancelOccurrence = z.infer<typeof CancelOccurrence>;

export const MoveOccurrence = z.strictObject({
  kind: z.literal('move'),
  seriesId: Id,
  date: LocalDate,
  toDate: LocalDate,
  toStartTime: LocalTime,
  /** Absent: the series' own room (or virtual). */
  toVenue: GroupVenue.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type MoveOccurrence = z.infer<typeof MoveOccurrence>;

export const SubstituteFacilitator = z.strictObject({
  kind: z.literal('substitute'),
  seriesId: Id,
  date: LocalDate,
  absentFacilitatorId: Id,
  substituteFacilitatorId: Id,
});
export type SubstituteFacilitator = z.infer<typeof SubstituteFacilitator>;

export const SeriesException = z.discriminatedUnion('kind', [
  CancelOccurrence,
  MoveOccurrence,
  SubstituteFacilitator,
]);
export type SeriesException = z.infer<typeof SeriesException>;

/** A day the location is closed (a holiday): every session there that day is cancelled. */
export const LocationClosure = z.strictObject({
  date: LocalDate,
  reason: z.string().trim().min(1, { error: 'Name the closure, such as Thanksgiving.' }).max(200),
});
export type LocationClosure = z.infer<typeof LocationClosure>;

// ---- Builders: check the change against the series, so a bad exception is never stored ----

export function cancelOccurrence(
  series: GroupSeries,
  date: Temporal.PlainDate,
  reason: string,
): CancelOccurrence {
  requireSessionOn(series, date);
  if (reason.trim() === '') throw DomainError.invalid('reason', 'Say why the session is cancelled.');
  return { kind: 'cancel', seriesId: series.id, date: date.toString(), reason: reason.trim() };
}

export function moveOccurrence(
  series: GroupSeries,
  date: Temporal.PlainDate,
  to: Temporal.PlainDateTime,
  options: { venue?: GroupVenue; reason?: string } = {},
): MoveOccurrence {
  requireSessionOn(series, date);
  const toStartTime = to.toPlainTime().toString({ smallestUnit: 'minute' });
  if (minutesOfTime(toStartTime) + series.durationMinutes > 24 * 60) {
    throw DomainError.invalid(
      'to',
      `Starting at ${toStartTime}, the ${series.durationMinutes}-minute session would run past midnight. Choose an earlier time.`,
    );
  }
  return {
    kind: 'move',
    seriesId: series.id,
    date: date.toString(),
    toDate: to.toPlainDate().toString(),
    toStartTime,
    ...(options.venue ? { toVenue: options.venue } : {}),
    ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
  };
}

export function substituteFacilitator(
  series: GroupSeries,
  date: Temporal.PlainDate,
  absentFacilitatorId: string,
  substituteFacilitatorId: string,
): SubstituteFacilitator {
  requireSessionOn(series, date);
  if (!series.facilitatorIds.includes(absentFacilitatorId)) {
    throw DomainError.invalid('absentFacilitatorId', 'That person does not facilitate this group.');
  }
  if (series.facilitatorIds.includes(substituteFacilitatorId)) {
    throw DomainError.invalid('substituteFacilitatorId', 'That person already facilitates this group.');
  }
  return {
    kind: 'substitute',
    seriesId: series.id,
    date: date.toString(),
    absentFacilitatorId,
    substituteFacilitatorId,
  };
}

function requireSessionOn(series: GroupSeries, date: Temporal.PlainDate): void {
  if (!isPatternDay(patternOf(series), epochDayOf(date.toString()))) {
    throw DomainError.invalid('date', `${series.title} has no session on ${date.toString()}.`);
  }
}

// ---- The index expansion reads: what happens to each original date ----

export interface Cancellation {
  by: 'exception' | 'closure';
  reason: string;
}

export interface OccurrenceChanges {
  move?: MoveOccurrence;
  cancellation?: Cancellation;
  substitutions: SubstituteFacilitator[];
}

export interface ExceptionIndex {
  /** Original epoch day → the changes to that occurrence. */
  byDay: Map<number, OccurrenceChanges>;
  /** Original epoch days whose occurrence is not held, sorted: counted to number held sessions. */
  cancelledDays: number[];
  /** Every move (held or cancelled), for finding occurrences moved into a range from outside it. */
  moves: MoveOccurrence[];
}

/**
 * Sorts the exceptions and closures that apply to one series by original date. Rules: exceptions
 * for other series, or for dates the pattern has no session on, are ignored (so editing a series
 * never breaks its calendar); a later exception of the same kind replaces an earlier one; a moved
 * occurrence sits at its new date and time even when cancelled; a closure cancels whatever is held
 * on the closed day, which for a moved occurrence is its new date.
 */
export function indexExceptions(
  series: GroupSeries,
  exceptions: readonly SeriesException[],
  closures: readonly LocationClosure[],
  pattern: SeriesPattern = patternOf(series),
): ExceptionIndex {
  const byDay = new Map<number, OccurrenceChanges>();
  const changesOn = (day: number): OccurrenceChanges => {
    let changes = byDay.get(day);
    if (!changes) {
      changes = { substitutions: [] };
      byDay.set(day, changes);
    }
    return changes;
  };

  for (const exception of exceptions) {
    if (exception.seriesId !== series.id) continue;
    const day = epochDayOf(exception.date);
    if (!isPatternDay(pattern, day)) continue;
    const changes = changesOn(day);
    if (exception.kind === 'cancel') changes.cancellation = { by: 'exception', reason: exception.reason };
    else if (exception.kind === 'move') changes.move = exception;
    else changes.substitutions.push(exception);
  }

  const closedDays = new Map<number, string>();
  for (const closure of closures) closedDays.set(epochDayOf(closure.date), closure.reason);
  if (closedDays.size > 0) {
    for (const [closedDay, reason] of closedDays) {
      if (!isPatternDay(pattern, closedDay) || byDay.get(closedDay)?.move) continue;
      const changes = changesOn(closedDay);
      changes.cancellation ??= { by: 'closure', reason };
    }
    for (const changes of byDay.values()) {
      if (!changes.move) continue;
      const reason = closedDays.get(epochDayOf(changes.move.toDate));
      if (reason !== undefined) changes.cancellation ??= { by: 'closure', reason };
    }
  }

  const cancelledDays: number[] = [];
  const moves: MoveOccurrence[] = [];
  for (const [day, changes] of byDay) {
    if (changes.cancellation) cancelledDays.push(day);
    if (changes.move) moves.push(changes.move);
  }
  cancelledDays.sort((a, b) => a - b);
  return { byDay, cancelledDays, moves };
}

/** Cancelled original days before `day`. */
export function cancelledBefore(index: ExceptionIndex, day: number): number {
  return lowerBound(index.cancelledDays, day);
}
