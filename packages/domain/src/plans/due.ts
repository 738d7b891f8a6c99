import { Temporal } from 'temporal-polyfill';
import type { PlanSettingsValues } from './model.js';

export type PlanDueKind = 'initial_signature' | 'review';
export type PlanDueState = 'on_track' | 'due_soon' | 'overdue';

export interface PlanDue {
  kind: PlanDueKind;
  dueDate: string;
  state: PlanDueState;
  daysLeft: number;
}

/**
 * How many days ahead a deadline counts as "due soon": a first plan is due within a week of
 * admission, so two days' notice; a review comes monthly, so a week's.
 */
export const DUE_SOON_DAYS: Readonly<Record<PlanDueKind, number>> = { initial_signature: 2, review: 7 };

export interface PlanDueInput {
  /** The episode's admission date, 'YYYY-MM-DD'. */
  admissionDate: string;
  /** Pending, active or on hold. A discharged episode has nothing due. */
  episodeOpen: boolean;
  /** The local date the version in effect was signed; null while no version is signed. */
  lastSignedOn: string | null;
  settings: Pick<PlanSettingsValues, 'signDeadlineDays' | 'reviewCadenceDays'>;
  /** Today in the organization's time zone. */
  today: string;
}

/**
 * What is due next: the first signed plan, N days after admission (default 7); then a review
 * every M days (default 30), counted from the date the version in effect was signed, so a
 * signed review resets the clock. Calendar days in the organization's zone.
 */
export function planDue(input: PlanDueInput): PlanDue | null {
  if (!input.episodeOpen) return null;
  const kind: PlanDueKind = input.lastSignedOn === null ? 'initial_signature' : 'review';
  const from = Temporal.PlainDate.from(input.lastSignedOn ?? input.admissionDate);
  const due = from.add({
    days: kind === 'review' ? input.settings.reviewCadenceDays : input.settings.signDeadlineDays,
  });
  const daysLeft = Temporal.PlainDate.from(input.today).until(due, { largestUnit: 'days' }).days;
  const state: PlanDueState =
    daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS[kind] ? 'due_soon' : 'on_track';
  return { kind, dueDate: due.toString(), state, daysLeft };
}

export function localDateOf(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}
