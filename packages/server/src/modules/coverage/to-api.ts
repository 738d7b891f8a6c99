import {
  type api,
  type BenefitFacts,
  benefitSummary,
  type LimitPeriod,
  type ServiceTypeCode,
} from '@trellis/domain';
import type { BenefitCheckRow, CoverageRow } from './tables.js';

/** The facts of a stored check, as the domain rules read them. */
export function benefitFactsOf(row: BenefitCheckRow): BenefitFacts {
  return {
    checkedAt: row.checked_at,
    coverageActive: row.coverage_active,
    network: row.network,
    mentalHealth: {
      iopCovered: row.mh_iop_covered,
      serviceTypeCodes: row.mh_service_type_codes as ServiceTypeCode[],
    },
    substanceUse: {
      iopCovered: row.sud_iop_covered,
      serviceTypeCodes: row.sud_service_type_codes as ServiceTypeCode[],
    },
    deductibleCents: row.deductible_cents,
    deductibleMetCents: row.deductible_met_cents,
    outOfPocketMaxCents: row.out_of_pocket_max_cents,
    outOfPocketMetCents: row.out_of_pocket_met_cents,
    copayCents: row.copay_cents,
    coinsurancePercent: row.coinsurance_percent === null ? null : Number(row.coinsurance_percent),
    priorAuthRequired: row.prior_auth_required,
    priorAuthPhone: row.prior_auth_phone,
    limitDays: row.limit_days,
    limitVisits: row.limit_visits,
    limitPeriod: row.limit_period as LimitPeriod | null,
  };
}

export function toBenefitCheck(row: BenefitCheckRow, names: ReadonlyMap<string, string>): api.BenefitCheck {
  const facts = benefitFactsOf(row);
  return {
    id: row.id,
    coverageId: row.coverage_id,
    checkedAt: row.checked_at.toISOString(),
    checkedBy: row.checked_by
      ? { id: row.checked_by, name: names.get(row.checked_by) ?? 'Former staff member' }
      : null,
    source: row.source,
    coverageActive: row.coverage_active,
    network: row.network,
    mentalHealth: { iopCovered: row.mh_iop_covered, serviceTypeCodes: row.mh_service_type_codes },
    substanceUse: { iopCovered: row.sud_iop_covered, serviceTypeCodes: row.sud_service_type_codes },
    deductibleCents: row.deductible_cents,
    deductibleMetCents: row.deductible_met_cents,
    outOfPocketMaxCents: row.out_of_pocket_max_cents,
    outOfPocketMetCents: row.out_of_pocket_met_cents,
    copayCents: row.copay_cents,
    coinsurancePercent: facts.coinsurancePercent,
    priorAuthRequired: row.prior_auth_required,
    priorAuthPhone: row.prior_auth_phone,
    priorAuthNotes: row.prior_auth_notes,
    limitDays: row.limit_days,
    limitVisits: row.limit_visits,
    limitPeriod: facts.limitPeriod,
    referenceNumber: row.reference_number,
    notes: row.notes,
    summary: benefitSummary(facts),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toCoverage(row: CoverageRow, latestCheck: api.BenefitCheck | null): api.Coverage {
  return {
    id: row.id,
    patientId: row.patient_id,
    inquiryId: row.inquiry_id,
    payerName: row.payer_name,
    payerId: row.payer_id,
    planName: row.plan_name,
    memberId: row.member_id,
    groupNumber: row.group_number,
    subscriberName: row.subscriber_name,
    subscriberDateOfBirth: row.subscriber_date_of_birth,
    relationship: row.relationship,
    priority: row.priority,
    effectiveDate: row.effective_date,
    terminationDate: row.termination_date,
    status: row.status,
    latestCheck,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
