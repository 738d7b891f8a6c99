import { parsePatientQuery, visibleTaskKinds } from '@trellis/domain';
import type { Scenario, ScenarioContext } from './types.js';
import { rotate } from './types.js';

const PATIENT_COLUMNS = `id, organization_id, mrn, legal_first_name, legal_last_name, preferred_name, pronouns,
  to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, sex_assigned_at_birth, gender_identity, phone, phone_digits,
  email, address_line1, address_line2, city, region, postal_code, emergency_contact_name,
  emergency_contact_relationship, emergency_contact_phone, preferred_language, status, first_name_norm,
  last_name_norm, search_name, created_at, updated_at, version`;

/**
 * What a person types into the search box, keystroke by keystroke: the first two to six letters of
 * a family name, then "first-name last-prefix" for some. Drawn from the people in the registry.
 */
async function searchTexts(ctx: ScenarioContext): Promise<string[]> {
  const rows = await ctx.query<{ first: string; last: string }>(
    `select first_name_norm as first, last_name_norm as last from patient where organization_id = $1
     order by id limit 400`,
    [ctx.organization.id],
  );
  const texts: string[] = [];
  for (const r of ctx.rng.sample(rows, 120)) {
    const last = r.last.replace(/ .*/, '');
    for (let n = 2; n <= Math.min(6, last.length); n++) texts.push(last.slice(0, n));
    if (ctx.rng.chance(0.3)) texts.push(`${r.first} ${last.slice(0, 3)}`);
  }
  return texts;
}

export const patientSearch: Scenario = {
  name: 'patient-search',
  kind: 'read',
  title: 'Patient search as you type (name prefixes)',
  role: 'front_desk',
  route: 'GET /api/v1/patients',
  tables: ['patient'],
  async setup(ctx) {
    const texts = await searchTexts(ctx);
    if (texts.length === 0) return { unavailable: 'no patients' };
    const next = rotate(texts);
    return (i) => ({ path: `/api/v1/patients?q=${encodeURIComponent(next(i))}` });
  },
  async floorSql(ctx) {
    // The server's name search (patients/repo.ts searchByName) as one statement: first or last
    // name prefixes (btree), then, only when those leave room, every word prefix, then, only when
    // nothing starts with the text, near misses (each later branch behind a one-time filter, as
    // the server runs it only then).
    const queries = (await searchTexts(ctx)).map((text) => {
      const q = parsePatientQuery(text);
      if (q.kind !== 'name') throw new Error(`"${text}" is not a name query`);
      return q;
    });
    const next = rotate(queries);
    return {
      sql: (i) => {
        const q = next(i);
        const words = q.tokens.map((_, k) => `search_name ~ $${3 + 2 * k}`).join(' and ');
        const contains = q.tokens.map((_, k) => `search_name like '%' || $${4 + 2 * k} || '%'`).join(' and ');
        const starts = q.tokens
          .map(
            (_, k) => `last_name_norm like $${4 + 2 * k} || '%' or first_name_norm like $${4 + 2 * k} || '%'`,
          )
          .join(' or ');
        const fuzzy =
          q.text.replace(/ /g, '').length < 3
            ? ''
            : `union all (select ${PATIENT_COLUMNS}, 3 as step from patient
                where organization_id = $1 and $2 <% search_name and not (${words})
                  and not exists (select 1 from s2)
                order by word_similarity($2, search_name) desc, last_name_norm, id limit 20)`;
        // ($2, the text, is typed here too: the fuzzy branch that uses it is left out for short text.)
        return `with s1 as (select ${PATIENT_COLUMNS}, 1 as step from patient
              where organization_id = $1 and $2::text is not null and (${starts}) and ${words}
              order by last_name_norm, first_name_norm, id limit 20),
            s2 as (select * from s1 union all
              (select ${PATIENT_COLUMNS}, 2 as step from patient
                where organization_id = $1 and ${contains} and ${words} and not (${starts})
                  and (select count(*) from s1) < 20
                order by last_name_norm, first_name_norm, id limit 20))
          select * from s2 ${fuzzy} limit 20`;
      },
      params: (i) => {
        const q = next(i);
        return [ctx.organization.id, q.text, ...q.tokens.flatMap((t) => [`(^| )${t}`, t])];
      },
    };
  },
};

/** Patients of the bench clinician's caseload in treatment now. */
export async function caseload(ctx: ScenarioContext): Promise<string[]> {
  const rows = await ctx.query<{ patient_id: string }>(
    `select patient_id from episode where organization_id = $1 and primary_clinician_id = $2
       and status in ('active', 'on_hold') order by patient_id`,
    [ctx.organization.id, ctx.users.clinician.id],
  );
  return ctx.rng.sample(
    rows.map((r) => r.patient_id),
    rows.length,
  );
}

