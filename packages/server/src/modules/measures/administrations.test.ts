import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import {
  aMeasuredPatient,
  anAdministration,
  gad7Total,
  phq9,
  phq9Total,
} from '../../test/measures-fixtures.js';
import { actingAs, auditEventsOf, inTransaction } from '../../test/shared-fixtures.js';
import { enterAdministration } from './enter-administration.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinician: TestUser;
let director: TestUser;
let agent: Agent;
const clock = new TestClock();
const now = () => clock.now();
const daysAgo = (n: number) => new Date(now().getTime() - n * 86_400_000);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: now() });
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  director = await aUser(database.db, org.ctx, ['director']);
  agent = await signedIn(app, clinician);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** The tasks opened about an entry: the clinician's first, then the directors'. */
async function tasksAbout(administrationId: string) {
  const rows = await database.db
    .selectFrom('task')
    .select([
      'id',
      'kind',
      'priority',
      'status',
      'owner_user_id',
      'owner_role',
      'patient_id',
      'title',
      'subject_type',
    ])
    .where('subject_id', '=', administrationId)
    .execute();
  return rows.sort((a, b) => Number(a.owner_role !== null) - Number(b.owner_role !== null));
}

describe('entering a PHQ-9 in the chart', () => {
  it('scores it with the instrument version and settings, and stores it (201)', async () => {
    const { patient, episode } = await aMeasuredPatient(database.db, org, clinician);
    const response = await agent.post(`/api/v1/patients/${patient.id}/measures`, {
      instrument: 'phq9',
      answers: { ...phq9([2, 2, 3, 2, 1, 1, 2, 0]), phq9_difficulty: 1 },
      administeredAt: now().toISOString(),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      patientId: patient.id,
      episodeId: episode.id,
      instrument: 'phq9',
      instrumentVersion: '1.0.0',
      total: 13,
      band: { code: 'moderate', label: 'Moderate' },
      source: 'staff',
      enteredBy: clinician.id,
      part2: false,
      alertTaskIds: [],
      supersedesId: null,
    });
    expect(response.json().flags).toEqual([
      expect.objectContaining({ code: 'provisional_mdd', severity: 'warning' }),
    ]);
    expect(response.json().answers.phq9_difficulty).toBe(1);
  });

  it('opens an urgent risk alert for the clinician and the directors when item 9 is above zero, in the same transaction', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const response = await agent.post(`/api/v1/patients/${patient.id}/measures`, {
      instrument: 'phq9',
      answers: phq9Total(6, 1),
      administeredAt: now().toISOString(),
    });
    expect(response.statusCode).toBe(201);
    const admin = response.json();
    expect(admin.flags).toEqual([
      expect.objectContaining({ code: 'suicidal_ideation', severity: 'critical' }),
    ]);
    const tasks = await tasksAbout(admin.id);
    expect(tasks).toEqual([
      {
        id: expect.any(String),
        kind: 'risk_alert',
        priority: 'urgent',
        status: 'open',
        owner_user_id: clinician.id,
        owner_role: null,
        patient_id: patient.id,
        title: 'PHQ-9 item 9 answered above zero — review today',
        subject_type: 'measure_administration',
      },
      expect.objectContaining({
        owner_user_id: null,
        owner_role: 'director',
        priority: 'urgent',
        kind: 'risk_alert',
      }),
    ]);
    expect([...admin.alertTaskIds].sort()).toEqual(tasks.map((t) => t.id).sort());
    // One request, one transaction: the score and both alerts carry the request's id in the audit log.
    const created = await auditEventsOf(database.db, org.organizationId, { patientId: patient.id });
    const requestIds = await database.db
      .selectFrom('audit_event')
      .select(['action', 'request_id'])
      .where('patient_id', '=', patient.id)
      .where('action', 'in', ['measure.create', 'task.create'])
      .execute();
    expect(requestIds).toHaveLength(3);
    expect(new Set(requestIds.map((r) => r.request_id)).size).toBe(1);
    expect(created.find((a) => a.action === 'measure.create')?.details).toMatchObject({
      alerts: ['suicidal_ideation'],
      flags: ['suicidal_ideation'],
    });

    // The alert is on both dashboards.
    const mine = await agent.get('/api/v1/tasks?owner=me&kind=risk_alert');
    expect(mine.json().items.map((t: { id: string }) => t.id)).toContain(tasks[0]?.id);
    const directorAgent = await signedIn(app, director);
    const team = await directorAgent.get('/api/v1/tasks?owner=me_or_my_roles&kind=risk_alert');
    expect(team.json().items.map((t: { id: string }) => t.id)).toContain(tasks[1]?.id);
  });

  it('stores neither the score nor its alert when the transaction does not commit', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const ctx = actingAs(org, clinician, now());
    await expect(
      inTransaction(database.db, async (trx) => {
        await enterAdministration(trx, ctx, patient.id, {
          instrument: 'phq9',
          answers: phq9Total(3, 3),
          administeredAt: now().toISOString(),
        });
        throw new Error('the request failed after the score was stored');
      }),
    ).rejects.toThrow('the request failed');
    expect(
      await database.db.selectFrom('task').select('id').where('patient_id', '=', patient.id).execute(),
    ).toEqual([]);
    expect(
      await database.db
        .selectFrom('measure_administration')
        .select('id')
        .where('patient_id', '=', patient.id)
        .execute(),
    ).toEqual([]);
  });

  it('lets someone record what was done, which closes the alert (a note is required, audited)', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const admin = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(10, 2),
      administeredAt: now(),
    });
    const taskId = admin.alertTaskIds[0] ?? '';
    expect(admin.alertTaskIds).toHaveLength(2);
    const url = `/api/v1/tasks/${taskId}/resolve`;
    expect((await agent.post(url, { status: 'done' }, { 'if-match': '"1"' })).statusCode).toBe(422);
    const done = await agent.post(
      url,
      { note: 'Safety plan reviewed in session; no intent.' },
      { 'if-match': '"1"' },
    );
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', resolvedBy: clinician.id });
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'task.resolve',
      resourceId: taskId,
    });
    expect(audits).toEqual([
      expect.objectContaining({ actor_user_id: clinician.id, patient_id: patient.id }),
    ]);
  });

  it('alerts on a reliable deterioration against the episode baseline once, on the way in', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician, { admissionDate: '2026-11-02' });
    const enter = (total: number, days: number) =>
      anAdministration(database.db, org, clinician, patient.id, {
        instrument: 'phq9',
        answers: phq9Total(total),
        administeredAt: daysAgo(days),
      });
    expect((await enter(5, 28)).alertTaskIds).toEqual([]);
    expect((await enter(9, 21)).alertTaskIds).toEqual([]);
    const worse = await enter(12, 14);
    expect(worse.alertTaskIds).toHaveLength(2);
    expect((await tasksAbout(worse.id))[0]?.title).toBe(
      'PHQ-9 score reliably worse since baseline — review today',
    );
    expect((await enter(14, 7)).alertTaskIds).toEqual([]);
    // The GAD-7 series is its own: a first score is its baseline, nothing to compare.
    const gad = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(18),
      administeredAt: daysAgo(7),
    });
    expect(gad.alertTaskIds).toEqual([]);
  });
});

