import { getInstrument } from '@trellis/domain';
import { caseload } from './patients.js';
import type { Scenario } from './types.js';
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