export const patientChart: Scenario = {
  name: 'patient-chart',
  kind: 'read',
  title: 'Patient chart overview (header: person, open episode, track, clinician, tasks, safety flag)',
  role: 'clinician',
  route: 'GET /api/v1/patients/{id}/chart',
  tables: ['patient', 'episode', 'task'],
  async setup(ctx) {
    const ids = await caseload(ctx);
    if (ids.length === 0) return { unavailable: 'the bench clinician has no patients in treatment' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/patients/${next(i)}/chart` });
  },
  async floorSql(ctx) {
    const next = rotate(await caseload(ctx));
    return {
      sql: `select p.id, p.mrn, p.legal_first_name, p.legal_last_name, p.preferred_name, p.pronouns,
          to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
          e.id as episode_id, e.status, e.admission_date, e.level_of_care, t.id as track_id, t.name as track_name,
          u.id as clinician_id, u.display_name as clinician_name,
          (select count(*) from episode x where x.organization_id = p.organization_id and x.patient_id = p.id) as episodes,
          (select count(*) from task k where k.organization_id = p.organization_id and k.patient_id = p.id
             and k.status = 'open') as open_tasks,
          exists (select 1 from task k where k.organization_id = p.organization_id and k.patient_id = p.id
             and k.status = 'open' and k.kind in ('risk_alert', 'urgent_screening') and k.priority = 'urgent') as safety_risk
        from patient p
        left join episode e on e.organization_id = p.organization_id and e.patient_id = p.id and e.status <> 'discharged'
        left join track t on t.organization_id = p.organization_id and t.id = e.track_id
        left join app_user u on u.organization_id = p.organization_id and u.id = e.primary_clinician_id
        where p.organization_id = $1 and p.id = $2`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};

export const patientEpisodes: Scenario = {
  name: 'patient-episodes',
  kind: 'read',
  title: "A patient's episodes of care with diagnoses",
  role: 'clinician',
  route: 'GET /api/v1/patients/{id}/episodes',
  tables: ['patient', 'episode'],
  async setup(ctx) {
    const ids = await caseload(ctx);
    if (ids.length === 0) return { unavailable: 'the bench clinician has no patients in treatment' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/patients/${next(i)}/episodes` });
  },
  async floorSql(ctx) {
    const next = rotate(await caseload(ctx));
    return {
      sql: `select e.*, d.code, d.description, d.is_primary
        from episode e left join episode_diagnosis d
          on d.organization_id = e.organization_id and d.episode_id = e.id and d.removed_at is null
        where e.organization_id = $1 and e.patient_id = $2
        order by e.admission_date desc, d.position`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};

export const clinicianTasks: Scenario = {
  name: 'clinician-tasks',
  kind: 'read',
  title: "Clinician dashboard: my open tasks and my role's queue, urgent first",
  role: 'clinician',
  route: 'GET /api/v1/tasks',
  tables: ['task'],
  async setup() {
    return [{ path: '/api/v1/tasks?owner=me_or_my_roles&limit=50' }];
  },
  async floorSql(ctx) {
    const kinds = visibleTaskKinds({
      userId: ctx.users.clinician.id,
      organizationId: ctx.organization.id,
      roles: ctx.users.clinician.roles,
    });
    return {
      sql: `select * from task where organization_id = $1 and kind = any($2) and status = 'open'
          and (owner_user_id = $3 or (owner_user_id is null and owner_role = any($4)))
        order by priority_rank, coalesce(due_at, 'infinity'::timestamptz), id limit 51`,
      params: [ctx.organization.id, kinds, ctx.users.clinician.id, ctx.users.clinician.roles],
    };
  },
};

export const trackList: Scenario = {
  name: 'track-list',
  kind: 'read',
  title: 'Program director: tracks with their census',
  role: 'director',
  route: 'GET /api/v1/tracks',
  tables: ['track', 'episode'],
  async setup() {
    return [{ path: '/api/v1/tracks' }];
  },
  async floorSql(ctx) {
    return {
      sql: `select t.*, c.open_count, c.active_count, c.pending_count, c.on_hold_count
        from track t left join track_census c on c.organization_id = t.organization_id and c.track_id = t.id
        where t.organization_id = $1 and t.status <> 'archived' order by t.name limit 500`,
      params: [ctx.organization.id],
    };
  },
};

export const registerPatient: Scenario = {
  name: 'register-patient',
  kind: 'write',
  title: 'Register a patient (duplicate check, MRN, audit)',
  role: 'intake',
  route: 'POST /api/v1/patients',
  tables: ['patient'],
  async setup(ctx) {
    const firsts = ['Rowan', 'Sage', 'Quinn', 'Avery', 'Emery', 'Harper', 'Jules', 'Kendall'];
    const lasts = ['Ashford', 'Brightwater', 'Calloway', 'Dunmore', 'Everly', 'Fairbanks', 'Galloway'];
    const run = ctx.rng.int(0, 1_000_000);
    return (i) => ({
      method: 'POST',
      path: '/api/v1/patients',
      body: {
        legalFirstName: firsts[i % firsts.length],
        legalLastName: lasts[Math.floor(i / firsts.length) % lasts.length],
        dateOfBirth: `19${String(60 + ((run + i) % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((run + i) % 28)).padStart(2, '0')}`,
        phone: `217-555-01${String(i % 100).padStart(2, '0')}`,
        confirmNotDuplicate: true,
      },
    });
  },
};
