import type { Scenario } from './types.js';
import { rotate } from './types.js';

/**
 * The HTTP floor: the cheapest signed-in route. GET /auth/ping resolves the session (the
 * session and its account, one statement) and answers 204: what every route pays before it does
 * its own work.
 */
export const httpFloor: Scenario = {
  name: 'http-floor',
  kind: 'read',
  title: 'HTTP floor: is my session live (GET /auth/ping, 204)',
  role: 'clinician',
  route: 'GET /api/v1/auth/ping',
  async setup() {
    return [{ path: '/api/v1/auth/ping' }];
  },
  async floorSql(ctx) {
    // The same row by primary key: the signed-in account.
    return {
      sql: `select u.id, u.email, u.display_name, u.roles, u.mfa_secret, u.active
            from app_user u where u.id = $1 and u.organization_id = $2`,
      params: [ctx.users.clinician.id, ctx.organization.id],
    };
  },
};

export const staffList: Scenario = {
  name: 'staff-list',
  kind: 'read',
  title: 'Staff list of the organization',
  role: 'admin',
  route: 'GET /api/v1/users',
  async setup() {
    return [{ path: '/api/v1/users' }];
  },
  async floorSql(ctx) {
    return {
      sql: `select * from app_user where organization_id = $1 and active = true order by display_name limit 500`,
      params: [ctx.organization.id],
    };
  },
};

const AUDIT_COLUMNS =
  'id, seq, occurred_at, actor_user_id, actor_label, action, outcome, resource_type, resource_id, patient_id, ip, request_id, reason';

export const auditLatest: Scenario = {
  name: 'audit-log',
  kind: 'read',
  title: 'Audit log, newest 50 events',
  role: 'admin',
  route: 'GET /api/v1/audit-events',
  tables: ['audit_event'],
  async setup() {
    return [{ path: '/api/v1/audit-events?limit=50' }];
  },
  async floorSql(ctx) {
    return {
      sql: `select ${AUDIT_COLUMNS} from audit_event where organization_id = $1 order by seq desc limit 51`,
      params: [ctx.organization.id],
    };
  },
};

async function auditedPatients(ctx: Parameters<Scenario['setup']>[0]): Promise<string[]> {
  const rows = await ctx.query<{ patient_id: string }>(
    `select patient_id from (select distinct patient_id from audit_event
       where organization_id = $1 and patient_id is not null) p order by patient_id limit 500`,
    [ctx.organization.id],
  );
  return ctx.rng.sample(
    rows.map((r) => r.patient_id),
    rows.length,
  );
}

export const auditPatient: Scenario = {
  name: 'audit-patient',
  kind: 'read',
  title: "Audit log: who opened one patient's record",
  role: 'admin',
  route: 'GET /api/v1/audit-events',
  tables: ['audit_event'],
  async setup(ctx) {
    const ids = await auditedPatients(ctx);
    if (ids.length === 0) return { unavailable: 'no patient events in the audit log' };
    const next = rotate(ids);
    return (i) => ({ path: `/api/v1/audit-events?patientId=${next(i)}&limit=50` });
  },
  async floorSql(ctx) {
    const next = rotate(await auditedPatients(ctx));
    return {
      sql: `select ${AUDIT_COLUMNS} from audit_event where organization_id = $1 and patient_id = $2 order by seq desc limit 51`,
      params: (i) => [ctx.organization.id, next(i)],
    };
  },
};
