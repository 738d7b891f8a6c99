import { DomainError, type FieldProblem } from '../errors.js';

export const COVERAGE_PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;
export type CoveragePriority = (typeof COVERAGE_PRIORITIES)[number];

/**
 * pending_verification: as the person told it, not yet checked; active / inactive: what the
 * latest benefit check found (or what billing set); entered_in_error: kept, never used.
 */
export const COVERAGE_STATUSES = ['pending_verification', 'active', 'inactive', 'entered_in_error'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** The patient's relationship to the subscriber (X12 INS02 / FHIR Coverage.relationship). */
export const SUBSCRIBER_RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;
export type SubscriberRelationship = (typeof SUBSCRIBER_RELATIONSHIPS)[number];

export const COVERAGE_PRIORITY_LABELS: Record<CoveragePriority, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
};

/** A coverage that counts when billing decides who pays first. */
export function coverageInForce(status: CoverageStatus): boolean {
  return status === 'pending_verification' || status === 'active';
}

export interface CoverageDates {
  effectiveDate?: string | null | undefined;
  terminationDate?: string | null | undefined;
  subscriberDateOfBirth?: string | null | undefined;
}

/** Date problems of a coverage, as field problems; `today` is the organization's local date. */
export function coverageDateProblems(input: CoverageDates, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.effectiveDate && input.terminationDate && input.terminationDate < input.effectiveDate) {
    problems.push({
      field: 'terminationDate',
      message: 'The coverage ends before it starts. Check the effective and termination dates.',
    });
  }
  if (input.subscriberDateOfBirth && input.subscriberDateOfBirth > today) {
    problems.push({
      field: 'subscriberDateOfBirth',
      message: 'The subscriber’s date of birth is in the future. Check the year.',
    });
  }
  return problems;
}

export interface PriorityHolder {
  id: string;
  priority: CoveragePriority;
  status: CoverageStatus;
}

/**
 * Only one coverage in force may hold each place in the order of benefits. Throws when another
 * coverage of the same person already holds `priority`.
 */
export function assertPriorityFree(
  others: readonly PriorityHolder[],
  priority: CoveragePriority,
  status: CoverageStatus,
  selfId?: string,
): void {
  if (!coverageInForce(status)) return;
  const holder = others.find((c) => c.id !== selfId && coverageInForce(c.status) && c.priority === priority);
  if (holder) {
    throw new DomainError(
      'conflict',
      `This person already has a ${priority} coverage. Make that one secondary (or inactive) first, or choose another order.`,
      [{ field: 'priority', message: `Another coverage is already ${priority}.` }],
    );
  }
}

/**
 * Where a coverage brought from an inquiry fits among the patient's own: its preferred place if
 * free, else the next free one; null when primary, secondary and tertiary are all taken.
 */
export function firstFreePriority(
  others: readonly PriorityHolder[],
  preferred: CoveragePriority,
): CoveragePriority | null {
  const taken = new Set(others.filter((c) => coverageInForce(c.status)).map((c) => c.priority));
  if (!taken.has(preferred)) return preferred;
  return COVERAGE_PRIORITIES.find((p) => !taken.has(p)) ?? null;
}
