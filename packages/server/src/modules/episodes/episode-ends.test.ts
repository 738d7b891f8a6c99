import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { buildTestApp } from '../../test/http.js';
import { aTrack } from '../../test/patient-fixtures.js';
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
// Wednesday 4 March 2026, 09:00 in Chicago.
const clock = new TestClock(new Date('2026-03-04T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  await aSeriesVia(world);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** An admitted participant in the groups, with an individual session next week and a consent until discharge. */
let nextHour = 13;
async function aParticipantInCare() {
  const { patient, episode } = await anAdmittedPatient(database.db, world);
  expect((await world.agent.post(`/api/v1/episodes/${episode.id}/enrollment`, {})).statusCode).toBe(201);
  const appointment = await world.agent.post('/api/v1/appointments', {
    kind: 'individual',
    clinicianId: world.patel.id,
    participantIds: [patient.id],
    date: '2026-03-10',
    // Dr Patel sees each participant at an hour of their own.
    startTime: `${nextHour++}:00`,
    durationMinutes: 50,
    venue: { kind: 'virtual' },
    locationId: world.org.locationId,
  });
  expect(appointment.statusCode).toBe(201);
  const consent = await world.agent.post(`/api/v1/patients/${patient.id}/consents`, {
    kind: 'part2',
    recipient: { kind: 'named', name: 'County Probation' },
    purposes: ['care_coordination'],
    informationKinds: ['attendance'],
    informationDescription: 'attendance while in the program',
    expiresOn: null,
    expiryEvent: 'end_of_treatment',
    signature: { signerRole: 'patient', method: 'in_person', typedName: 'Pat Example' },
  });
  expect(consent.statusCode).toBe(201);
  return { patient, episode, appointmentId: appointment.json().id, consentId: consent.json().id };
}

describe('what ends with an episode of care', () => {
  it('a discharge ends the groups after the last day, cancels upcoming individual sessions and ends consents “until treatment ends”', async () => {
    const { patient, episode, appointmentId, consentId } = await aParticipantInCare();
    const discharged = await world.agent.post(`/api/v1/episodes/${episode.id}/transition`, {
      to: 'discharged',
      dischargeReason: 'completed',
    });
    expect(discharged.statusCode).toBe(200);

    expect((await world.agent.get(`/api/v1/episodes/${episode.id}/enrollment`)).json()).toMatchObject({
      endDate: '2026-03-04',
    });
    expect((await world.agent.get(`/api/v1/appointments/${appointmentId}`)).json()).toMatchObject({
      status: 'cancelled',
    });
    expect((await world.agent.get(`/api/v1/consents/${consentId}`)).json()).toMatchObject({
      status: 'expired',
      endedAt: clock.now().toISOString(),
    });
    const actions = (
      await auditEventsOf(database.db, world.org.organizationId, { patientId: patient.id })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['episode.transition', 'enrollment.end', 'appointment.cancel', 'consent.end']),
    );
  });

  it('a move to another track ends the old groups but keeps individual sessions and consents', async () => {
    const { episode, appointmentId, consentId } = await aParticipantInCare();
    const evening = await aTrack(database.db, world.ctx, world.org.locationId, { name: 'Evening IOP' });
    const moved = await world.agent.post(`/api/v1/episodes/${episode.id}/change-track`, {
      trackId: evening.id,
    });
    expect(moved.statusCode).toBe(201);

    expect((await world.agent.get(`/api/v1/episodes/${episode.id}/enrollment`)).json()).toMatchObject({
      endDate: '2026-03-04',
    });
    expect((await world.agent.get(`/api/v1/appointments/${appointmentId}`)).json()).toMatchObject({
      status: 'scheduled',
    });
    expect((await world.agent.get(`/api/v1/consents/${consentId}`)).json()).toMatchObject({
      status: 'active',
    });
  });

  it('a refused discharge changes nothing in the groups', async () => {
    const { episode } = await aParticipantInCare();
    const refused = await world.agent.post(`/api/v1/episodes/${episode.id}/transition`, {
      to: 'discharged',
      dischargeReason: 'completed',
      date: '2026-03-20',
    });
    expect(refused.statusCode).toBe(422);
    expect((await world.agent.get(`/api/v1/episodes/${episode.id}/enrollment`)).json()).toMatchObject({
      endDate: null,
    });
  });
});
