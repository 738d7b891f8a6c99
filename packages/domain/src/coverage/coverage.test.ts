import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  type BenefitFacts,
  benefitCheckProblems,
  benefitSummary,
  coverageStatusAfterCheck,
} from './benefit-check.js';
import {
  assertPriorityFree,
  coverageDateProblems,
  firstFreePriority,
  type PriorityHolder,
} from './coverage.js';
import {
  MENTAL_HEALTH_SERVICE_TYPES,
  SERVICE_TYPE_CODES,
  SUBSTANCE_USE_SERVICE_TYPES,
} from './service-types.js';

const NOW = new Date('2026-11-30T15:00:00Z');

const check: BenefitFacts = {
  checkedAt: NOW,
  coverageActive: true,
  network: 'in_network',
  mentalHealth: { iopCovered: true, serviceTypeCodes: MENTAL_HEALTH_SERVICE_TYPES },
  substanceUse: { iopCovered: false, serviceTypeCodes: SUBSTANCE_USE_SERVICE_TYPES },
  deductibleCents: 150_000,
  deductibleMetCents: 50_000,
  outOfPocketMaxCents: 600_000,
  outOfPocketMetCents: 120_050,
  copayCents: null,
  coinsurancePercent: 20,
  priorAuthRequired: true,
  priorAuthPhone: '800-555-0199',
  limitDays: 30,
  limitVisits: null,
  limitPeriod: 'calendar_year',
};

describe('benefitCheckProblems', () => {
  it('accepts a consistent check', () => {
    expect(benefitCheckProblems(check, NOW)).toEqual([]);
  });

  it('names each inconsistency by field', () => {
    const fields = (facts: Partial<BenefitFacts>) =>
      benefitCheckProblems({ ...check, ...facts }, NOW).map((p) => p.field);
    expect(fields({ checkedAt: new Date('2026-12-01T15:00:00Z') })).toEqual(['checkedAt']);
    expect(fields({ deductibleMetCents: 150_001 })).toEqual(['deductibleMetCents']);
    expect(fields({ outOfPocketMetCents: 600_001 })).toEqual(['outOfPocketMetCents']);
    expect(fields({ limitPeriod: null })).toEqual(['limitPeriod']);
    expect(fields({ priorAuthRequired: false })).toEqual(['priorAuthPhone']);
  });
});

describe('benefitSummary', () => {
  it('reads the findings in one line', () => {
    expect(benefitSummary(check)).toBe(
      'Active, in network; IOP covered for mental health; IOP not covered for substance use; deductible $500 of $1,500 met; out-of-pocket $1,200.50 of $6,000 met; coinsurance 20%; prior authorization required; limit 30 days (calendar year).',
    );
  });

  it('says so when the coverage is not active', () => {
    expect(benefitSummary({ ...check, coverageActive: false })).toBe('Coverage not active.');
  });
});

describe('coverageStatusAfterCheck', () => {
  it('follows the newest check, except for a coverage entered in error', () => {
    expect(coverageStatusAfterCheck('pending_verification', true)).toBe('active');
    expect(coverageStatusAfterCheck('active', false)).toBe('inactive');
    expect(coverageStatusAfterCheck('entered_in_error', true)).toBe('entered_in_error');
  });
});

describe('coverage order and dates', () => {
  const held: PriorityHolder[] = [
    { id: 'a', priority: 'primary', status: 'active' },
    { id: 'b', priority: 'secondary', status: 'inactive' },
  ];

  it('refuses a second coverage in force at the same place', () => {
    expect(() => assertPriorityFree(held, 'primary', 'pending_verification')).toThrow(DomainError);
    expect(() => assertPriorityFree(held, 'secondary', 'active')).not.toThrow();
    expect(() => assertPriorityFree(held, 'primary', 'inactive')).not.toThrow();
    expect(() => assertPriorityFree(held, 'primary', 'active', 'a')).not.toThrow();
  });

  it('finds the first free place for a coverage brought from an inquiry', () => {
    expect(firstFreePriority(held, 'primary')).toBe('secondary');
    expect(firstFreePriority(held, 'tertiary')).toBe('tertiary');
    const full: PriorityHolder[] = ['primary', 'secondary', 'tertiary'].map((p, i) => ({
      id: String(i),
      priority: p as PriorityHolder['priority'],
      status: 'active',
    }));
    expect(firstFreePriority(full, 'primary')).toBeNull();
  });

  it('refuses an end before the start and a subscriber born in the future', () => {
    expect(
      coverageDateProblems({ effectiveDate: '2026-01-01', terminationDate: '2025-12-31' }, '2026-11-30').map(
        (p) => p.field,
      ),
    ).toEqual(['terminationDate']);
    expect(coverageDateProblems({ subscriberDateOfBirth: '2026-12-01' }, '2026-11-30')[0]?.field).toBe(
      'subscriberDateOfBirth',
    );
    expect(
      coverageDateProblems({ effectiveDate: '2026-01-01', terminationDate: '2026-01-01' }, '2026-11-30'),
    ).toEqual([]);
  });
});

describe('service type codes', () => {
  it('default to the psychiatric and substance-use lines of DOMAIN 4.3', () => {
    expect(MENTAL_HEALTH_SERVICE_TYPES).toEqual(['MH', 'A8', 'CF', 'CH']);
    expect(SUBSTANCE_USE_SERVICE_TYPES).toEqual(['AI', 'AJ', 'AK', 'CJ']);
    for (const code of [...MENTAL_HEALTH_SERVICE_TYPES, ...SUBSTANCE_USE_SERVICE_TYPES]) {
      expect(SERVICE_TYPE_CODES[code]).toBeTruthy();
    }
  });
});
