import type { FieldProblem } from '../errors.js';
import type { CoverageStatus } from './coverage.js';
import type { ServiceTypeCode } from './service-types.js';

/** How the benefits were found. electronic_271 is filled by the eligibility check, later. */
export const BENEFIT_CHECK_SOURCES = ['phone', 'portal', 'electronic_271'] as const;
export type BenefitCheckSource = (typeof BENEFIT_CHECK_SOURCES)[number];

/** X12 EB12: Y in network, N out of network, U/W unknown or not applicable. */
export const NETWORK_STATUSES = ['in_network', 'out_of_network', 'unknown'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

/** X12 EB06 time periods a limit is counted over, in words. */
export const LIMIT_PERIODS = ['calendar_year', 'plan_year', 'lifetime', 'per_admission'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

export const LIMIT_PERIOD_LABELS: Record<LimitPeriod, string> = {
  calendar_year: 'calendar year',
  plan_year: 'plan year',
  lifetime: 'lifetime',
  per_admission: 'per admission',
};

/** One behavioural benefit line as found: is IOP covered, and which X12 service types it answers for. */
export interface BenefitLine {
  iopCovered: boolean | null;
  serviceTypeCodes: readonly ServiceTypeCode[];
}

/** The facts a benefit check records; amounts in cents, coinsurance in percent. */
export interface BenefitFacts {
  checkedAt: Date;
  coverageActive: boolean;
  network: NetworkStatus;
  mentalHealth: BenefitLine;
  substanceUse: BenefitLine;
  deductibleCents: number | null;
  deductibleMetCents: number | null;
  outOfPocketMaxCents: number | null;
  outOfPocketMetCents: number | null;
  copayCents: number | null;
  coinsurancePercent: number | null;
  priorAuthRequired: boolean | null;
  priorAuthPhone: string | null;
  limitDays: number | null;
  limitVisits: number | null;
  limitPeriod: LimitPeriod | null;
}

/** Consistency of a check's numbers and dates, as field problems (empty when sound). */
export function benefitCheckProblems(check: BenefitFacts, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (check.checkedAt.getTime() > now.getTime() + 5 * 60_000) {
    problems.push({
      field: 'checkedAt',
      message: 'The check cannot be in the future. Check the date and time.',
    });
  }
  if (
    check.deductibleCents !== null &&
    check.deductibleMetCents !== null &&
    check.deductibleMetCents > check.deductibleCents
  ) {
    problems.push({
      field: 'deductibleMetCents',
      message: 'The amount met is more than the deductible. Check both amounts.',
    });
  }
  if (
    check.outOfPocketMaxCents !== null &&
    check.outOfPocketMetCents !== null &&
    check.outOfPocketMetCents > check.outOfPocketMaxCents
  ) {
    problems.push({
      field: 'outOfPocketMetCents',
      message: 'The amount met is more than the out-of-pocket maximum. Check both amounts.',
    });
  }
  if ((check.limitDays !== null || check.limitVisits !== null) && check.limitPeriod === null) {
    problems.push({
      field: 'limitPeriod',
      message:
        'Say what the day or visit limit counts over (calendar year, plan year, lifetime, per admission).',
    });
  }
  if (check.priorAuthPhone && check.priorAuthRequired !== true) {
    problems.push({
      field: 'priorAuthPhone',
      message: 'A prior-authorization phone applies only when prior authorization is required.',
    });
  }
  return problems;
}

/** A coverage's status follows its newest check: found active, or not. */
export function coverageStatusAfterCheck(current: CoverageStatus, coverageActive: boolean): CoverageStatus {
  if (current === 'entered_in_error') return current;
  return coverageActive ? 'active' : 'inactive';
}

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: cents % 100 ? 2 : 0 })}`;

function covered(what: string, line: BenefitLine): string | null {
  if (line.iopCovered === null) return null;
  return line.iopCovered ? `IOP covered for ${what}` : `IOP not covered for ${what}`;
}

/** One line a coordinator reads to the person: what the plan covers and what they may owe. */
export function benefitSummary(check: BenefitFacts): string {
  if (!check.coverageActive) return 'Coverage not active.';
  const parts: string[] = [
    check.network === 'in_network'
      ? 'Active, in network'
      : check.network === 'out_of_network'
        ? 'Active, out of network'
        : 'Active',
  ];
  for (const part of [
    covered('mental health', check.mentalHealth),
    covered('substance use', check.substanceUse),
  ]) {
    if (part) parts.push(part);
  }
  if (check.deductibleCents !== null) {
    parts.push(
      check.deductibleMetCents !== null
        ? `deductible ${dollars(check.deductibleMetCents)} of ${dollars(check.deductibleCents)} met`
        : `deductible ${dollars(check.deductibleCents)}`,
    );
  }
  if (check.outOfPocketMaxCents !== null) {
    parts.push(
      check.outOfPocketMetCents !== null
        ? `out-of-pocket ${dollars(check.outOfPocketMetCents)} of ${dollars(check.outOfPocketMaxCents)} met`
        : `out-of-pocket maximum ${dollars(check.outOfPocketMaxCents)}`,
    );
  }
  if (check.copayCents !== null) parts.push(`copay ${dollars(check.copayCents)}`);
  if (check.coinsurancePercent !== null) parts.push(`coinsurance ${check.coinsurancePercent}%`);
  if (check.priorAuthRequired) parts.push('prior authorization required');
  const limits = [
    check.limitDays !== null ? `${check.limitDays} days` : null,
    check.limitVisits !== null ? `${check.limitVisits} visits` : null,
  ].filter(Boolean);
  if (limits.length) {
    const period = check.limitPeriod ? ` (${LIMIT_PERIOD_LABELS[check.limitPeriod]})` : '';
    parts.push(`limit ${limits.join(' / ')}${period}`);
  }
  return `${parts.join('; ')}.`;
}
