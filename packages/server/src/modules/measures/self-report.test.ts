import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aMeasuredPatient, gad7Total, phq9Total } from '../../test/measures-fixtures.js';
import { auditEventsOf } from '../../test/shared-fixtures.js';

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
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  agent = await signedIn(app, clinician);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A request from the patient's phone: no cookie, no CSRF token. */
function anonymous(method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) {
  return app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

async function sendLink(patientId: string, instruments: string[], expiresInHours = 72) {
  const response = await agent.post(`/api/v1/patients/${patientId}/measure-links`, {
    instruments,
    expiresInHours,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { requestId: string; token: string; path: string; expiresAt: string };
}

describe('self-report by one-time link', () => {
  it('shows the form, keeps partial answers, refuses an incomplete send, then stores and uses the link', async () => {
    const { patient, episode } = await aMeasuredPatient(database.db, org, clinician);
    const link = await sendLink(patient.id, ['phq9', 'gad7']);
    expect(link.path).toBe(`/self-report/${link.token}`);
    const url = `/api/v1/public/self-report/${link.token}`;

    const form = await anonymous('GET', url);
    expect(form.statusCode).toBe(200);
    const body = form.json();
    expect(body.firstName).toBe(patient.legalFirstName);
    expect(form.body).not.toContain(patient.legalLastName);
    expect(form.body).not.toContain(patient.id);
    expect(body.instruments.map((i: { code: string }) => i.code)).toEqual(['phq9', 'gad7']);
    expect(body.instruments[0].items[8]).toMatchObject({
      id: 'phq9_9',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      options: [
        { value: 0, label: 'Not at all' },
        { value: 1, label: 'Several days' },
        { value: 2, label: 'More than half the days' },
        { value: 3, label: 'Nearly every day' },
      ],
    });
    expect(body).toMatchObject({ progress: {}, savedAt: null });
    expect(body.crisisResources[0]).toMatchObject({ phone: '988' });

    // Half the PHQ-9, then the phone loses its connection; the answers are on the server.
    const { phq9_6: _a, phq9_7: _b, phq9_8: _c, phq9_9: _d, ...firstHalf } = phq9Total(8);
    const saved = await anonymous('PUT', `${url}/progress`, { answers: { phq9: firstHalf } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ savedAt: clock.now().toISOString() });
    const reopened = (await anonymous('GET', url)).json();
    expect(reopened.progress).toEqual({ phq9: firstHalf });
    expect(reopened.savedAt).toBe(clock.now().toISOString());

    const bad = await anonymous('PUT', `${url}/progress`, {
      answers: { phq9: { phq9_1: 7, phq9_x: 1 }, pcl5: {} },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.phq9.phq9_1',
      'answers.phq9.phq9_x',
      'answers.pcl5',
    ]);

    // Sending with the rest of the PHQ-9 but no GAD-7: refused, naming what is missing; link still good.
    const rest = { phq9_6: 0, phq9_7: 0, phq9_8: 0, phq9_9: 0 };
    const incomplete = await anonymous('POST', url, { answers: { phq9: rest } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(
      Array.from({ length: 7 }, (_, i) => `answers.gad7.gad7_${i + 1}`),
    );
    expect((await anonymous('GET', url)).statusCode).toBe(200);

    const sent = await anonymous('POST', url, { answers: { phq9: rest, gad7: gad7Total(6) } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({
      submitted: true,
      message: 'Thank you. Your answers were sent to your care team.',
      crisisResources: [],
    });
    const stored = await agent.get(`/api/v1/patients/${patient.id}/measures`);
    expect(
      stored
        .json()
        .items.map((i: { instrument: string; total: number; source: string; enteredBy: string | null }) => [
          i.instrument,
          i.total,
          i.source,
          i.enteredBy,
        ]),
    ).toEqual([
      ['gad7', 6, 'self_report', null],
      ['phq9', 8, 'self_report', null],
    ]);
    expect(stored.json().items[0].episodeId).toBe(episode.id);

    // Used: a second send and a reopen get a plain answer, and nothing more is stored.
    const twice = await anonymous('POST', url, { answers: { phq9: rest, gad7: gad7Total(6) } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already been used/);
    expect((await anonymous('GET', url)).statusCode).toBe(409);
    expect((await anonymous('PUT', `${url}/progress`, { answers: { gad7: { gad7_1: 1 } } })).statusCode).toBe(
      409,
    );
    expect((await agent.get(`/api/v1/patients/${patient.id}/measures`)).json().items).toHaveLength(2);

    // Audited with the link as the actor, no user.
    const audits = await auditEventsOf(database.db, org.organizationId, { patientId: patient.id });
    const byLink = audits.filter((a) => a.actor_user_id === null).map((a) => a.action);
    expect(byLink).toEqual([
      'measure.self_report.open',
      'measure.self_report.save',
      'measure.self_report.open',
      'measure.self_report.open',
      'link.redeem',
      'measure.create',
      'measure.create',
      'measure.self_report.submit',
    ]);
    const actorLabels = await database.db
      .selectFrom('audit_event')
      .select('actor_label')
      .where('patient_id', '=', patient.id)
      .where('action', 'like', 'measure.self_report.%')
      .execute();
    expect(new Set(actorLabels.map((a) => a.actor_label))).toEqual(new Set(['one-time link']));
  });

  it('refuses an expired link with a plain message, and stores nothing', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const link = await sendLink(patient.id, ['gad7'], 1);
    const url = `/api/v1/public/self-report/${link.token}`;
    expect((await anonymous('GET', url)).statusCode).toBe(200);
    clock.advanceMinutes(61);
    agent = await signedIn(app, clinician); // the staff session idled out meanwhile
    const late = await anonymous('POST', url, { answers: { gad7: gad7Total(3) } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('This link has expired. Please ask your care team for a new one.');
    expect((await anonymous('GET', url)).json().detail).toMatch(/expired/);
    expect((await agent.get(`/api/v1/patients/${patient.id}/measures`)).json().items).toEqual([]);
  });

  it('answers a made-up token with 404, and a malformed one with 400', async () => {
    const fake = 'A'.repeat(43);
    expect((await anonymous('GET', `/api/v1/public/self-report/${fake}`)).statusCode).toBe(404);
    expect((await anonymous('GET', '/api/v1/public/self-report/short')).statusCode).toBe(400);
  });

  it('alerts the care team at once for item 9, and shows the person where to turn', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const link = await sendLink(patient.id, ['phq9']);
    const sent = await anonymous('POST', `/api/v1/public/self-report/${link.token}`, {
      answers: { phq9: phq9Total(12, 2) },
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().crisisResources.map((r: { phone?: string }) => r.phone)).toContain('988');
    const tasks = await database.db
      .selectFrom('task')
      .select(['kind', 'priority', 'owner_user_id', 'owner_role', 'created_by'])
      .where('patient_id', '=', patient.id)
      .execute();
    expect(tasks).toEqual(
      expect.arrayContaining([
        {
          kind: 'risk_alert',
          priority: 'urgent',
          owner_user_id: clinician.id,
          owner_role: null,
          created_by: null,
        },
        {
          kind: 'risk_alert',
          priority: 'urgent',
          owner_user_id: null,
          owner_role: 'director',
          created_by: null,
        },
      ]),
    );
    expect(tasks).toHaveLength(2);
  });

  it('asks for at least one questionnaire and at most 7 days', async () => {
    const { patient } = await aMeasuredPatient(database.db, org, clinician);
    const none = await agent.post(`/api/v1/patients/${patient.id}/measure-links`, { instruments: [] });
    expect(none.statusCode).toBe(400);
    const long = await agent.post(`/api/v1/patients/${patient.id}/measure-links`, {
      instruments: ['phq9'],
      expiresInHours: 200,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('expiresInHours');
  });
});
