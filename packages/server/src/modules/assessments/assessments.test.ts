import { ASSESSMENT_SECTIONS } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aMeasuredPatient, anAdministration, phq9Total } from '../../test/measures-fixtures.js';
import { auditEventsOf } from '../../test/shared-fixtures.js';
import { verifySignature } from '../signatures/index.js';
import { signedContent } from './to-api.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinician: TestUser;
let agent: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinician = await aUser(database.db, org.ctx, ['clinician'], { displayName: 'Casey Clinician' });
  agent = await signedIn(app, clinician);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Every section written, with its required fields answered. */
function completeSections() {
  return Object.fromEntries(
    ASSESSMENT_SECTIONS.map((s) => [
      s.key,
      {
        narrative: `${s.label}: as discussed at intake.`,
        fields: Object.fromEntries(
          s.fields
            .filter((f) => f.requiredToSign)
            .map((f) => [f.key, f.kind === 'boolean' ? false : (f.choices?.[0]?.value ?? 'x')]),
        ),
      },
    ]),
  );
}

const ratings = (values: number[]) =>
  values.map((rating, i) => ({ dimension: i + 1, rating, notes: `Dimension ${i + 1} rationale.` }));

async function started() {
  const measured = await aMeasuredPatient(database.db, org, clinician);
  const response = await agent.post(`/api/v1/patients/${measured.patient.id}/assessments`, {});
  expect(response.statusCode).toBe(201);
  return { ...measured, assessment: response.json() };
}

function fullDraft(administrationIds: string[] = [], chosen = '2.1', overrideReason: string | null = null) {
  return {
    sections: completeSections(),
    asam: { edition: '3', ratings: ratings([0, 0, 2, 1, 1, 1]) },
    levelOfCare: { chosen, overrideReason },
    diagnoses: [{ code: 'F33.1', primary: true }, { code: 'F41.1' }],
    administrationIds,
  };
}

