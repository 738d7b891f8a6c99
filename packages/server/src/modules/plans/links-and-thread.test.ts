import type { api } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { TEST_PASSWORD } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import {
  anAdmittedPatient,
  aSchedulingWorld,
  aSeriesVia,
  type SchedulingWorld,
} from '../../test/scheduling-fixtures.js';
import { auditEventsOf } from '../../test/shared-fixtures.js';

let database: Database;
let app: FastifyInstance;
let world: SchedulingWorld;
let lee: Agent;
// Monday 2 March 2026, 09:00 in Chicago.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  lee = await signedIn(app, world.lee);
  // CBT skills Monday, Wednesday and Thursday mornings: the track's 9 hours.
  await aSeriesVia(world, { title: 'CBT Skills', kind: 'cbt_skills', curriculum: [] });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function depressionTemplate(): Promise<string> {
  const items = (await lee.get('/api/v1/plan-templates')).json().items as api.PlanTemplate[];
  return items.find((t) => t.starterKey === 'depression')!.id;
}

/** A patient of the track with a depression plan, completed and signed by Dr Lee: awaiting the participant. */
async function awaitingParticipant() {
  const { patient, episode } = await anAdmittedPatient(database.db, world);
  const created = (
    await lee.post(`/api/v1/episodes/${episode.id}/plan`, { templateIds: [await depressionTemplate()] })
  ).json() as api.TreatmentPlan;
  const content = structuredClone(created.current.content);
  for (const p of content.problems) for (const i of p.interventions) i.responsibleUserId ??= world.patel.id;
  const saved = (
    await lee.put(`/api/v1/plans/${created.id}/draft`, { content }, ifMatch(created.version))
  ).json();
  const signed = await lee.post(
    `/api/v1/plans/${created.id}/sign`,
    { typedName: 'Dr Lee', password: TEST_PASSWORD },
    ifMatch(saved.version),
  );
  expect(signed.statusCode).toBe(200);
  return { patient, episode, plan: signed.json() as api.TreatmentPlan };
}

