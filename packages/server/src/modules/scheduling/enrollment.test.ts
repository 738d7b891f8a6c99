import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser } from '../../test/fixtures.js';
import { buildTestApp, signedIn } from '../../test/http.js';
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
// Monday 2 March 2026, 09:00 in Chicago.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  // Four hours a day on Monday, Wednesday and Thursday: 12 h a week.
  await aSeriesVia(world);
  await aSeriesVia(world, {
    title: 'Process Group',
    kind: 'process',
    startTime: '13:00',
    durationMinutes: 60,
    venue: { kind: 'room', roomId: world.rooms.a },
    facilitatorIds: [world.patel.id],
    capacity: 4,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const enroll = (episodeId: string, body: Record<string, unknown> = {}) =>
  world.agent.post(`/api/v1/episodes/${episodeId}/enrollment`, body);
const countAppointments = async () =>
  (
    await database.db
      .selectFrom('appointment')
      .select('id')
      .where('organization_id', '=', world.org.organizationId)
      .execute()
  ).length;

describe('enrollment with an attendance pattern', () => {
  it('enrolls on every track day and answers with the week’s intensity', async () => {
    const { episode } = await anAdmittedPatient(database.db, world);
    const response = await enroll(episode.id);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      startDate: '2026-03-02',
      weekdays: null,
      pattern: { hours: 12, days: 3, meetsMinimum: true },
      intensity: {
        weekStart: '2026-03-02',
        sessions: 6,
        days: 3,
        totalHours: 12,
        flags: [],
        meetsMinimum: true,
      },
    });
    const again = await enroll(episode.id);
    expect(again.statusCode).toBe(409);
  });

  it('refuses a pattern below the minimum without a reason (422 naming reason), accepts it with one', async () => {
    const { patient, episode } = await anAdmittedPatient(database.db, world);
    const refused = await enroll(episode.id, { weekdays: [1, 3] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'reason', message: expect.stringMatching(/below the minimum/) },
    ]);
    expect(refused.json().detail).toMatch(/8 h planned a week; this track needs at least 9 h/);
    expect((await world.agent.get(`/api/v1/episodes/${episode.id}/enrollment`)).statusCode).toBe(404);

    const accepted = await enroll(episode.id, {
      weekdays: [1, 3],
      reason: 'Works Thursdays; step-down week agreed with the payer',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      weekdays: [1, 3],
      belowMinimumReason: 'Works Thursdays; step-down week agreed with the payer',
      pattern: { hours: 8, days: 2, meetsMinimum: false, flags: ['under_hours', 'too_few_days'] },
      intensity: { totalHours: 8, meetsMinimum: false },
    });
    const audit = await auditEventsOf(database.db, world.org.organizationId, {
      action: 'enrollment.create',
      patientId: patient.id,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ weekdays: [1, 3], belowMinimum: true });

    const wrongDay = await world.agent.put(
      `/api/v1/episodes/${episode.id}/enrollment`,
      { weekdays: [1, 2, 3, 4] },
      { 'if-match': '"1"' },
    );
    expect(wrongDay.statusCode).toBe(422);
    expect(wrongDay.json().errors[0]).toMatchObject({
      field: 'weekdays',
      message: expect.stringMatching(/Tuesday/),
    });
    expect(
      (await world.agent.put(`/api/v1/episodes/${episode.id}/enrollment`, { weekdays: [1, 3, 4] }))
        .statusCode,
    ).toBe(428);
    const raised = await world.agent.put(
      `/api/v1/episodes/${episode.id}/enrollment`,
      { weekdays: [1, 3, 4] },
      { 'if-match': '"1"' },
    );
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({
      version: 2,
      belowMinimumReason: null,
      pattern: { meetsMinimum: true },
    });
  });

  it('refuses an enrollment that clashes with the participant’s appointment, and saves nothing', async () => {
    const { patient, episode } = await anAdmittedPatient(database.db, world);
    const booked = await world.agent.post('/api/v1/appointments', {
      kind: 'individual',
      clinicianId: world.patel.id,
      participantIds: [patient.id],
      date: '2026-03-05',
      startTime: '10:00',
      durationMinutes: 50,
      venue: { kind: 'virtual' },
      locationId: world.org.locationId,
    });
    expect(booked.statusCode).toBe(201);
    const response = await enroll(episode.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain(
      `${patient.displayName} is already booked for Individual session 10:00–10:50 online`,
    );
    expect((await world.agent.get(`/api/v1/episodes/${episode.id}/enrollment`)).statusCode).toBe(404);
  });
});