describe('bad input', () => {
  it('names a missing, an out-of-range and an unknown answer, and stores nothing', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const { phq9_3: _missing, ...answers } = phq9();
    const response = await agent.post(`/api/v1/patients/${patient.id}/measures`, {
      instrument: 'phq9',
      answers: { ...answers, phq9_4: 4, phq9_10: 1 },
      administeredAt: now().toISOString(),
    });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.phq9_10', 'answers.phq9_3', 'answers.phq9_4']);
    const unknown = await agent.post(`/api/v1/patients/${patient.id}/measures`, {
      instrument: 'phq10',
      answers: {},
      administeredAt: now().toISOString(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('instrument');
    const future = await agent.post(`/api/v1/patients/${patient.id}/measures`, {
      instrument: 'phq9',
      answers: phq9(),
      administeredAt: new Date(now().getTime() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('administeredAt');
    const rows = await database.db
      .selectFrom('measure_administration')
      .select('id')
      .where('patient_id', '=', patient.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses an episode of another patient', async () => {
    const first = await aMeasuredPatient(database.db, org, clinician);
    const second = await aMeasuredPatient(database.db, org, clinician);
    const response = await agent.post(`/api/v1/patients/${first.patient.id}/measures`, {
      instrument: 'gad7',
      answers: gad7Total(3),
      episodeId: second.episode.id,
      administeredAt: now().toISOString(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('episodeId');
  });
});

describe('reading and correcting', () => {
  it('lists the history newest first and reads one entry, auditing each read', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician, { admissionDate: '2026-11-16' });
    const older = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(14),
      administeredAt: daysAgo(14),
    });
    const newer = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(9),
      administeredAt: daysAgo(7),
    });
    await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(7),
      administeredAt: daysAgo(7),
    });
    const list = await agent.get(`/api/v1/patients/${patient.id}/measures?instrument=phq9`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id]);
    const one = await agent.get(`/api/v1/measures/${older.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: older.id, total: 14, settingsUsed: {} });
    const listAudit = await auditEventsOf(database.db, org.organizationId, {
      action: 'measure.list',
      patientId: patient.id,
    });
    expect(listAudit).toEqual([
      expect.objectContaining({
        actor_user_id: clinician.id,
        details: { instrument: 'phq9', count: 2, administrationIds: [newer.id, older.id] },
      }),
    ]);
    const readAudit = await auditEventsOf(database.db, org.organizationId, {
      action: 'measure.read',
      resourceId: older.id,
    });
    expect(readAudit).toEqual([
      expect.objectContaining({ patient_id: patient.id, details: { instrument: 'phq9', format: 'json' } }),
    ]);
  });

  it('corrects by a new entry that supersedes the old one, once, with a reason', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const wrong = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(20),
      administeredAt: daysAgo(1),
    });
    const noReason = await agent.post(`/api/v1/measures/${wrong.id}/corrections`, { answers: phq9Total(2) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const corrected = await agent.post(`/api/v1/measures/${wrong.id}/corrections`, {
      answers: phq9Total(2),
      reason: 'Entered another patient’s form by mistake.',
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({
      total: 2,
      supersedesId: wrong.id,
      correctionReason: 'Entered another patient’s form by mistake.',
      administeredAt: wrong.administeredAt,
    });
    const old = await agent.get(`/api/v1/measures/${wrong.id}`);
    expect(old.json()).toMatchObject({ total: 20, supersededById: corrected.json().id });
    const current = await agent.get(`/api/v1/patients/${patient.id}/measures`);
    expect(current.json().items.map((i: { id: string }) => i.id)).toEqual([corrected.json().id]);
    const all = await agent.get(`/api/v1/patients/${patient.id}/measures?includeSuperseded=true`);
    expect(all.json().items).toHaveLength(2);
    const again = await agent.post(`/api/v1/measures/${wrong.id}/corrections`, {
      answers: phq9Total(3),
      reason: 'Second try at the same entry.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already corrected/);
  });

  it('keeps stored scores immutable in the database itself', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const admin = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(5),
      administeredAt: now(),
    });
    await expect(
      sql`update measure_administration set total = 0 where id = ${admin.id}`.execute(database.db),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from measure_administration where id = ${admin.id}`.execute(database.db),
    ).rejects.toThrow(/never deleted/);
  });
});

