import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { anEpisode, aPatient, aTrack } from '../../test/patient-fixtures.js';
import { openTask } from '../tasks/index.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinicianUser: TestUser;
let clinician: Agent;
let frontDesk: Agent;
// 2026-04-12T03:00Z is still 11 April in Chicago (the organization's zone).
const clock = new TestClock(new Date('2026-04-12T03:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinicianUser = await aUser(database.db, org.ctx, ['clinician'], { displayName: 'Casey Clinician' });
  clinician = await signedIn(app, clinicianUser);
  frontDesk = await signedIn(app, await aUser(database.db, org.ctx, ['front_desk']));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('chart header', () => {
  it('shows names, age in the organization’s zone, MRN, track, episode, clinician and counts', async () => {
    const patient = await aPatient(database.db, org.ctx, {
      legalFirstName: 'Robert',
      preferredName: 'Bobby',
      pronouns: 'he/him',
      dateOfBirth: '1980-04-12',
    });
    const track = await aTrack(database.db, org.ctx, org.locationId, {
      name: 'Evening SUD',
      population: 'substance_use',
    });
    const episode = await anEpisode(database.db, org.ctx, {
      patientId: patient.id,
      trackId: track.id,
      primaryClinicianId: clinicianUser.id,
      admissionDate: '2026-04-11',
    });
    const response = await clinician.get(`/api/v1/patients/${patient.id}/chart`);
    expect(response.statusCode).toBe(200);
    const header = response.json();
    expect(header.patient).toMatchObject({
      id: patient.id,
      mrn: patient.mrn,
      displayName: `Bobby (Robert) ${patient.legalLastName}`,
      preferredName: 'Bobby',
      legalFirstName: 'Robert',
      pronouns: 'he/him',
      age: 45,
    });
    expect(header.episode).toEqual({
      id: episode.id,
      status: 'active',
      admissionDate: '2026-04-11',
      trackId: track.id,
      trackName: 'Evening SUD',
      levelOfCare: 'iop',
      asamLevel: '2.1',
      primaryClinician: { id: clinicianUser.id, name: 'Casey Clinician' },
    });
    expect(header.flags).toEqual({ part2: true, safetyRisk: false });
    expect(header.counts).toMatchObject({ episodes: 1, tasks: 0, notes: null, consents: null });

    const audits = await database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('organization_id', '=', org.organizationId)
      .where('patient_id', '=', patient.id)
      .where('action', '=', 'patient.read')
      .execute();
    expect(audits.map((a) => a.reason)).toEqual(['chart header']);
  });

  it('raises the safety flag for an open urgent risk task', async () => {
    const patient = await aPatient(database.db, org.ctx);
    await openTask(database.db, org.ctx, {
      kind: 'risk_alert',
      subject: { type: 'patient', id: patient.id },
      patientId: patient.id,
      title: 'PHQ-9 item 9 positive: review today',
      priority: 'urgent',
    });
    const header = (await clinician.get(`/api/v1/patients/${patient.id}/chart`)).json();
    expect(header.flags).toEqual({ part2: false, safetyRisk: true });
    expect(header.counts.tasks).toBe(1);
    expect(header.episode).toBeNull();
    expect(header.counts.episodes).toBe(0);
  });

  it('shows front desk the identity and Part 2 flag, not the episode or risk alerts', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const track = await aTrack(database.db, org.ctx, org.locationId, { population: 'dual_diagnosis' });
    await anEpisode(database.db, org.ctx, {
      patientId: patient.id,
      trackId: track.id,
      primaryClinicianId: clinicianUser.id,
      admissionDate: '2026-04-11',
    });
    const header = (await frontDesk.get(`/api/v1/patients/${patient.id}/chart`)).json();
    expect(header.patient.id).toBe(patient.id);
    expect(header.episode).toBeNull();
    expect(header.flags).toEqual({ part2: true, safetyRisk: null });
    expect(header.counts.episodes).toBeNull();
  });

  it('answers 404 for a patient of another organization', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await aPatient(database.db, other.ctx);
    expect((await clinician.get(`/api/v1/patients/${foreign.id}/chart`)).statusCode).toBe(404);
  });
});
