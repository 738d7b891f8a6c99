import { MENTAL_HEALTH_SERVICE_TYPES, SUBSTANCE_USE_SERVICE_TYPES } from '@trellis/domain';
import type { Loader } from '../loader.js';
import type { PlannedInquiry } from './intake.js';

const PAYERS: [string, string][] = [
  ['Example Blue Cross', 'EBC01'],
  ['Sample Health Plan', 'SHP22'],
  ['Placeholder Medicaid', 'MCD09'],
  ['Demo Care Insurance', 'DCI31'],
  ['Fictional Mutual', 'FMU77'],
];

/**
 * coverage module: insurance of patients (primary, sometimes secondary) and of inquiries that got
 * as far as a benefit check, each with the benefit check made on it.
 */
export const coverageLoader: Loader = {
  name: 'coverage',
  module: 'coverage',
  tables: ['coverage', 'benefit_check'],
  after: ['intake'],
  async load({ world, insert, rng, shared }) {
    const inquiries = shared.get('inquiries') as PlannedInquiry[] | undefined;
    if (!inquiries) throw new Error('The intake loader left no inquiries.');
    const coverages = await insert.writer('coverage');
    const checks = await insert.writer('benefit_check', { after: [coverages] });
    const year = world.anchor.slice(0, 4);
    for (const q of inquiries) {
      const checked = q.stages.find((s) => s.stage === 'benefits_checked');
      if (!checked || rng.chance(0.1)) continue; // self-pay
      const coordinator = q.org.staff[q.coordinatorIndex];
      const patientId = q.stage === 'admitted' ? (q.person?.id ?? null) : null;
      const count = rng.chance(0.08) ? 2 : 1;
      for (let n = 0; n < count; n++) {
        const [payer, payerId] = rng.pick(PAYERS);
        const id = rng.uuidv7(checked.at);
        const active = rng.chance(0.95);
        await coverages.add({
          id,
          organization_id: q.org.id,
          patient_id: patientId,
          inquiry_id: q.id,
          payer_name: payer,
          payer_id: payerId,
          plan_name: rng.pick(['PPO', 'HMO', 'EPO', 'Standard']),
          member_id: `M${rng.int(10_000_000, 99_999_999)}`,
          group_number: rng.chance(0.7) ? `G${rng.int(1000, 9999)}` : null,
          subscriber_name: `${q.firstName} ${q.lastName}`,
          subscriber_date_of_birth: q.birthDate,
          relationship: 'self',
          priority: n === 0 ? 'primary' : 'secondary',
          effective_date: `${year}-01-01`,
          termination_date: null,
          status: active ? 'active' : 'inactive',
          created_by: coordinator?.id ?? null,
          created_at: checked.at,
          updated_at: checked.at,
          version: 2,
        });
        await checks.add({
          id: rng.uuidv7(checked.at),
          organization_id: q.org.id,
          coverage_id: id,
          checked_at: checked.at,
          checked_by: coordinator?.id ?? null,
          source: rng.pick(['phone', 'portal'] as const),
          coverage_active: active,
          network: rng.weighted([
            ['in_network', 0.8],
            ['out_of_network', 0.15],
            ['unknown', 0.05],
          ] as const),
          mh_iop_covered: q.help !== 'substance_use',
          mh_service_type_codes: [...MENTAL_HEALTH_SERVICE_TYPES],
          sud_iop_covered: q.help === 'substance_use' || q.help === 'both',
          sud_service_type_codes: [...SUBSTANCE_USE_SERVICE_TYPES],
          deductible_cents: rng.pick([50000, 100000, 250000]),
          deductible_met_cents: rng.int(0, 50) * 1000,
          out_of_pocket_max_cents: rng.pick([400000, 600000, 800000]),
          out_of_pocket_met_cents: rng.int(0, 100) * 1000,
          copay_cents: rng.pick([0, 2000, 3000, 5000]),
          coinsurance_percent: rng.pick([0, 10, 20]),
          prior_auth_required: rng.chance(0.6),
          prior_auth_phone: null,
          prior_auth_notes: null,
          limit_days: null,
          limit_visits: rng.chance(0.3) ? rng.pick([30, 60]) : null,
          limit_period: rng.chance(0.3) ? 'calendar_year' : null,
          reference_number: `R${rng.int(100000, 999999)}`,
          notes: null,
          created_at: checked.at,
          updated_at: checked.at,
        });
      }
    }
    await coverages.close();
    await checks.close();
  },
};