describe('appointments', () => {
  it('answers 409 naming the clinician’s and the participant’s clash, and saves nothing', async () => {
    const { patient } = await anAdmittedPatient(database.db, world);
    const before = await countAppointments();
    const response = await world.agent.post('/api/v1/appointments', {
      kind: 'individual',
      clinicianId: world.lee.id,
      participantIds: [patient.id],
      date: '2026-03-09',
      startTime: '10:00',
      durationMinutes: 60,
      venue: { kind: 'room', roomId: world.rooms.office },
    });
    expect(response.statusCode).toBe(409);
    // Not enrolled yet: only Dr Lee is busy (DBT Skills, after the clocks changed).
    expect(response.json().detail).toMatch(/^Dr Lee is facilitating DBT Skills 09:00–12:00 in Room B\./);
    expect(await countAppointments()).toBe(before);
  });

  it('flags an over-long day where the session is booked', async () => {
    const { patient, episode } = await anAdmittedPatient(database.db, world);
    await enroll(episode.id, { weekdays: [1, 4], reason: 'Evening job' });
    const response = await world.agent.post('/api/v1/appointments', {
      kind: 'family',
      clinicianId: world.patel.id,
      participantIds: [patient.id],
      date: '2026-03-02',
      startTime: '15:00',
      durationMinutes: 60,
      venue: { kind: 'room', roomId: world.rooms.office },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      start: '2026-03-02T15:00',
      end: '2026-03-02T16:00',
      startUtc: '2026-03-02T21:00:00.000Z',
    });
    expect(body.intensity[0]).toMatchObject({
      patientId: patient.id,
      totalHours: 9,
      flags: ['too_few_days', 'day_over_max'],
    });
    expect(body.intensity[0].problems.map((p: { message: string }) => p.message)).toContainEqual(
      expect.stringMatching(/Monday 2026-03-02 has 5 h planned/),
    );

    const moved = await world.agent.patch(
      `/api/v1/appointments/${body.id}`,
      { startTime: '16:00' },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2026-03-02T16:00', version: 2 });
    const cancelled = await world.agent.patch(
      `/api/v1/appointments/${body.id}`,
      { status: 'cancelled' },
      { 'if-match': '"2"' },
    );
    expect(cancelled.json().errors[0].field).toBe('reason');
  });

  it('finds slots through HTTP around the clinician’s hours and the participant’s groups', async () => {
    const { patient, episode } = await anAdmittedPatient(database.db, world);
    await enroll(episode.id, {
      weekdays: [1, 3, 4],
      availability: { '1': [{ start: '08:00', end: '17:00' }] },
    });
    const hours = await world.agent.put(`/api/v1/clinicians/${world.patel.id}/working-hours`, {
      hours: { '1': [{ start: '09:00', end: '17:00' }], '2': [{ start: '09:00', end: '12:00' }] },
    });
    expect(hours.statusCode).toBe(200);
    const response = await world.agent.get(
      `/api/v1/slots?clinicianId=${world.patel.id}&patientId=${patient.id}&duration=60&from=2026-03-09&to=2026-03-10&limit=3`,
    );
    expect(response.statusCode).toBe(200);
    // Monday: groups 09:00–12:00 and 13:00–14:00 (Dr Patel runs the second); Tuesday is outside the stated availability.
    expect(response.json()).toMatchObject({
      timeZone: 'America/Chicago',
      items: [
        { start: '2026-03-09T12:00', end: '2026-03-09T13:00', startUtc: '2026-03-09T17:00:00.000Z' },
        { start: '2026-03-09T14:00' },
        { start: '2026-03-09T14:15' },
      ],
    });
    const clinician = await signedIn(app, await aUser(database.db, world.org.ctx, ['clinician']));
    const forbidden = await clinician.put(`/api/v1/clinicians/${world.patel.id}/working-hours`, {
      hours: {},
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('intensity shortfalls', () => {
  it('lists under- and over-scheduled participants for the director, audited by ids', async () => {
    const { episode } = await anAdmittedPatient(database.db, world);
    await enroll(episode.id, { weekdays: [3], reason: 'Transport only on Wednesdays' });
    const response = await world.agent.get('/api/v1/intensity/shortfalls?week=2026-03-04');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.week).toBe('2026-03-02');
    expect(body.checked).toBe(5);
    const directions = body.items.map((i: { direction: string; flags: string[] }) => [i.direction, i.flags]);
    expect(directions).toContainEqual(['under', ['too_few_days', 'day_over_max']]);
    expect(body.items.every((i: { name: string }) => i.name.length > 0)).toBe(true);
    const audit = await auditEventsOf(database.db, world.org.organizationId, {
      action: 'schedule.intensity_list',
    });
    expect(audit.at(-1)?.details).toMatchObject({
      count: body.items.length,
      patientIds: body.items.map((i: { patientId: string }) => i.patientId),
    });
    expect(body).toMatchObject({ flagged: body.items.length, nextCursor: null });
    const firstPage = (await world.agent.get('/api/v1/intensity/shortfalls?week=2026-03-04&limit=1')).json();
    expect(firstPage).toMatchObject({ items: [body.items[0]], nextCursor: '1' });
    const second = (
      await world.agent.get('/api/v1/intensity/shortfalls?week=2026-03-04&limit=1&cursor=1')
    ).json();
    expect(second.items[0].patientId).toBe(body.items[1].patientId);
    const clinician = await signedIn(app, world.lee);
    expect((await clinician.get('/api/v1/intensity/shortfalls?week=2026-03-04')).statusCode).toBe(403);
  });
});

describe('group places', () => {
  it('refuses a participant beyond a group’s places', async () => {
    // The process group holds 4; four participants above are enrolled on Mondays (and on Wednesdays).
    const { episode: fifth } = await anAdmittedPatient(database.db, world);
    const response = await enroll(fifth.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/Process Group is full on 2026-03-0\d \(4 places\)/);
  });
});
