import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aBenefitCheck, anInquiry, aScreening } from '../../test/intake-fixtures.js';
import { actingAs } from '../../test/shared-fixtures.js';

/** Users are created with argon2 hashes: generous on a busy machine. */
const HOOK_TIMEOUT = 180_000;

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let intakeUser: TestUser;
type Role = 'intake' | 'director' | 'clinician' | 'billing' | 'front_desk' | 'admin';
const signedInAgents = new Map<Role, Agent>();
/** Signed in on first use: each sign-in checks an argon2 hash. */
async function agentOf(role: Role): Promise<Agent> {
  let agent = signedInAgents.get(role);
  if (!agent) {
    agent = await signedIn(app, users[role] as TestUser);
    signedInAgents.set(role, agent);
  }
  return agent;
}
const users: Record<string, TestUser> = {};
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  await app.ready();
  for (const role of ['intake', 'director', 'clinician', 'billing', 'front_desk'] as const) {
    users[role] = await aUser(database.db, org.ctx, [role]);
  }
  users.admin = org.admin;
  intakeUser = users.intake as TestUser;
}, HOOK_TIMEOUT);
afterAll(async () => {
  await app.close();
  await database.close();
});

const someInquiry = (insurance = false) =>
  anInquiry(
    database.db,
    actingAs(org, intakeUser, clock.now()),
    insurance ? { insurance: { payerName: 'Blue Example Health', memberId: 'P-1' } } : {},
  );

async function deniedAudit(userId: string, action: string) {
  return database.db
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('actor_user_id', '=', userId)
    .where('action', '=', action)
    .where('outcome', '=', 'denied')
    .execute();
}

