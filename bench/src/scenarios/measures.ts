import { getInstrument } from '@trellis/domain';
import { caseload } from './patients.js';
import type { Scenario, ScenarioContext } from './types.js';
import { rotate } from './types.js';

export const measuresDue: Scenario = {
  name: 'measures-due',
  kind: 'read',
  title: 'Clinician dashboard: measures due and overdue for my episodes',
  role: 'clinician',
  route: 'GET /api/v1/measures/due',
  tables: ['measure_administration', 'measure_schedule', 'episode'],
  async setup() {
    return [{ path: '/api/v1/measures/due' }];
  },
  async floorSql(ctx) {
    // The rows the due list is computed from: my open episodes, their track's schedule, and the
    // latest administration of each instrument in each episode.
    return {
      sql: `select e.id, e.patient_id, e.track_id, e.admission_date, e.discharge_date, e.status, s.rules,
          m.instrument_code, max(m.administered_at) as latest, count(m.id) as given
        from episode e
        left join measure_schedule s on s.organization_id = e.organization_id and s.track_id = e.track_id
        left join measure_administration m on m.organization_id = e.organization_id and m.episode_id = e.id
          and m.superseded_by_id is null
        where e.organization_id = $1 and e.primary_clinician_id = $2 and e.status <> 'discharged'
        group by e.id, e.patient_id, e.track_id, e.admission_date, e.discharge_date, e.status, s.rules, m.instrument_code`,
      params: [ctx.organization.id, ctx.users.clinician.id],
    };
  },
};

/** Tracks of the organization with patients in treatment now, busiest first. */
async function activeTracks(ctx: ScenarioContext): Promise<string[]> {
  const rows = await ctx.query<{ track_id: string }>(
    `select track_id from episode where organization_id = $1 and status = 'active'
       group by track_id order by count(*) desc, track_id limit 40`,
    [ctx.organization.id],
  );
  return rows.map((r) => r.track_id);
}

export const trackOutcomes: Scenario = {
  name: 'track-outcomes',
  kind: 'read',
  title: "A track's PHQ-9 outcomes: every active patient's baseline, latest and change (issue 4)",
  role: 'clinician',
  route: 'GET /api/v1/tracks/{id}/outcomes',
  tables: ['measure_administration', 'episode', 'track'],
  async setup(ctx) {
    const ids = await activeTracks(ctx);
    if (ids.length === 0) return { unavailable: 'no track has patients in treatment' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/tracks/${next(i)}/outcomes?instrument=phq9` });
  },
  async floorSql(ctx) {
    // The track's active episodes with the first and latest PHQ-9 of each, and how many.
    const next = rotate(await activeTracks(ctx));
    return {
      sql: `select e.id, e.patient_id, r.total, r.band_code, r.administered_at, r.first_rank, r.last_rank, r.n
        from episode e
        left join lateral (
          select * from (
            select m.total, m.band_code, m.administered_at,
              row_number() over (order by m.administered_at, m.id) as first_rank,
              row_number() over (order by m.administered_at desc, m.id desc) as last_rank,
              count(*) over () as n
            from measure_administration m
            where m.organization_id = e.organization_id and m.episode_id = e.id
              and m.instrument_code = 'phq9' and m.superseded_by_id is null
          ) ranked where first_rank = 1 or last_rank = 1
        ) r on true
        where e.organization_id = $1 and e.track_id = $2 and e.status = 'active'
        order by e.id`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};

export const patientMeasures: Scenario = {
  name: 'patient-measures',
  kind: 'read',
  title: "A patient's PHQ-9 history (newest first)",
  role: 'clinician',
  route: 'GET /api/v1/patients/{id}/measures',
  tables: ['measure_administration'],
  async setup(ctx) {
    const ids = await caseload(ctx);
    if (ids.length === 0) return { unavailable: 'the bench clinician has no patients in treatment' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/patients/${next(i)}/measures?instrument=phq9` });
  },
  async floorSql(ctx) {
    const next = rotate(await caseload(ctx));
    return {
      sql: `select * from measure_administration
        where organization_id = $1 and patient_id = $2 and instrument_code = 'phq9' and superseded_by_id is null
        order by administered_at desc limit 100`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};

export const recordPhq9: Scenario = {
  name: 'record-phq9',
  kind: 'write',
  title: 'Score and save a PHQ-9 given in session (risk alert when item 9 is positive)',
  role: 'clinician',
  route: 'POST /api/v1/patients/{id}/measures',
  tables: ['measure_administration'],
  async setup(ctx) {
    const ids = await caseload(ctx);
    if (ids.length === 0) return { unavailable: 'the bench clinician has no patients in treatment' };
    const next = rotate(ids);
    const items = getInstrument('phq9').items;
    return (i) => {
      const answers: Record<string, number | null> = {};
      items.forEach((item, k) => {
        // Moderate answers; item 9 stays 0 (a positive one opens a risk alert, measured apart).
        answers[item.id] = item.scored ? (k === 8 ? 0 : (i + k) % 3) : 1;
      });
      return {
        method: 'POST',
        path: `/api/v1/patients/${next(i)}/measures`,
        body: { instrument: 'phq9', answers, administeredAt: new Date(Date.now() - 60_000).toISOString() },
      };
    };
  },
};