describe('the participant signs through a one-time link', () => {
  it('reads the plan with their first name only, signs once, and the plan is in effect', async () => {
    const { patient, plan } = await awaitingParticipant();
    const issued = await lee.post(`/api/v1/plans/${plan.id}/signature-link`, { expiresInHours: 48 });
    expect(issued.statusCode).toBe(201);
    const { token, path } = issued.json();
    expect(path).toBe(`/sign/plan/${token}`);

    const opened = await app.inject({ method: 'GET', url: `/api/v1/public/plan-signature/${token}` });
    expect(opened.statusCode).toBe(200);
    const page = opened.json() as api.PublicPlanSigning;
    expect(page).toMatchObject({ firstName: patient.legalFirstName, versionNumber: 1 });
    expect(JSON.stringify(page)).not.toContain(patient.legalLastName);
    expect(page.document.problems[0]?.interventions[0]).toMatchObject({ modalityLabel: 'Group CBT' });
    expect(page.attestation).toContain('treatment plan');

    const missingName = await app.inject({
      method: 'POST',
      url: `/api/v1/public/plan-signature/${token}`,
      payload: {},
    });
    expect(missingName.statusCode).toBe(422);
    expect(missingName.json().errors[0].field).toBe('typedName');

    const signed = await app.inject({
      method: 'POST',
      url: `/api/v1/public/plan-signature/${token}`,
      payload: { typedName: `${patient.legalFirstName} ${patient.legalLastName}` },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ versionNumber: 1, status: 'signed' });

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/public/plan-signature/${token}`,
      payload: { typedName: 'Someone' },
    });
    expect(again.statusCode).toBe(409);

    const now = (await lee.get(`/api/v1/plans/${plan.id}`)).json() as api.TreatmentPlan;
    expect(now).toMatchObject({ status: 'signed', effectiveVersionNumber: 1 });
    expect(now.current.signatures.participant).toMatchObject({
      method: 'one_time_link',
      signerUserId: null,
      attestation: page.attestation,
    });
    const audit = await auditEventsOf(database.db, world.org.organizationId, { resourceId: plan.id });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['plan.signing.open', 'plan.sign']));
    expect(audit.find((e) => e.action === 'plan.signing.open')?.actor_user_id).toBeNull();
  });

  it('stops working when the plan changes after the link was sent', async () => {
    const { plan } = await awaitingParticipant();
    const { token } = (await lee.post(`/api/v1/plans/${plan.id}/signature-link`, {})).json();
    const content = structuredClone(plan.current.content);
    content.problems[0]!.statement = 'Depressed mood; sleep poor.';
    expect(
      (await lee.put(`/api/v1/plans/${plan.id}/draft`, { content }, ifMatch(plan.version))).statusCode,
    ).toBe(200);
    const opened = await app.inject({ method: 'GET', url: `/api/v1/public/plan-signature/${token}` });
    expect(opened.statusCode).toBe(409);
    expect(opened.json().detail).toMatch(/withdrawn|changed/);
  });

  it('is not issued for a draft', async () => {
    const { episode } = await anAdmittedPatient(database.db, world);
    const draft = (await lee.post(`/api/v1/episodes/${episode.id}/plan`, {})).json();
    const refused = await lee.post(`/api/v1/plans/${draft.id}/signature-link`, {});
    expect(refused.statusCode).toBe(409);
  });
});

describe('the thread from the plan to the schedule', () => {
  it('shows the sessions that deliver each intervention and warns where the schedule falls short', async () => {
    const { patient, episode, plan } = await awaitingParticipant();
    expect((await world.agent.post(`/api/v1/episodes/${episode.id}/enrollment`, {})).statusCode).toBe(201);
    const booked = await world.agent.post('/api/v1/appointments', {
      kind: 'individual',
      clinicianId: world.lee.id,
      participantIds: [patient.id],
      date: '2026-03-03',
      startTime: '14:00',
      durationMinutes: 50,
      venue: { kind: 'room', roomId: world.rooms.office },
    });
    expect(booked.statusCode).toBe(201);
    // The team adds weekly family therapy; no family session is booked.
    const content = structuredClone(plan.current.content);
    content.problems[0]!.interventions.push({
      modality: 'family_therapy',
      frequency: { times: 1, per: 'week' },
      responsibleUserId: world.lee.id,
      description: 'Family sessions on communication at home.',
    } as api.PlanIntervention);
    const saved = await lee.put(`/api/v1/plans/${plan.id}/draft`, { content }, ifMatch(plan.version));
    expect(saved.statusCode).toBe(200);

    const response = await lee.get(`/api/v1/plans/${plan.id}/schedule-thread?weeks=4`);
    expect(response.statusCode).toBe(200);
    const thread = response.json() as api.ScheduleThread;
    expect(thread).toMatchObject({ from: '2026-03-02', to: '2026-03-29', weeks: 4, versionNumber: 2 });
    const [cbt, individual, medication, family] = thread.interventions;
    expect(cbt).toMatchObject({ modality: 'group_cbt', required: 12, booked: 12, state: 'ok' });
    expect(cbt?.sessions[0]).toMatchObject({
      source: 'group',
      kind: 'cbt_skills',
      start: '2026-03-02T09:00',
    });
    expect(individual).toMatchObject({ required: 4, booked: 1, state: 'short' });
    expect(individual?.sessions[0]).toMatchObject({ source: 'appointment', ref: booked.json().id });
    expect(medication).toMatchObject({ state: 'none' });
    expect(family).toMatchObject({
      state: 'none',
      sessionKinds: ['group:family_group', 'appointment:family'],
    });
    expect(thread.warnings).toEqual([
      'Individual therapy weekly — 1 of 4 sessions booked in the next 4 weeks',
      'Medication management monthly — no medication-management appointment booked in the next 4 weeks',
      'Family therapy weekly — no family session booked in the next 4 weeks',
    ]);
    const audit = await auditEventsOf(database.db, world.org.organizationId, {
      action: 'plan.schedule_thread.read',
    });
    expect(audit.at(-1)).toMatchObject({ patient_id: patient.id, resource_id: plan.id });
  });
});
