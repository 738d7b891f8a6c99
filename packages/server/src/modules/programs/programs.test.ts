import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { anEpisode, aPatient, aTrack, aTrackInput } from '../../test/patient-fixtures.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let director: Agent;
let clinicianUser: TestUser;
let clinician: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  director = await signedIn(app, await aUser(database.db, org.ctx, ['director']));
  clinicianUser = await aUser(database.db, org.ctx, ['clinician']);
  clinician = await signedIn(app, clinicianUser);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('tracks', () => {
  it('creates a track with the default intensity of its level and age group', async () => {
    const created = await director.post(
      '/api/v1/tracks',
      aTrackInput(org.locationId, { name: 'Adult MH mornings' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      name: 'Adult MH mornings',
      levelOfCare: 'iop',
      asamLevel: '2.1',
      weeklyHours: 9,
      intensity: { minHoursPerWeek: 9, minDaysPerWeek: 3, minHoursPerDay: 2, maxHoursPerDay: 4 },
      status: 'active',
      census: { open: 0, active: 0, pending: 0, onHold: 0 },
    });
    const teen = await director.post(
      '/api/v1/tracks',
      aTrackInput(org.locationId, {
        ageGroup: 'adolescent',
        weeklyPattern: [
          { day: 2, start: '15:30', end: '18:30' },
          { day: 4, start: '15:30', end: '18:30' },
          { day: 5, start: '15:30', end: '17:30' },
        ],
      }),
    );
    expect(teen.statusCode).toBe(201);
    expect(teen.json().intensity.minHoursPerWeek).toBe(6);
  });

  it('refuses a week that does not reach the intensity, naming the field', async () => {
    const short = await director.post(
      '/api/v1/tracks',
      aTrackInput(org.locationId, {
        weeklyPattern: [
          { day: 1, start: '09:00', end: '11:00' },
          { day: 2, start: '09:00', end: '11:00' },
          { day: 3, start: '09:00', end: '11:00' },
        ],
      }),
    );
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([
      { field: 'weeklyPattern', message: expect.stringMatching(/6 h.*9 h/) },
    ]);
    const badTime = await director.post(
      '/api/v1/tracks',
      aTrackInput(org.locationId, { weeklyPattern: [{ day: 8, start: '9am', end: '12:00' }] }),
    );
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'weeklyPattern.0.day',
      'weeklyPattern.0.start',
    ]);
  });

  it('refuses a location of another organization and a name already used', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await director.post('/api/v1/tracks', aTrackInput(other.locationId));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe('locationId');
    await director.post('/api/v1/tracks', aTrackInput(org.locationId, { name: 'Evening SUD' }));
    const again = await director.post('/api/v1/tracks', aTrackInput(org.locationId, { name: 'evening sud' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('name');
  });

  it('replaces a track with If-Match: 428 without, 409 stale with the current one', async () => {
    const track = await aTrack(database.db, org.ctx, org.locationId);
    const url = `/api/v1/tracks/${track.id}`;
    const body = aTrackInput(org.locationId, { name: track.name, capacity: 10, modality: 'hybrid' });
    expect((await director.put(url, body)).statusCode).toBe(428);
    const ok = await director.put(url, body, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 10, modality: 'hybrid', version: 2 });
    const stale = await director.put(url, { ...body, capacity: 8 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, capacity: 10 });
  });

  it('lets only the program director define tracks, and everyone read them', async () => {
    const denied = await clinician.post('/api/v1/tracks', aTrackInput(org.locationId));
    expect(denied.statusCode).toBe(403);
    expect((await clinician.get('/api/v1/tracks')).statusCode).toBe(200);
  });

  it('answers 404 for a track of another organization', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await aTrack(database.db, other.ctx, other.locationId);
    expect((await director.get(`/api/v1/tracks/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await director.post(`/api/v1/tracks/${foreign.id}/pause`, {}, { 'if-match': '"1"' })).statusCode,
    ).toBe(404);
    const list = (await director.get('/api/v1/tracks')).json();
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(foreign.id);
  });
});

describe('census, pause and archive', () => {
  it('counts open episodes against capacity, and refuses archiving while any remain', async () => {
    const track = await aTrack(database.db, org.ctx, org.locationId, { capacity: 2 });
    const patient = await aPatient(database.db, org.ctx);
    const episode = await anEpisode(database.db, org.ctx, {
      patientId: patient.id,
      trackId: track.id,
      primaryClinicianId: clinicianUser.id,
    });
    const listed = (await director.get('/api/v1/tracks'))
      .json()
      .items.find((t: { id: string }) => t.id === track.id);
    expect(listed.census).toEqual({ open: 1, active: 1, pending: 0, onHold: 0 });
    expect(listed.capacity).toBe(2);

    const refused = await director.post(`/api/v1/tracks/${track.id}/archive`, {}, { 'if-match': '"1"' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/1 patient has an open episode/);
    expect((await director.get(`/api/v1/tracks/${track.id}`)).json().status).toBe('active');

    const discharged = await clinician.post(`/api/v1/episodes/${episode.id}/transition`, {
      to: 'discharged',
      dischargeReason: 'completed',
    });
    expect(discharged.statusCode).toBe(200);
    const archived = await director.post(`/api/v1/tracks/${track.id}/archive`, {}, { 'if-match': '"1"' });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ status: 'archived', census: { open: 0 } });
    expect(
      (await director.get('/api/v1/tracks')).json().items.map((t: { id: string }) => t.id),
    ).not.toContain(track.id);
    expect(
      (await director.get('/api/v1/tracks?includeArchived=true'))
        .json()
        .items.map((t: { id: string }) => t.id),
    ).toContain(track.id);
  });

  it('takes no admissions into a paused or full track', async () => {
    const track = await aTrack(database.db, org.ctx, org.locationId, { capacity: 1 });
    const first = await aPatient(database.db, org.ctx);
    await anEpisode(database.db, org.ctx, {
      patientId: first.id,
      trackId: track.id,
      primaryClinicianId: clinicianUser.id,
    });
    const second = await aPatient(database.db, org.ctx);
    const admit = (trackId: string) =>
      clinician.post(`/api/v1/patients/${second.id}/episodes`, {
        trackId,
        admissionDate: '2026-11-30',
        primaryClinicianId: clinicianUser.id,
        diagnoses: [{ code: 'F41.1' }],
      });
    const full = await admit(track.id);
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toMatch(/full \(1 of 1 places taken\)/);

    const open = await aTrack(database.db, org.ctx, org.locationId);
    const paused = await director.post(`/api/v1/tracks/${open.id}/pause`, {}, { 'if-match': '"1"' });
    expect(paused.json().status).toBe('paused');
    const refused = await admit(open.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toEqual({ field: 'trackId', message: 'Track is paused.' });
    expect(
      (await director.post(`/api/v1/tracks/${open.id}/pause`, {}, { 'if-match': '"2"' })).statusCode,
    ).toBe(409);
    await director.post(`/api/v1/tracks/${open.id}/activate`, {}, { 'if-match': '"2"' });
    expect((await admit(open.id)).statusCode).toBe(201);
  });

  it('keeps the level of care while patients are in the track', async () => {
    const track = await aTrack(database.db, org.ctx, org.locationId);
    const patient = await aPatient(database.db, org.ctx);
    await anEpisode(database.db, org.ctx, {
      patientId: patient.id,
      trackId: track.id,
      primaryClinicianId: clinicianUser.id,
    });
    const php = await director.put(
      `/api/v1/tracks/${track.id}`,
      aTrackInput(org.locationId, {
        name: track.name,
        levelOfCare: 'php',
        weeklyPattern: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '14:00' })),
      }),
      { 'if-match': '"1"' },
    );
    expect(php.statusCode).toBe(409);
    expect(php.json().errors[0].field).toBe('levelOfCare');
  });
});