describe('who may do what with inquiries', () => {
  it('keeps front desk and administrators out of inquiries, and audits the refusal', async () => {
    const inquiry = await someInquiry();
    for (const role of ['front_desk', 'admin'] as const) {
      const agent = await agentOf(role);
      expect((await agent.get('/api/v1/inquiries')).statusCode, role).toBe(403);
      expect((await agent.get('/api/v1/inquiries/board')).statusCode, role).toBe(403);
      expect((await agent.get(`/api/v1/inquiries/${inquiry.id}`)).statusCode, role).toBe(403);
      expect((await agent.get(`/api/v1/inquiries/${inquiry.id}/history`)).statusCode, role).toBe(403);
      expect((await agent.get('/api/v1/referral-sources')).statusCode, role).toBe(403);
    }
    const denied = await deniedAudit(users.front_desk?.id as string, 'inquiry.read');
    expect(denied.length).toBe(5);
  });

  it('lets billing record benefit checks but not read or move inquiries', async () => {
    const inquiry = await someInquiry(true);
    const coverageId = (
      await database.db
        .selectFrom('coverage')
        .select('id')
        .where('inquiry_id', '=', inquiry.id)
        .executeTakeFirstOrThrow()
    ).id;
    const billing = await agentOf('billing');
    const check = await billing.post(`/api/v1/coverages/${coverageId}/benefit-checks`, aBenefitCheck());
    expect(check.statusCode).toBe(201);
    const move = await billing.post(`/api/v1/inquiries/${inquiry.id}/transition`, { to: 'contacted' });
    expect(move.statusCode).toBe(403);
    expect((await billing.get(`/api/v1/inquiries/${inquiry.id}`)).statusCode).toBe(403);
    const stage = await database.db
      .selectFrom('inquiry')
      .select('stage')
      .where('id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    expect(stage.stage).toBe('new');
    expect(await deniedAudit(users.billing?.id as string, 'inquiry.manage')).toHaveLength(1);
  });

  it('lets clinicians read inquiries but not change them; directors and intake may', async () => {
    const inquiry = await someInquiry();
    const clinician = await agentOf('clinician');
    expect((await clinician.get(`/api/v1/inquiries/${inquiry.id}`)).statusCode).toBe(200);
    expect((await clinician.get('/api/v1/inquiries/board')).statusCode).toBe(200);
    expect(
      (await clinician.post(`/api/v1/inquiries/${inquiry.id}/transition`, { to: 'contacted' })).statusCode,
    ).toBe(403);
    expect(
      (await clinician.post(`/api/v1/inquiries/${inquiry.id}/screenings`, aScreening())).statusCode,
    ).toBe(403);
    expect((await clinician.post(`/api/v1/inquiries/${inquiry.id}/convert`, {})).statusCode).toBe(403);
    const director = await agentOf('director');
    expect(
      (await director.post(`/api/v1/inquiries/${inquiry.id}/transition`, { to: 'contacted' })).statusCode,
    ).toBe(200);
    // Adding insurance is coverage work: intake and billing, not the director.
    const coverage = await director.post(`/api/v1/inquiries/${inquiry.id}/coverages`, { payerName: 'Aetna' });
    expect(coverage.statusCode).toBe(403);
    const intake = await agentOf('intake');
    const added = await intake.post(`/api/v1/inquiries/${inquiry.id}/coverages`, { payerName: 'Aetna' });
    expect(added.statusCode).toBe(201);
  });

  it("answers 404 for another organization's inquiry", async () => {
    const inquiry = await someInquiry();
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const outsider = await signedIn(app, await aUser(database.db, other.ctx, ['intake']));
    expect((await outsider.get(`/api/v1/inquiries/${inquiry.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/v1/inquiries/${inquiry.id}/transition`, { to: 'contacted' })).statusCode,
    ).toBe(404);
    const patch = await outsider.patch(
      `/api/v1/inquiries/${inquiry.id}`,
      { notes: 'x' },
      { 'if-match': '"1"' },
    );
    expect(patch.statusCode).toBe(404);
    const board = (await outsider.get('/api/v1/inquiries/board')).json();
    expect(board.stages.every((s: { count: number }) => s.count === 0)).toBe(true);
  });
});

describe('referral sources', () => {
  it('are listed, added, renamed with If-Match and deactivated by intake and directors', async () => {
    const [intake, director, clinician, billing] = [
      await agentOf('intake'),
      await agentOf('director'),
      await agentOf('clinician'),
      await agentOf('billing'),
    ];
    const created = await intake.post('/api/v1/referral-sources', {
      name: 'Mercy Hospital',
      kind: 'hospital',
      contactName: 'Discharge planning',
      phone: '217-555-0111 x20',
      email: 'discharge@mercy.example',
    });
    expect(created.statusCode).toBe(201);
    const source = created.json();
    expect(source).toMatchObject({ name: 'Mercy Hospital', kind: 'hospital', active: true, version: 1 });

    const duplicate = await director.post('/api/v1/referral-sources', {
      name: 'mercy hospital',
      kind: 'other',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('name');
    const badKind = await intake.post('/api/v1/referral-sources', { name: 'Somewhere', kind: 'church' });
    expect(badKind.statusCode).toBe(400);

    const url = `/api/v1/referral-sources/${source.id}`;
    expect((await intake.patch(url, { name: 'Mercy General' })).statusCode).toBe(428);
    const renamed = await intake.patch(url, { name: 'Mercy General' }, { 'if-match': '"1"' });
    expect(renamed.json()).toMatchObject({ name: 'Mercy General', version: 2 });
    const deactivated = await director.patch(url, { active: false }, { 'if-match': '"2"' });
    expect(deactivated.json()).toMatchObject({ active: false, version: 3 });

    const names = async (query = '') =>
      (await clinician.get(`/api/v1/referral-sources${query}`))
        .json()
        .items.map((s: { name: string }) => s.name);
    expect(await names()).not.toContain('Mercy General');
    expect(await names('?includeInactive=true')).toContain('Mercy General');

    expect((await clinician.post('/api/v1/referral-sources', { name: 'X', kind: 'eap' })).statusCode).toBe(
      403,
    );
    expect((await billing.get('/api/v1/referral-sources')).statusCode).toBe(403);
    const audit = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource_id', '=', source.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'referral_source.create',
      'referral_source.update',
      'referral_source.deactivate',
    ]);
  });
});
