import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aBenefitCheck, aCoverageInput, anInquiry } from '../../test/intake-fixtures.js';
import { aPatient } from '../../test/patient-fixtures.js';
import { actingAs } from '../../test/shared-fixtures.js';

/** Users are created with argon2 hashes: generous on a busy machine. */
const HOOK_TIMEOUT = 180_000;

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let billingUser: TestUser;
let intakeUser: TestUser;
let billing: Agent;
let intake: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  billingUser = await aUser(database.db, org.ctx, ['billing'], { displayName: 'Ben Billing' });
  intakeUser = await aUser(database.db, org.ctx, ['intake']);
  await app.ready();
  billing = await signedIn(app, billingUser);
  intake = await signedIn(app, intakeUser);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await app.close();
  await database.close();
});

async function aPatientId() {
  return (await aPatient(database.db, actingAs(org, intakeUser, clock.now()))).id;
}

async function auditOf(resourceId: string) {
  return database.db
    .selectFrom('audit_event')
    .select(['action', 'patient_id', 'actor_user_id'])
    .where('resource_id', '=', resourceId)
    .orderBy('seq')
    .execute();
}

describe('a patient’s coverages', () => {
  it('are created, read and changed with If-Match, every step audited under the patient', async () => {
    const patientId = await aPatientId();
    const created = await billing.post(
      `/api/v1/patients/${patientId}/coverages`,
      aCoverageInput({ memberId: 'M-100' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const coverage = created.json();
    expect(coverage).toMatchObject({
      patientId,
      inquiryId: null,
      payerName: 'Blue Example Health',
      memberId: 'M-100',
      priority: 'primary',
      status: 'pending_verification',
      latestCheck: null,
      version: 1,
    });

    const url = `/api/v1/coverages/${coverage.id}`;
    expect((await billing.get(url)).json()).toEqual(coverage);
    expect((await billing.patch(url, { groupNumber: 'G-2' })).statusCode).toBe(428);
    const changed = await billing.patch(
      url,
      { groupNumber: 'G-2', effectiveDate: '2026-01-01', terminationDate: '2026-12-31' },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      groupNumber: 'G-2',
      effectiveDate: '2026-01-01',
      terminationDate: '2026-12-31',
      version: 2,
    });
    const stale = await intake.patch(url, { planName: 'Gold' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, groupNumber: 'G-2', planName: 'PPO Silver' });

    const list = await billing.get(`/api/v1/patients/${patientId}/coverages`);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([coverage.id]);

    expect(await auditOf(coverage.id)).toEqual([
      { action: 'coverage.create', patient_id: patientId, actor_user_id: billingUser.id },
      { action: 'coverage.read', patient_id: patientId, actor_user_id: billingUser.id },
      { action: 'coverage.update', patient_id: patientId, actor_user_id: billingUser.id },
    ]);
    const listed = await database.db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'coverage.list')
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(listed.details).toEqual({ count: 1, coverageIds: [coverage.id] });
  });

  it('refuses a second primary, an end before the start, and an unknown patient', async () => {
    const patientId = await aPatientId();
    const url = `/api/v1/patients/${patientId}/coverages`;
    expect((await billing.post(url, aCoverageInput())).statusCode).toBe(201);
    const second = await billing.post(url, aCoverageInput());
    expect(second.statusCode).toBe(409);
    expect(second.json().errors[0].field).toBe('priority');
    expect((await billing.post(url, aCoverageInput({ priority: 'secondary' }))).statusCode).toBe(201);
    const backwards = await billing.post(
      url,
      aCoverageInput({ priority: 'tertiary', effectiveDate: '2026-06-01', terminationDate: '2026-01-01' }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].field).toBe('terminationDate');
    const bad = await billing.post(
      url,
      aCoverageInput({ priority: 'tertiary', subscriberDateOfBirth: '1990-13-01' }),
    );
    expect(bad.statusCode).toBe(400);
    const nobody = await billing.post(
      '/api/v1/patients/0190d6a0-0000-7000-8000-00000000dead/coverages',
      aCoverageInput(),
    );
    expect(nobody.statusCode).toBe(404);
  });
});

describe('benefit checks', () => {
  it('record what was found, set the coverage’s status, and carry the X12 service types', async () => {
    const patientId = await aPatientId();
    const coverage = (await billing.post(`/api/v1/patients/${patientId}/coverages`, aCoverageInput())).json();
    const url = `/api/v1/coverages/${coverage.id}/benefit-checks`;
    const recorded = await billing.post(
      url,
      aBenefitCheck({
        substanceUse: { iopCovered: true, serviceTypeCodes: ['AI', 'CJ'] },
        limitDays: 30,
        limitPeriod: 'calendar_year',
        notes: 'Spoke with Kim at the payer.',
      }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    const check = recorded.json();
    expect(check).toMatchObject({
      coverageId: coverage.id,
      checkedAt: clock.now().toISOString(),
      checkedBy: { id: billingUser.id, name: 'Ben Billing' },
      source: 'phone',
      coverageActive: true,
      network: 'in_network',
      mentalHealth: { iopCovered: true, serviceTypeCodes: ['MH', 'A8', 'CF', 'CH'] },
      substanceUse: { iopCovered: true, serviceTypeCodes: ['AI', 'CJ'] },
      deductibleCents: 150_000,
      deductibleMetCents: 40_000,
      coinsurancePercent: 20,
      priorAuthRequired: true,
      limitDays: 30,
      version: 1,
    });
    expect(check.summary).toMatch(
      /^Active, in network; IOP covered for mental health; IOP covered for substance use/,
    );

    const after = (await billing.get(`/api/v1/coverages/${coverage.id}`)).json();
    expect(after).toMatchObject({ status: 'active', version: 2, latestCheck: { id: check.id } });

    const inactive = await billing.post(url, aBenefitCheck({ coverageActive: false, source: 'portal' }));
    expect(inactive.statusCode).toBe(201);
    expect((await billing.get(`/api/v1/coverages/${coverage.id}`)).json()).toMatchObject({
      status: 'inactive',
      latestCheck: { id: inactive.json().id, summary: 'Coverage not active.' },
    });
    const list = (await billing.get(url)).json().items.map((c: { id: string }) => c.id);
    expect(list).toEqual([inactive.json().id, check.id]);
  });

  it('refuse inconsistent numbers and unknown service types, writing nothing', async () => {
    const patientId = await aPatientId();
    const coverage = (await billing.post(`/api/v1/patients/${patientId}/coverages`, aCoverageInput())).json();
    const url = `/api/v1/coverages/${coverage.id}/benefit-checks`;
    const overMet = await billing.post(url, aBenefitCheck({ deductibleMetCents: 200_000 }));
    expect(overMet.statusCode).toBe(422);
    expect(overMet.json().errors[0].field).toBe('deductibleMetCents');
    const future = await billing.post(url, aBenefitCheck({ checkedAt: '2026-12-25T10:00:00Z' }));
    expect(future.statusCode).toBe(422);
    const unknownCode = await billing.post(
      url,
      aBenefitCheck({ mentalHealth: { iopCovered: true, serviceTypeCodes: ['ZZ'] as never } }),
    );
    expect(unknownCode.statusCode).toBe(400);
    const percent = await billing.post(url, aBenefitCheck({ coinsurancePercent: 120 }));
    expect(percent.statusCode).toBe(400);
    expect((await billing.get(url)).json().items).toEqual([]);
    expect((await billing.get(`/api/v1/coverages/${coverage.id}`)).json().status).toBe(
      'pending_verification',
    );
  });

  it('are corrected with If-Match, audited under the patient', async () => {
    const patientId = await aPatientId();
    const coverage = (await billing.post(`/api/v1/patients/${patientId}/coverages`, aCoverageInput())).json();
    const check = (
      await billing.post(`/api/v1/coverages/${coverage.id}/benefit-checks`, aBenefitCheck())
    ).json();
    const url = `/api/v1/coverages/${coverage.id}/benefit-checks/${check.id}`;
    expect((await billing.patch(url, { copayCents: 2500 })).statusCode).toBe(428);
    const fixed = await billing.patch(
      url,
      { copayCents: 2500, coinsurancePercent: null },
      { 'if-match': '"1"' },
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ copayCents: 2500, coinsurancePercent: null, version: 2 });
    expect(fixed.json().summary).toMatch(/copay \$25/);
    const stale = await billing.patch(url, { copayCents: 3000 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ copayCents: 2500, version: 2 });
    const wrongCoverage = await billing.get(
      `/api/v1/coverages/0190d6a0-0000-7000-8000-00000000dead/benefit-checks/${check.id}`,
    );
    expect(wrongCoverage.statusCode).toBe(404);
    expect((await billing.get(url)).json()).toMatchObject({ id: check.id, version: 2 });
    expect(await auditOf(check.id)).toEqual([
      { action: 'benefit_check.create', patient_id: patientId, actor_user_id: billingUser.id },
      { action: 'benefit_check.update', patient_id: patientId, actor_user_id: billingUser.id },
      { action: 'benefit_check.read', patient_id: patientId, actor_user_id: billingUser.id },
    ]);
  });

  it('resolve the verification request of an inquiry’s coverage in the work queue', async () => {
    const inquiry = await anInquiry(database.db, actingAs(org, intakeUser, clock.now()), {
      insurance: { payerName: 'Blue Example Health', memberId: 'Q-1' },
    });
    const coverage = await database.db
      .selectFrom('coverage')
      .select(['id'])
      .where('inquiry_id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    const taskOf = () =>
      database.db
        .selectFrom('task')
        .select(['kind', 'status', 'resolved_by', 'resolution_note'])
        .where('subject_id', '=', coverage.id)
        .executeTakeFirstOrThrow();
    expect(await taskOf()).toMatchObject({ kind: 'benefit_verification', status: 'open' });
    // Billing works verifications from the queue: it sees the coverage, not the inquiry.
    expect((await billing.get(`/api/v1/coverages/${coverage.id}`)).statusCode).toBe(200);
    const recorded = await billing.post(`/api/v1/coverages/${coverage.id}/benefit-checks`, aBenefitCheck());
    expect(recorded.statusCode).toBe(201);
    expect(await taskOf()).toEqual({
      kind: 'benefit_verification',
      status: 'done',
      resolved_by: billingUser.id,
      resolution_note: 'Benefit check recorded.',
    });
    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'patient_id', 'details'])
      .where('resource_id', '=', recorded.json().id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: 'benefit_check.create',
      patient_id: null,
      details: { owner: 'inquiry', inquiryId: inquiry.id, coverageId: coverage.id, source: 'phone' },
    });
  });

  it('may be added to an inquiry before admission, queued for verification', async () => {
    const inquiry = await anInquiry(database.db, actingAs(org, intakeUser, clock.now()));
    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/coverages`, aCoverageInput());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ inquiryId: inquiry.id, patientId: null });
    const task = await database.db
      .selectFrom('task')
      .select(['kind', 'status'])
      .where('subject_id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ kind: 'benefit_verification', status: 'open' });
  });
});

describe('another organization', () => {
  it('cannot see or change a coverage', async () => {
    const patientId = await aPatientId();
    const coverage = (await billing.post(`/api/v1/patients/${patientId}/coverages`, aCoverageInput())).json();
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const outsider = await signedIn(app, await aUser(database.db, other.ctx, ['billing']));
    expect((await outsider.get(`/api/v1/coverages/${coverage.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/patients/${patientId}/coverages`)).statusCode).toBe(404);
    const write = await outsider.post(`/api/v1/coverages/${coverage.id}/benefit-checks`, aBenefitCheck());
    expect(write.statusCode).toBe(404);
    const patch = await outsider.patch(
      `/api/v1/coverages/${coverage.id}`,
      { planName: 'x' },
      { 'if-match': '"1"' },
    );
    expect(patch.statusCode).toBe(404);
  });
});