describe('FHIR', () => {
  it('answers a QuestionnaireResponse and a survey Observation, LOINC-coded', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const admin = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'phq9',
      answers: phq9Total(11),
      administeredAt: daysAgo(1),
    });
    const response = await agent.get(`/api/v1/measures/${admin.id}?format=fhir`);
    expect(response.statusCode).toBe(200);
    const bundle = response.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const [qr, obs] = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: admin.id,
      status: 'completed',
      questionnaire: expect.stringMatching(/Questionnaire\/phq9\|1\.0\.0$/),
      subject: { reference: `Patient/${patient.id}` },
      authored: admin.administeredAt,
    });
    expect(qr.item).toHaveLength(9);
    expect(qr.meta).toBeUndefined();
    expect(obs).toMatchObject({
      resourceType: 'Observation',
      id: `${admin.id}-score`,
      status: 'final',
      category: [{ coding: [{ code: 'survey' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      valueQuantity: { value: 11, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
      derivedFrom: [{ reference: `QuestionnaireResponse/${admin.id}` }],
    });
    const audit = await auditEventsOf(database.db, org.organizationId, {
      action: 'measure.read',
      resourceId: admin.id,
    });
    expect(audit[0]?.details).toEqual({ instrument: 'phq9', format: 'fhir' });
  });

  it('labels a Part 2 episode’s score with the 42 CFR Part 2 security labels', async () => {
    const { patient, episode } = await aMeasuredPatient(database.db, org, clinician, {
      population: 'substance_use',
    });
    expect(episode.part2).toBe(true);
    const admin = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(4),
      administeredAt: now(),
    });
    expect(admin.part2).toBe(true);
    const bundle = (await agent.get(`/api/v1/measures/${admin.id}?format=fhir`)).json();
    for (const entry of bundle.entry) {
      expect(entry.resource.meta.security).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: '42CFRPart2' }),
          expect.objectContaining({ code: 'R' }),
        ]),
      );
    }
  });

  it('serves instrument definitions, and a Questionnaire on request', async () => {
    const list = await agent.get('/api/v1/instruments');
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([
      'phq9',
      'phqa',
      'gad7',
      'pcl5',
      'audit',
      'audit-c',
      'dast10',
      'cssrs-screener',
      'mdq',
    ]);
    const def = await agent.get('/api/v1/instruments/gad7');
    expect(def.json()).toMatchObject({ code: 'gad7', items: expect.any(Array), bands: expect.any(Array) });
    expect(def.json().items.map((i: { id: string }) => i.id)).toContain('gad7_7');
    const q = await agent.get('/api/v1/instruments/gad7?format=fhir');
    expect(q.json()).toMatchObject({ resourceType: 'Questionnaire', id: 'gad7', status: 'active' });
  });
});

