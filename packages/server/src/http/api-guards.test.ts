import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { TestClock } from '../test/clock.js';
import { openTestDatabase } from '../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../test/fixtures.js';
import { buildTestApp, signedIn, signIn } from '../test/http.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Routes anyone may call: signing in, and the session's own second-factor steps. */
const OPEN = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/public/get-started',
  'POST /api/v1/public/inquiries',
  'GET /api/v1/public/self-report/0190d6a0-0000-7000-8000-000000000001',
  'PUT /api/v1/public/self-report/0190d6a0-0000-7000-8000-000000000001/progress',
  'POST /api/v1/public/self-report/0190d6a0-0000-7000-8000-000000000001',
  'GET /api/v1/public/calendar/0190d6a0-0000-7000-8000-000000000001.ics',
  'GET /api/v1/public/plan-signature/0190d6a0-0000-7000-8000-000000000001',
  'GET /api/v1/public/password-link/0190d6a0-0000-7000-8000-000000000001',
  'POST /api/v1/public/password-link/0190d6a0-0000-7000-8000-000000000001',
  'POST /api/v1/public/plan-signature/0190d6a0-0000-7000-8000-000000000001',
]);
const PENDING_OK = new Set([
  'POST /api/v1/auth/mfa',
  'POST /api/v1/auth/mfa/enroll',
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/logout',
]);

function apiRoutes(): { method: string; url: string }[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{[^}]+\}/g, '0190d6a0-0000-7000-8000-000000000001'),
      key: `${method.toUpperCase()} ${path}`,
    })),
  );
}

describe('every /api/v1 route', () => {
  it('is listed in the OpenAPI document (so this test sees new routes)', () => {
    const keys = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(keys).toContain('GET /api/v1/users');
  });

  it('answers 401 problem+json without a session, except sign-in', async () => {
    const routes = apiRoutes().filter((r) => !OPEN.has(`${r.method} ${r.url}`));
    for (const route of routes) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: route.url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('answers 401 to a session still waiting for its second factor, except the sign-in steps', async () => {
    const strict = await createTestOrganization(database.db, {
      now: clock.now(),
      mfaRequiredRoles: ['admin'],
    });
    const pending = await signIn(app, strict.admin.email, strict.admin.password);
    expect(pending.state.status).toBe('mfa_enrollment_required');
    const routes = apiRoutes().filter(
      (r) => !OPEN.has(`${r.method} ${r.url}`) && !PENDING_OK.has(`${r.method} ${r.url}`),
    );
    for (const route of routes) {
      const body = route.method === 'GET' ? undefined : {};
      const response = await pending.agent.request(route.method, route.url, body);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('permissions over HTTP', () => {
  it('refuses a clinician the user administration, audits the refusal, and writes nothing', async () => {
    const clinician = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, clinician);
    const response = await agent.post('/api/v1/users', {
      email: 'forbidden@test.example',
      displayName: 'Nope',
      roles: ['admin'],
      password: 'long enough password',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/role does not allow/);
    const denied = await database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', clinician.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ action: 'user.manage', outcome: 'denied' }]);
    const written = await database.db
      .selectFrom('app_user')
      .where('email', '=', 'forbidden@test.example')
      .execute();
    expect(written).toEqual([]);
  });

  it('lets a clinician read the staff list but not the audit log', async () => {
    const agent = await signedIn(app, await aUser(database.db, org.ctx, ['clinician']));
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/audit-events')).statusCode).toBe(403);
  });

  it("answers 404 for another organization's record", async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const agent = await signedIn(app, org.admin);
    const response = await agent.get(`/api/v1/users/${other.admin.id}`);
    expect(response.statusCode).toBe(404);
    const patch = await agent.patch(
      `/api/v1/users/${other.admin.id}`,
      { displayName: 'Hijack' },
      { 'if-match': '"1"' },
    );
    expect(patch.statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 naming the body', async () => {
    const agent = await signedIn(app, org.admin);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: {
        cookie: `trellis_session=${agent.cookie}`,
        'x-csrf-token': agent.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, errors: [{ field: 'body' }] });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers an oversize body with 413', async () => {
    const agent = await signedIn(app, org.admin);
    const response = await agent.post('/api/v1/users', { displayName: 'x'.repeat(2_000_000) });
    expect(response.statusCode).toBe(413);
  });

  it('names unknown fields, wrong types and bad ids', async () => {
    const agent = await signedIn(app, org.admin);
    const response = await agent.post('/api/v1/users', {
      email: 'ok@test.example',
      displayName: 42,
      roles: ['clinician'],
      password: 'long enough password',
      shoeSize: 9,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['displayName', 'shoeSize']));
    const badId = await agent.get('/api/v1/users/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe('id');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const agent = await signedIn(app, org.admin);
    const response = await agent.get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('one transaction per request', () => {
  it('leaves no account behind when the audit write of its creation fails', async () => {
    // A real fault in the database, half-way through the request: the audit insert fails.
    await database.db.schema.createTable('fault_flag').ifNotExists().addColumn('on', 'boolean').execute();
    const { sql } = await import('kysely');
    await sql`
      create or replace function fail_user_create_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'user.create' and new.resource_type = 'user' and exists (select 1 from fault_flag) then
          raise exception 'injected audit failure';
        end if;
        return new;
      end $$;
      create trigger fail_user_create_audit before insert on audit_event
        for each row execute function fail_user_create_audit();
    `.execute(database.db);
    await sql`insert into fault_flag values (true)`.execute(database.db);
    try {
      const agent = await signedIn(app, org.admin);
      const response = await agent.post('/api/v1/users', {
        email: 'half-written@test.example',
        displayName: 'Half Written',
        roles: ['clinician'],
        password: 'long enough password',
      });
      expect(response.statusCode).toBe(500);
      expect(response.json().detail).toMatch(/Nothing was saved/);
      expect(response.body).not.toMatch(/injected audit failure/);
      const rows = await database.db
        .selectFrom('app_user')
        .where('email', '=', 'half-written@test.example')
        .execute();
      expect(rows).toEqual([]);
    } finally {
      await sql`delete from fault_flag`.execute(database.db);
    }
  });
});
