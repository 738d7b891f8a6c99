import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createRoom } from '../modules/organizations/index.js';
import { TestClock } from '../test/clock.js';
import { openTestDatabase } from '../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../test/fixtures.js';
import { buildTestApp, signedIn } from '../test/http.js';
import { anEpisode, aPatient, aTrack } from '../test/patient-fixtures.js';
import { inTransaction } from '../test/shared-fixtures.js';
import { seedDemoScheduling } from './demo-scheduling.js';

let database: Database;
let org: TestOrganization;
const patientIds: string[] = [];
// Monday 30 November 2026, 09:00 in Chicago (standard time).
const clock = new TestClock(new Date('2026-11-30T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  org = await createTestOrganization(db, { now: clock.now() });
  for (const [name, capacity] of [
    ['Group Room A', 14],
    ['Group Room B', 12],
    ['Family Room', 6],
    ['Office 1', 3],
  ] as const) {
    await createRoom(db, org.ctx, { locationId: org.locationId, name, capacity });
  }
  for (const name of ['Sam Lee', 'Rosa Alvarez', 'Marcus Webb', 'Priya Nair', 'Joel Kim']) {
    await aUser(db, org.ctx, ['clinician'], { displayName: name });
  }
  const tracks = [
    await aTrack(db, org.ctx, org.locationId, { name: 'Adult Mental Health IOP — Mornings' }),
    await aTrack(db, org.ctx, org.locationId, {
      name: 'Dual Diagnosis IOP — Virtual',
      population: 'dual_diagnosis',
      modality: 'virtual',
      weeklyPattern: [2, 3, 5].map((day) => ({ day, start: '10:00', end: '13:00' })),
    }),
  ];
  const lee = (await import('../modules/users/index.js')).searchUsers;
  const clinician = (await lee(db, org.organizationId, { q: 'Sam Lee' }))[0]?.id as string;
  for (let i = 0; i < 8; i++) {
    const patient = await aPatient(db, org.ctx);
    await anEpisode(db, org.ctx, {
      patientId: patient.id,
      trackId: (tracks[i % 2] as { id: string }).id,
      primaryClinicianId: clinician,
      admissionDate: '2026-11-16',
    });
    patientIds.push(patient.id);
  }
  await inTransaction(db, (trx) => seedDemoScheduling(trx, { ...org.ctx, now: clock.now() }));
});
afterAll(async () => {
  await database.close();
});

describe('the demo schedule', () => {
  it('gives the tracks their weekly groups, enrolls the active participants, and books two sessions', async () => {
    const series = await database.db
      .selectFrom('group_series')
      .select(['title', 'room_id'])
      .where('organization_id', '=', org.organizationId)
      .execute();
    expect(series.map((s) => s.title).sort()).toEqual(
      [
        'CBT Skills',
        'DBT Skills',
        'DBT Skills',
        'Family Group',
        'Process Group',
        'Process Group',
        'Psychoeducation',
      ].sort(),
    );
    const enrollments = await database.db
      .selectFrom('enrollment')
      .select(['patient_id', 'below_minimum_reason'])
      .where('organization_id', '=', org.organizationId)
      .execute();
    expect(enrollments.map((e) => e.patient_id).sort()).toEqual([...patientIds].sort());
    expect(enrollments.filter((e) => e.below_minimum_reason !== null)).toHaveLength(2);
    const appointments = await database.db
      .selectFrom('appointment')
      .select('kind')
      .where('organization_id', '=', org.organizationId)
      .execute();
    expect(appointments.map((a) => a.kind).sort()).toEqual(['family', 'individual']);
  });

  it('serves a participant feed that an independent parser reads with the right local times', async () => {
    const app = await buildTestApp(database, clock);
    try {
      const director = await aUser(database.db, org.ctx, ['director']);
      const agent = await signedIn(app, director);
      // A mornings participant on every track day (one in four is on a lighter pattern).
      const full = await database.db
        .selectFrom('enrollment')
        .select('patient_id')
        .where('organization_id', '=', org.organizationId)
        .where('weekdays', 'is', null)
        .execute();
      const patientId = patientIds.find(
        (id, i) => i % 2 === 0 && full.some((e) => e.patient_id === id),
      ) as string;
      const created = await agent.post('/api/v1/calendar-feeds', { owner: 'participant', patientId });
      expect(created.statusCode).toBe(201);
      const text = (await app.inject({ method: 'GET', url: new URL(created.json().url).pathname })).body;
      const root = new ICAL.Component(ICAL.parse(text));
      for (const zone of root.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(new ICAL.Timezone(zone));
      const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.length).toBeGreaterThan(20);
      const thursday = events.filter((e) => e.startDate.toString().startsWith('2026-12-03'));
      // Mornings track, Thursday: Process 09:00, DBT 10:30, Family 12:30, in Chicago (UTC−6 in December).
      expect(
        thursday.map((e) => [e.startDate.toString(), e.startDate.toJSDate().toISOString(), e.summary]),
      ).toEqual([
        ['2026-12-03T09:00:00', '2026-12-03T15:00:00.000Z', 'Group session'],
        ['2026-12-03T10:30:00', '2026-12-03T16:30:00.000Z', 'Group session'],
        ['2026-12-03T12:30:00', '2026-12-03T18:30:00.000Z', 'Group session'],
      ]);
      expect(text).not.toMatch(/DBT|Process Group|Family Group|F33/);
    } finally {
      await app.close();
    }
  });
});