describe('permissions', () => {
  it('refuses front desk and billing every measure read and write, and audits the refusal', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const admin = await anAdministration(database.db, org, clinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(2),
      administeredAt: now(),
    });
    for (const role of ['front_desk', 'billing'] as const) {
      const user = await aUser(database.db, org.ctx, [role]);
      const other = await signedIn(app, user);
      expect((await other.get(`/api/v1/patients/${patient.id}/measures`)).statusCode).toBe(403);
      expect((await other.get(`/api/v1/measures/${admin.id}`)).statusCode).toBe(403);
      expect((await other.get(`/api/v1/patients/${patient.id}/outcomes?instrument=gad7`)).statusCode).toBe(
        403,
      );
      expect((await other.get('/api/v1/measures/due')).statusCode).toBe(403);
      const post = await other.post(`/api/v1/patients/${patient.id}/measures`, {
        instrument: 'gad7',
        answers: gad7Total(1),
        administeredAt: now().toISOString(),
      });
      expect(post.statusCode).toBe(403);
      const denied = await database.db
        .selectFrom('audit_event')
        .select(['action', 'outcome'])
        .where('actor_user_id', '=', user.id)
        .where('outcome', '=', 'denied')
        .execute();
      expect(denied.map((d) => d.action).sort()).toEqual([
        'clinical.read',
        'clinical.read',
        'clinical.read',
        'clinical.read',
        'clinical.write',
      ]);
    }
  });

  it('answers 404 for another organization’s entry', async () => {
    const other = await createTestOrganization(database.db, { now: now() });
    const otherClinician = await aUser(database.db, other.ctx, ['clinician']);
    const { patient } = await aMeasuredPatient(database.db, other, otherClinician);
    const admin = await anAdministration(database.db, other, otherClinician, patient.id, {
      instrument: 'gad7',
      answers: gad7Total(2),
      administeredAt: now(),
    });
    expect((await agent.get(`/api/v1/measures/${admin.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/v1/patients/${patient.id}/measures`)).statusCode).toBe(404);
  });
});
