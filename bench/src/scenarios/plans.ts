import type { Scenario, ScenarioContext } from './types.js';
import { rotate } from './types.js';

export const plansDue: Scenario = {
  name: 'plans-due',
  kind: 'read',
  title: 'Clinician dashboard: treatment plans to sign or review, mine (issue 5)',
  role: 'clinician',
  route: 'GET /api/v1/plans/due',
  tables: ['treatment_plan', 'episode'],
  async setup() {
    return [{ path: '/api/v1/plans/due?scope=mine' }];
  },
  async floorSql(ctx) {
    // My open episodes with their plan's state, from which the due dates are computed.
    return {
      sql: `select e.id, e.patient_id, e.admission_date, p.id as plan_id, p.status, p.effective_signed_at
        from episode e
        left join treatment_plan p on p.organization_id = e.organization_id and p.episode_id = e.id
        where e.organization_id = $1 and e.primary_clinician_id = $2 and e.status <> 'discharged'`,
      params: [ctx.organization.id, ctx.users.clinician.id],
    };
  },
};

/** Episodes in treatment now that have a plan. */
async function episodesWithPlans(ctx: ScenarioContext): Promise<string[]> {
  const rows = await ctx.query<{ episode_id: string }>(
    `select p.episode_id from treatment_plan p join episode e on e.id = p.episode_id
       where p.organization_id = $1 and e.status = 'active' order by p.id limit 500`,
    [ctx.organization.id],
  );
  return rows.map((r) => r.episode_id);
}

export const patientPlan: Scenario = {
  name: 'patient-plan',
  kind: 'read',
  title: "A patient's treatment plan: the version in effect, the current one and their signatures (issue 5)",
  role: 'clinician',
  route: 'GET /api/v1/episodes/{id}/plan',
  tables: ['treatment_plan', 'treatment_plan_version', 'signature'],
  async setup(ctx) {
    const ids = await episodesWithPlans(ctx);
    if (ids.length === 0) return { unavailable: 'no episode in treatment has a plan' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/episodes/${next(i)}/plan` });
  },
  async floorSql(ctx) {
    // The plan, its current and effective versions, and the signatures of the plan.
    const next = rotate(await episodesWithPlans(ctx));
    return {
      sql: `select p.*, v.number, v.status as version_status, v.content, s.id as signature_id, s.signer_role,
          s.document_version, s.signed_at
        from treatment_plan p
        join treatment_plan_version v on v.plan_id = p.id
          and v.number in (p.current_number, coalesce(p.effective_number, p.current_number))
        left join signature s on s.organization_id = p.organization_id and s.document_type = 'treatment_plan'
          and s.document_id = p.id
        where p.organization_id = $1 and p.episode_id = $2`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};
