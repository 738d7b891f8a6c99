import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import {
  aBenefitCheck,
  anInquiryInput,
  aReferralSource,
  toAssessmentBooked,
} from '../../test/intake-fixtures.js';
import { aPatient, aTrack } from '../../test/patient-fixtures.js';
import { actingAs, type StaffContext } from '../../test/shared-fixtures.js';

/** Users are created with argon2 hashes: generous on a busy machine. */
const HOOK_TIMEOUT = 180_000;

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let coordinator: TestUser;
let clinician: TestUser;
let intake: Agent;
let ctx: () => StaffContext;
let trackId: string;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  coordinator = await aUser(database.db, org.ctx, ['intake']);
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  const director = await aUser(database.db, org.ctx, ['director']);
  trackId = (await aTrack(database.db, actingAs(org, director, clock.now()), org.locationId)).id;
  ctx = () => actingAs(org, coordinator, clock.now());
  await app.ready();
  intake = await signedIn(app, coordinator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await app.close();
  await database.close();
});

async function newInquiry(overrides: Record<string, unknown> = {}) {
  const response = await intake.post('/api/v1/inquiries', { ...anInquiryInput(), ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const today = () => clock.now().toISOString().slice(0, 10);
const admission = () => ({
  trackId,
  admissionDate: today(),
  primaryClinicianId: clinician.id,
  diagnoses: [],
});

async function countOf(table: 'patient' | 'episode') {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', org.organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /api/v1/inquiries/:id/convert', () => {
  it('registers the patient from the inquiry without retyping and brings the insurance along', async () => {
    const inquiry = await newInquiry({
      firstName: 'Noor',
      lastName: 'Convertible',
      dateOfBirth: '1988-02-29',
      phone: '(217) 555-0170',
      email: 'noor.convertible@test.example',
      address: { line1: '12 Example Street', city: 'Springfield', region: 'IL', postalCode: '62701' },
      insurance: { payerName: 'Blue Example Health', memberId: 'XEH777', relationship: 'self' },
    });
    const coverageId = inquiry.coverages[0].id;
    const check = await intake.post(`/api/v1/coverages/${coverageId}/benefit-checks`, aBenefitCheck());
    expect(check.statusCode).toBe(201);

    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {});
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ createdPatient: true, coverageIds: [coverageId] });
    expect(result.inquiry).toMatchObject({
      patientId: result.patientId,
      convertedAt: clock.now().toISOString(),
    });

    const patient = (await intake.get(`/api/v1/patients/${result.patientId}`)).json();
    expect(patient).toMatchObject({
      legalFirstName: 'Noor',
      legalLastName: 'Convertible',
      dateOfBirth: '1988-02-29',
      email: 'noor.convertible@test.example',
      address: { line1: '12 Example Street', city: 'Springfield', region: 'IL', postalCode: '62701' },
    });
    expect(patient.phone.replace(/\D/g, '')).toBe('2175550170');

    const coverages = (await intake.get(`/api/v1/patients/${result.patientId}/coverages`)).json().items;
    expect(coverages).toEqual([
      expect.objectContaining({
        id: coverageId,
        patientId: result.patientId,
        inquiryId: inquiry.id,
        memberId: 'XEH777',
        status: 'active',
        latestCheck: expect.objectContaining({ id: check.json().id }),
      }),
    ]);

    const audit = await database.db
      .selectFrom('audit_event')
      .select(['action', 'patient_id', 'details'])
      .where('resource_id', '=', inquiry.id)
      .where('action', '=', 'inquiry.convert')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: 'inquiry.convert',
      patient_id: result.patientId,
      details: { createdPatient: true, coverageIds: [coverageId] },
    });

    const again = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already linked to a patient/);
  });

  it('needs the date of birth on the inquiry first', async () => {
    const inquiry = await newInquiry();
    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {});
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('dateOfBirth');
  });

  it('passes the duplicate warning through, then links the existing patient or confirms a new one', async () => {
    const existing = await aPatient(database.db, ctx(), {
      legalFirstName: 'Dana',
      legalLastName: 'Twiceseen',
      dateOfBirth: '1975-05-05',
    });
    const inquiry = await newInquiry({ firstName: 'Dana', lastName: 'Twiceseen', dateOfBirth: '1975-05-05' });
    const patientsBefore = await countOf('patient');

    const warned = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {});
    expect(warned.statusCode).toBe(409);
    expect(warned.json().candidates).toEqual([
      expect.objectContaining({ id: existing.id, mrn: existing.mrn }),
    ]);
    expect(await countOf('patient')).toBe(patientsBefore);
    expect((await intake.get(`/api/v1/inquiries/${inquiry.id}`)).json()).toMatchObject({
      patientId: null,
      version: 1,
    });
    const disclosure = await database.db
      .selectFrom('audit_event')
      .select(['action', 'patient_id'])
      .where('action', '=', 'patient.duplicate_warning')
      .where('patient_id', '=', existing.id)
      .execute();
    expect(disclosure).toHaveLength(1);

    const linked = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {
      existingPatientId: existing.id,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ patientId: existing.id, createdPatient: false });
    expect(await countOf('patient')).toBe(patientsBefore);

    const twin = await newInquiry({ firstName: 'Dana', lastName: 'Twiceseen', dateOfBirth: '1975-05-05' });
    const confirmed = await intake.post(`/api/v1/inquiries/${twin.id}/convert`, {
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().createdPatient).toBe(true);
    expect(confirmed.json().patientId).not.toBe(existing.id);
  });

  it('keeps a coverage the patient already has from being brought twice', async () => {
    const existing = await aPatient(database.db, ctx(), {
      legalLastName: 'Carded',
      dateOfBirth: '1991-01-01',
    });
    await intake.post(`/api/v1/patients/${existing.id}/coverages`, {
      payerName: 'Blue Example Health',
      memberId: 'SAME-1',
    });
    const inquiry = await newInquiry({
      insurance: { payerName: 'blue example health ', memberId: 'same-1' },
    });
    const linked = await intake.post(`/api/v1/inquiries/${inquiry.id}/convert`, {
      existingPatientId: existing.id,
    });
    expect(linked.json().coverageIds).toEqual([]);
    const second = await newInquiry({ insurance: { payerName: 'Other Health', memberId: 'OTHER-2' } });
    const moved = await intake.post(`/api/v1/inquiries/${second.id}/convert`, {
      existingPatientId: existing.id,
    });
    expect(moved.json().coverageIds).toHaveLength(1);
    const held = (await intake.get(`/api/v1/patients/${existing.id}/coverages`)).json().items;
    expect(held.map((c: { priority: string; memberId: string }) => [c.priority, c.memberId])).toEqual([
      ['primary', 'SAME-1'],
      ['secondary', 'OTHER-2'],
    ]);
  });
});

