import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
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
let avery: { id: string; displayName: string };
let jordan: { id: string; displayName: string };
let appointmentId: string;
let seriesId: string;
// Monday 2 March 2026, 09:00 in Chicago; the clocks go forward on Sunday 8 March.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  const series = await aSeriesVia(world, { title: 'Relapse Prevention', kind: 'relapse_prevention' });
  seriesId = series.id;
  const cancel = await world.agent.patch(
    `/api/v1/series/${series.id}`,
    { scope: 'occurrence', date: '2026-03-11', change: { kind: 'cancel', reason: 'Facilitator ill' } },
    { 'if-match': '"1"' },
  );
  expect(cancel.statusCode).toBe(200);
  const first = await anAdmittedPatient(database.db, world, {
    legalFirstName: 'Avery',
    legalLastName: 'Feedperson',
  });
  const second = await anAdmittedPatient(database.db, world, {
    legalFirstName: 'Jordan',
    legalLastName: 'Otherly',
  });
  avery = first.patient;
  jordan = second.patient;
  for (const e of [first.episode, second.episode]) {
    expect((await world.agent.post(`/api/v1/episodes/${e.id}/enrollment`, {})).statusCode).toBe(201);
  }
  const booked = await world.agent.post('/api/v1/appointments', {
    kind: 'individual',
    clinicianId: world.patel.id,
    participantIds: [avery.id],
    date: '2026-03-10',
    startTime: '10:00',
    durationMinutes: 50,
    venue: { kind: 'room', roomId: world.rooms.office },
  });
  expect(booked.statusCode).toBe(201);
  appointmentId = booked.json().id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Item = Record<string, unknown> & {
  type: string;
  start: string;
  participants?: { id: string; name: string }[];
};
const calendar = async (query: string, agent = world.agent) => {
  const response = await agent.get(`/api/v1/calendar?${query}`);
  return {
    status: response.statusCode,
    items: (response.json().items ?? []) as Item[],
    body: response.json(),
  };
};