describe('the initial assessment', () => {
  it('starts as a draft of the open episode, with its diagnoses to confirm; one per episode', async () => {
    const { patient, episode, assessment } = await started();
    expect(assessment).toMatchObject({
      patientId: patient.id,
      episodeId: episode.id,
      status: 'draft',
      version: 1,
      diagnoses: [{ code: 'F33.1', primary: true }],
      recommendation: null,
      signature: null,
      addenda: [],
    });
    expect(assessment.missing.map((m: { field: string }) => m.field)).toContain(
      'sections.risk.fields.riskLevel',
    );
    const again = await agent.post(`/api/v1/patients/${patient.id}/assessments`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].message).toContain(assessment.id);
  });

  it('autosaves under If-Match, recommends a level from the ratings, and answers 409 with the current draft when stale', async () => {
    const { patient, assessment } = await started();
    const phq = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(14),
      administeredAt: clock.now(),
    });
    const url = `/api/v1/assessments/${assessment.id}`;
    expect((await agent.put(url, fullDraft([phq.id]))).statusCode).toBe(428);
    const saved = await agent.put(url, fullDraft([phq.id]), { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({
      version: 2,
      recommendation: {
        edition: '3',
        level: '2.1',
        label: 'Intensive outpatient',
        withdrawalManagement: null,
      },
      levelOfCare: { chosen: '2.1', overrideReason: null },
      diagnoses: [
        { code: 'F33.1', primary: true },
        { code: 'F41.1', primary: false },
      ],
      administrationIds: [phq.id],
      missing: [],
    });
    expect(saved.json().recommendation.reasons).toContain(
      'Dimension 3 (Emotional, behavioural or cognitive conditions and complications) rated 2: at least 2.1 Intensive outpatient.',
    );
    const stale = await agent.put(
      url,
      { ...fullDraft(), diagnoses: [{ code: 'F32.1' }] },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, administrationIds: [phq.id] });
    const stored = await database.db
      .selectFrom('assessment')
      .select(['version', 'recommended_level'])
      .where('id', '=', assessment.id)
      .executeTakeFirst();
    expect(stored).toEqual({ version: 2, recommended_level: '2.1' });
  });

  it('refuses bad content in a draft but lets missing content wait for signing', async () => {
    const { assessment } = await started();
    const other = await aMeasuredPatient(database.db, org, clinician);
    const theirs = await anAdministration(database.db, org, clinician, other.patient.id, {
      instrument: 'phq9',
      answers: phq9Total(3),
      administeredAt: clock.now(),
    });
    const url = `/api/v1/assessments/${assessment.id}`;
    const bad = await agent.put(
      url,
      {
        asam: { edition: '4', ratings: [{ dimension: 6, rating: 2, notes: 'x' }] },
        levelOfCare: { chosen: '2.1' },
        diagnoses: [{ code: 'X99.9' }],
        administrationIds: [theirs.id],
      },
      { 'if-match': '"1"' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'diagnoses.0.code',
      'asam.ratings.0.rating',
      'administrationIds.0',
    ]);
    const half = await agent.put(
      url,
      {
        sections: { presenting_problem: { narrative: 'Low mood since spring.' } },
        levelOfCare: { chosen: '2.5' },
      },
      { 'if-match': '"1"' },
    );
    expect(half.statusCode).toBe(200);
    expect(half.json().sections.presenting_problem).toEqual({
      narrative: 'Low mood since spring.',
      fields: {},
    });
    const unknownField = await agent.put(
      url,
      { sections: { risk: { narrative: 'x', fields: { mood: 'low' } } } },
      {
        'if-match': '"2"',
      },
    );
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses to sign an incomplete assessment, listing everything missing, and signs nothing', async () => {
    const { assessment } = await started();
    const url = `/api/v1/assessments/${assessment.id}`;
    await agent.put(
      url,
      {
        ...fullDraft(),
        sections: { ...completeSections(), legal: undefined },
        asam: { edition: '3', ratings: ratings([0, 0, 2]) },
      },
      { 'if-match': '"1"' },
    );
    const response = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: clinician.password },
      {
        'if-match': '"2"',
      },
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toBe('The assessment cannot be signed yet: 7 items are missing.');
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'sections.legal.narrative',
      'asam.dimension4.rating',
      'asam.dimension4.notes',
      'asam.dimension5.rating',
      'asam.dimension5.notes',
      'asam.dimension6.rating',
      'asam.dimension6.notes',
    ]);
    const signatures = await database.db
      .selectFrom('signature')
      .select('id')
      .where('document_id', '=', assessment.id)
      .execute();
    expect(signatures).toEqual([]);
  });

  it('needs a documented reason to sign a level other than the recommendation', async () => {
    const { assessment } = await started();
    const url = `/api/v1/assessments/${assessment.id}`;
    const saved = await agent.put(url, fullDraft([], '2.5'), { 'if-match': '"1"' });
    expect(saved.json().missing).toEqual([
      {
        field: 'levelOfCare.overrideReason',
        message: 'Say why you chose 2.5 rather than the recommended 2.1 (at least 10 characters).',
      },
    ]);
    const refused = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: clinician.password },
      {
        'if-match': '"2"',
      },
    );
    expect(refused.statusCode).toBe(422);
    const explained = await agent.put(
      url,
      fullDraft([], '2.5', 'Lives alone; no IOP evening group within reach.'),
      {
        'if-match': '"2"',
      },
    );
    expect(explained.json().missing).toEqual([]);
    const signed = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: clinician.password },
      {
        'if-match': '"3"',
      },
    );
    expect(signed.statusCode).toBe(200);
    const audit = await auditEventsOf(database.db, org.organizationId, {
      action: 'assessment.sign',
      resourceId: assessment.id,
    });
    expect(audit[0]?.details).toMatchObject({
      recommendedLevel: '2.1',
      chosenLevel: '2.5',
      overridden: true,
      diagnosisCodes: ['F33.1', 'F41.1'],
      // The episode held only F33.1: signing added F41.1 to it.
      episodeDiagnoses: 'updated',
    });
  });

  it('signs with the password, is then immutable, and takes signed addenda', async () => {
    const { patient, assessment } = await started();
    const url = `/api/v1/assessments/${assessment.id}`;
    await agent.put(url, fullDraft(), { 'if-match': '"1"' });
    const wrong = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: 'not my password' },
      {
        'if-match': '"2"',
      },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('password');
    const signed = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: clinician.password },
      {
        'if-match': '"2"',
      },
    );
    expect(signed.statusCode).toBe(200);
    const body = signed.json();
    expect(body).toMatchObject({
      status: 'signed',
      version: 3,
      signedAt: clock.now().toISOString(),
      missing: [],
      signature: {
        documentType: 'assessment',
        documentId: assessment.id,
        documentVersion: 2,
        signerRole: 'author',
        signerUserId: clinician.id,
      },
    });

    // The signed diagnoses are now the episode's.
    const episode = (await agent.get(`/api/v1/episodes/${assessment.episodeId}`)).json();
    expect(episode.diagnoses).toEqual([
      expect.objectContaining({ code: 'F33.1', primary: true }),
      expect.objectContaining({ code: 'F41.1', primary: false }),
    ]);

    const update = await agent.put(url, fullDraft(), { 'if-match': '"3"' });
    expect(update.statusCode).toBe(409);
    expect(update.json().detail).toMatch(/signed .* add an addendum/);
    const resign = await agent.post(
      `${url}/sign`,
      { typedName: 'Casey Clinician', password: clinician.password },
      {
        'if-match': '"3"',
      },
    );
    expect(resign.statusCode).toBe(409);
    await expect(
      sql`update assessment set chosen_level = '1' where id = ${assessment.id}`.execute(database.db),
    ).rejects.toThrow(/immutable/);

    const addendum = await agent.post(`${url}/addenda`, {
      text: 'Patient later disclosed a 2019 hospitalisation.',
      typedName: 'Casey Clinician',
      password: clinician.password,
    });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().addenda).toEqual([
      expect.objectContaining({
        text: 'Patient later disclosed a 2019 hospitalisation.',
        createdBy: clinician.id,
        signature: expect.objectContaining({
          documentType: 'addendum',
          addendumTo: { documentType: 'assessment', documentId: assessment.id },
        }),
      }),
    ]);
    expect(addendum.json().version).toBe(3);

    const read = await agent.get(url);
    expect(read.json().addenda).toHaveLength(1);
    // The stored signature covers exactly what is stored.
    const stored = await database.db
      .selectFrom('assessment')
      .selectAll()
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    const check = await verifySignature(
      database.db,
      org.organizationId,
      body.signature.id,
      signedContent(stored),
    );
    expect(check.matches).toBe(true);

    const actions = (await auditEventsOf(database.db, org.organizationId, { patientId: patient.id })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'assessment.create',
        'assessment.update',
        'signature.create',
        'assessment.sign',
        'episode.update',
        'assessment.addendum',
        'assessment.read',
      ]),
    );
  });

  it('takes no addendum on a draft', async () => {
    const { assessment } = await started();
    const response = await agent.post(`/api/v1/assessments/${assessment.id}/addenda`, {
      text: 'Too early.',
      typedName: 'Casey Clinician',
      password: clinician.password,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/still a draft/);
  });

  it('lists a patient’s assessments and keeps front desk and billing out', async () => {
    const { patient, assessment } = await started();
    const list = await agent.get(`/api/v1/patients/${patient.id}/assessments`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: assessment.id, status: 'draft', chosenLevel: null }),
    ]);
    for (const role of ['front_desk', 'billing'] as const) {
      const other = await signedIn(app, await aUser(database.db, org.ctx, [role]));
      expect((await other.get(`/api/v1/assessments/${assessment.id}`)).statusCode).toBe(403);
      expect((await other.get(`/api/v1/patients/${patient.id}/assessments`)).statusCode).toBe(403);
      expect(
        (await other.put(`/api/v1/assessments/${assessment.id}`, fullDraft(), { 'if-match': '"1"' }))
          .statusCode,
      ).toBe(403);
    }
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'assessment.list',
      patientId: patient.id,
    });
    expect(audits[0]?.details).toEqual({ assessmentIds: [assessment.id] });
  });
});
