import type { FieldProblem } from '../errors.js';
import { addDays } from '../patients/dates.js';
import type { Population } from '../programs/track.js';

/** How far ahead an admission may be booked: a planned start, not a guess. */
export const MAX_DAYS_AHEAD = 90;

/** Problems with an admission date (as 'YYYY-MM-DD'), given the date of birth and today. */
export function admissionDateProblems(input: {
  admissionDate: string;
  dateOfBirth: string;
  today: string;
  field?: string;
}): FieldProblem[] {
  const field = input.field ?? 'admissionDate';
  if (input.admissionDate < input.dateOfBirth) {
    return [{ field, message: 'The admission date is before the date of birth. Check both dates.' }];
  }
  if (input.admissionDate > addDays(input.today, MAX_DAYS_AHEAD)) {
    return [
      {
        field,
        message: `The admission date is more than ${MAX_DAYS_AHEAD} days ahead. Record the admission closer to the start.`,
      },
    ];
  }
  return [];
}

/** The status a new episode starts in: pending until its admission date arrives. */
export function initialStatus(admissionDate: string, today: string): 'pending' | 'active' {
  return admissionDate > today ? 'pending' : 'active';
}

/**
 * Whether the episode's records are protected under 42 CFR Part 2 (DOMAIN.md §5.1): the
 * program treats a substance use disorder for this episode, either because a diagnosis is one
 * (see DIAGNOSIS_CODES: F10–F19 except nicotine, remission included, SUD counselling Z codes)
 * or because the track holds itself out as substance-use treatment (substance use and dual
 * diagnosis tracks): being a patient of such a program is itself protected, before any
 * diagnosis is written. Once marked, an episode stays marked (the caller never clears it).
 */
export function isPart2Episode(input: { population: Population; diagnoses: readonly { sud?: boolean }[] }) {
  return input.population !== 'mental_health' || input.diagnoses.some((d) => d.sud === true);
}