describe('calendar views', () => {
  it('shows a track’s week: who, where, how full, no names', async () => {
    const { status, items, body } = await calendar(`view=week&date=2026-03-11&trackId=${world.track.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-03-09', to: '2026-03-15' });
    expect(items.map((i) => [i.start, i.status])).toEqual([
      ['2026-03-09T09:00', 'scheduled'],
      ['2026-03-11T09:00', 'cancelled'],
      ['2026-03-12T09:00', 'scheduled'],
    ]);
    expect(items[0]).toMatchObject({
      type: 'group',
      title: 'Relapse Prevention',
      mode: 'in_person',
      room: { id: world.rooms.b, name: 'Room B' },
      facilitators: [{ id: world.lee.id, name: 'Dr Lee' }],
      participantCount: 2,
      capacity: 10,
      module: 'Interpersonal effectiveness',
      startUtc: '2026-03-09T14:00:00.000Z',
    });
    expect(items.some((i) => 'participants' in i)).toBe(false);
  });

  it('shows a room’s and a clinician’s day with appointments, counted not named', async () => {
    const room = await calendar(`view=day&date=2026-03-10&roomId=${world.rooms.office}`);
    expect(room.items).toHaveLength(1);
    expect(room.items[0]).toMatchObject({
      type: 'appointment',
      id: appointmentId,
      title: 'Individual session',
      participantCount: 1,
    });
    const clinician = await calendar(`view=week&date=2026-03-09&clinicianId=${world.lee.id}`);
    expect(clinician.items.map((i) => i.start)).toEqual([
      '2026-03-09T09:00',
      '2026-03-11T09:00',
      '2026-03-12T09:00',
    ]);
    expect(JSON.stringify([room.body, clinician.body])).not.toContain('Feedperson');
  });

  it('names the participant in their own view and audits the read', async () => {
    const { status, items } = await calendar(`view=week&date=2026-03-09&patientId=${avery.id}`);
    expect(status).toBe(200);
    expect(items.map((i) => i.type)).toEqual(['group', 'appointment', 'group', 'group']);
    expect(items.every((i) => i.participants?.[0]?.name === avery.displayName)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(jordan.displayName);
    const audit = await auditEventsOf(database.db, world.org.organizationId, {
      action: 'schedule.read',
      patientId: avery.id,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ view: 'week', items: 4, named: [avery.id] });
  });

  it('lets front desk read the calendar but not an administrator a participant’s', async () => {
    const desk = await signedIn(app, world.frontDesk);
    expect((await calendar(`view=day&date=2026-03-09&trackId=${world.track.id}`, desk)).items).toHaveLength(
      1,
    );
    const admin = await signedIn(app, world.org.admin);
    expect((await calendar(`view=week&date=2026-03-09&trackId=${world.track.id}`, admin)).status).toBe(200);
    expect((await calendar(`view=week&date=2026-03-09&patientId=${avery.id}`, admin)).status).toBe(403);
    const two = await calendar(`view=week&date=2026-03-09&trackId=${world.track.id}&roomId=${world.rooms.b}`);
    expect(two.status).toBe(400);
  });
});

function parseFeed(text: string) {
  const calendarComponent = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendarComponent.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendarComponent.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      local: event.startDate.toString(),
      zone: event.startDate.zone?.tzid,
      utc: event.startDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

describe('calendar feeds', () => {
  it('gives a participant an iCalendar feed with local times across the clock change, and no names', async () => {
    const created = await world.agent.post('/api/v1/calendar-feeds', {
      owner: 'participant',
      patientId: avery.id,
    });
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url);
    expect(url.pathname).toMatch(/^\/api\/v1\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await database.db
      .selectFrom('calendar_feed')
      .select('token_hash')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(url.pathname).not.toContain(stored.token_hash);

    const response = await app.inject({ method: 'GET', url: url.pathname });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseFeed(response.body);
    const byDay = Object.fromEntries(events.map((e) => [e.local.slice(0, 10), e]));
    expect(byDay['2026-03-04']).toMatchObject({
      local: '2026-03-04T09:00:00',
      zone: 'America/Chicago',
      utc: '2026-03-04T15:00:00.000Z',
      summary: 'Group session',
    });
    expect(byDay['2026-03-09']).toMatchObject({
      local: '2026-03-09T09:00:00',
      utc: '2026-03-09T14:00:00.000Z',
      uid: `${seriesId}/2026-03-09@trellis`,
    });
    expect(byDay['2026-03-11']?.status).toBe('CANCELLED');
    expect(byDay['2026-03-10']).toMatchObject({ summary: 'Appointment', local: '2026-03-10T10:00:00' });
    for (const secret of ['Relapse', avery.displayName, 'Avery', 'Feedperson', jordan.displayName, 'F33']) {
      expect(response.body).not.toContain(secret);
    }
    const audit = await auditEventsOf(database.db, world.org.organizationId, {
      action: 'calendar_feed.read',
      patientId: avery.id,
    });
    expect(audit).toHaveLength(1);
  });

  it('gives a clinician their sessions with participants’ initials only, and a revoked link answers 404', async () => {
    const patel = await signedIn(app, world.patel);
    const created = await patel.post('/api/v1/calendar-feeds', {
      owner: 'clinician',
      clinicianId: world.patel.id,
    });
    expect(created.statusCode).toBe(201);
    const path = new URL(created.json().url).pathname;
    const text = (await app.inject({ method: 'GET', url: path })).body;
    const events = parseFeed(text);
    expect(events.map((e) => e.summary)).toEqual(['Individual session — A.F.']);
    expect(text).not.toContain('Feedperson');
    const forLee = await patel.post('/api/v1/calendar-feeds', {
      owner: 'clinician',
      clinicianId: world.lee.id,
    });
    expect(forLee.statusCode).toBe(403);

    const revoked = await patel.request('DELETE', `/api/v1/calendar-feeds/${created.json().id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/public/calendar/not-a-real-token-at-all-0000000000.ics',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('a clinician’s calendar', () => {
  it('shows the groups they cover for a colleague, and not the ones they are covered on', async () => {
    const cover = await world.agent.patch(
      `/api/v1/series/${seriesId}`,
      {
        scope: 'occurrence',
        date: '2026-04-08',
        change: {
          kind: 'substitute',
          absentFacilitatorId: world.lee.id,
          substituteFacilitatorId: world.patel.id,
        },
      },
      { 'if-match': `"${(await world.agent.get(`/api/v1/series/${seriesId}`)).json().version}"` },
    );
    expect(cover.statusCode).toBe(200);
    const patel = await calendar(`view=week&date=2026-04-06&clinicianId=${world.patel.id}`);
    expect(patel.items.map((i) => [i.type, i.start])).toEqual([['group', '2026-04-08T09:00']]);
    const lee = await calendar(`view=week&date=2026-04-06&clinicianId=${world.lee.id}`);
    expect(lee.items.map((i) => i.start)).toEqual(['2026-04-06T09:00', '2026-04-09T09:00']);
  });
});
