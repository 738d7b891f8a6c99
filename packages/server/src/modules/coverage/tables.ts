import type {
  BenefitCheckSource,
  CoveragePriority,
  CoverageStatus,
  LimitPeriod,
  NetworkStatus,
  SubscriberRelationship,
} from '@trellis/domain';
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { TenantColumns, Timestamp } from '../../db/schema.js';

/** A calendar date: written as 'YYYY-MM-DD', read back as text by the repository (to_char). */
export type DateColumn = ColumnType<string, string, string>;
/** numeric: PostgreSQL drivers hand it back as text, to keep its precision. */
export type NumericColumn = ColumnType<string, number | string, number | string>;

export interface CoverageTable extends TenantColumns {
  id: string;
  patient_id: string | null;
  inquiry_id: string | null;
  payer_name: string;
  payer_id: string | null;
  plan_name: string | null;
  member_id: string | null;
  group_number: string | null;
  subscriber_name: string | null;
  subscriber_date_of_birth: DateColumn | null;
  relationship: SubscriberRelationship | null;
  priority: CoveragePriority;
  effective_date: DateColumn | null;
  termination_date: DateColumn | null;
  status: CoverageStatus;
  created_by: string | null;
}

export interface BenefitCheckTable extends TenantColumns {
  id: string;
  coverage_id: string;
  checked_at: Timestamp;
  checked_by: string | null;
  source: BenefitCheckSource;
  coverage_active: boolean;
  network: NetworkStatus;
  mh_iop_covered: boolean | null;
  mh_service_type_codes: string[];
  sud_iop_covered: boolean | null;
  sud_service_type_codes: string[];
  deductible_cents: number | null;
  deductible_met_cents: number | null;
  out_of_pocket_max_cents: number | null;
  out_of_pocket_met_cents: number | null;
  copay_cents: number | null;
  coinsurance_percent: NumericColumn | null;
  prior_auth_required: boolean | null;
  prior_auth_phone: string | null;
  prior_auth_notes: string | null;
  limit_days: number | null;
  limit_visits: number | null;
  limit_period: LimitPeriod | null;
  reference_number: string | null;
  notes: string | null;
}

export interface CoverageTables {
  coverage: CoverageTable;
  benefit_check: BenefitCheckTable;
}

export type CoverageRow = Selectable<CoverageTable>;
export type NewCoverage = Insertable<CoverageTable>;
export type CoverageUpdate = Updateable<CoverageTable>;
export type BenefitCheckRow = Selectable<BenefitCheckTable>;
export type NewBenefitCheck = Insertable<BenefitCheckTable>;
export type BenefitCheckUpdate = Updateable<BenefitCheckTable>;