describe('POST /api/v1/inquiries/:id/admit', () => {
  it('registers, admits into the track and moves the inquiry to "admitted", in one request', async () => {
    const source = await aReferralSource(database.db, ctx(), { name: 'Lakeside Detox', kind: 'detox' });
    const created = await newInquiry({ dateOfBirth: '1984-03-03', referralSourceId: source.id });
    await toAssessmentBooked(database.db, ctx(), created.id);
    const response = await intake.post(`/api/v1/inquiries/${created.id}/admit`, { admission: admission() });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      createdPatient: true,
      inquiry: { stage: 'admitted', episodeId: result.episodeId },
    });

    const episode = await database.db
      .selectFrom('episode')
      .select(['patient_id', 'track_id', 'referral_source_id', 'referral_source_text'])
      .where('id', '=', result.episodeId)
      .executeTakeFirstOrThrow();
    expect(episode).toEqual({
      patient_id: result.patientId,
      track_id: trackId,
      referral_source_id: source.id,
      referral_source_text: 'Lakeside Detox',
    });
    const history = (await intake.get(`/api/v1/inquiries/${created.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({
      fromStage: 'assessment_booked',
      toStage: 'admitted',
      changedBy: { id: coordinator.id },
    });
    const admitted = await intake.post(`/api/v1/inquiries/${created.id}/transition`, {
      to: 'closed',
      reason: 'other',
      reasonText: 'x',
    });
    expect(admitted.statusCode).toBe(409);
  });

  it('refuses before "assessment booked" and writes nothing', async () => {
    const inquiry = await newInquiry({ dateOfBirth: '1984-03-03' });
    const [patients, episodes] = [await countOf('patient'), await countOf('episode')];
    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/admit`, { admission: admission() });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/“New”.*“Admitted”/);
    expect([await countOf('patient'), await countOf('episode')]).toEqual([patients, episodes]);
  });

  it('rolls the registration back when the admission is refused', async () => {
    const inquiry = await newInquiry({ dateOfBirth: '1984-03-03' });
    await toAssessmentBooked(database.db, ctx(), inquiry.id);
    const patients = await countOf('patient');
    const response = await intake.post(`/api/v1/inquiries/${inquiry.id}/admit`, {
      admission: { ...admission(), trackId: '0190d6a0-0000-7000-8000-00000000dead' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(await countOf('patient')).toBe(patients);
    expect((await intake.get(`/api/v1/inquiries/${inquiry.id}`)).json()).toMatchObject({
      stage: 'assessment_booked',
      patientId: null,
    });
  });
});
