import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { createTestOrganization } from '../../test/fixtures.js';
import { buildTestApp } from '../../test/http.js';
import {
  aSchedulingWorld,
  aSeriesBody,
  aSeriesVia,
  type SchedulingWorld,
} from '../../test/scheduling-fixtures.js';
import { recordOccurrence } from './index.js';

let database: Database;
let app: FastifyInstance;
let world: SchedulingWorld;
// Monday 2 March 2026, 09:00 in Chicago; the clocks go forward on Sunday 8 March.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const occurrencesOf = async (seriesId: string, from: string, to: string) => {
  const response = await world.agent.get(`/api/v1/series/${seriesId}/occurrences?from=${from}&to=${to}`);
  expect(response.statusCode).toBe(200);
  return response.json().items as {
    key: string;
    start: string;
    startUtc: string;
    status: string;
    module: { title: string } | null;
    facilitatorIds: string[];
    cancellationReason: string | null;
  }[];
};

describe('group series through the API', () => {
  it('keeps 09:00 at 09:00 across the spring-forward change, with the curriculum rotating', async () => {
    const series = await aSeriesVia(world, {
      title: 'DBT DST',
      facilitatorIds: [world.patel.id],
      venue: { kind: 'virtual' },
    });
    expect(series).toMatchObject({ timeZone: 'America/Chicago', weekdays: [1, 3, 4], version: 1 });
    const items = await occurrencesOf(series.id, '2026-03-05', '2026-03-09');
    expect(items.map((o) => [o.start, o.startUtc])).toEqual([
      ['2026-03-05T09:00', '2026-03-05T15:00:00.000Z'],
      ['2026-03-09T09:00', '2026-03-09T14:00:00.000Z'],
    ]);
    // Held sessions 2, 4 and 5 March come before 9 March: the fourth module.
    expect(items.map((o) => o.module?.title)).toEqual(['Emotion regulation', 'Interpersonal effectiveness']);
  });

  it('refuses bad definitions with 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: '2026-02-01' }, 'endDate'],
      [{ durationMinutes: 300 }, 'durationMinutes'],
      [{ capacity: 13 }, 'capacity'],
      [{ trackId: '0190d6a0-0000-7000-8000-000000000009' }, 'trackId'],
    ];
    for (const [override, field] of cases) {
      const response = await world.agent.post(
        '/api/v1/series',
        aSeriesBody(world, { title: `Bad ${field}`, ...override }),
      );
      expect(response.statusCode, field).toBe(422);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(
      (await world.agent.post('/api/v1/series', aSeriesBody(world, { durationMinutes: 300 }))).json().detail,
    ).toMatch(/longer than this track's day of at most 240 minutes/);
  });

  it('refuses a room or a facilitator of another organization', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const { createRoom } = await import('../organizations/index.js');
    const foreignRoom = await createRoom(database.db, other.ctx, {
      locationId: other.locationId,
      name: 'Far',
      capacity: 20,
    });
    const room = await world.agent.post(
      '/api/v1/series',
      aSeriesBody(world, { venue: { kind: 'room', roomId: foreignRoom.id } }),
    );
    expect(room.statusCode).toBe(422);
    expect(room.json().errors[0]).toMatchObject({ field: 'venue.roomId' });
    const person = await world.agent.post(
      '/api/v1/series',
      aSeriesBody(world, { facilitatorIds: [other.admin.id] }),
    );
    expect(person.statusCode).toBe(422);
    expect(person.json().errors[0]).toMatchObject({ field: 'facilitatorIds' });
    const desk = await world.agent.post(
      '/api/v1/series',
      aSeriesBody(world, { facilitatorIds: [world.frontDesk.id] }),
    );
    expect(desk.json().detail).toMatch(/Fran Desk is not a clinician/);
  });

  it('answers 409 naming the clash when a facilitator is double-booked, and saves nothing', async () => {
    await aSeriesVia(world, {
      title: 'Process Group',
      kind: 'process',
      venue: { kind: 'room', roomId: world.rooms.a },
      facilitatorIds: [world.lee.id],
      startTime: '13:00',
      durationMinutes: 120,
    });
    const before = await world.agent.get(`/api/v1/series?trackId=${world.track.id}`);
    const response = await world.agent.post(
      '/api/v1/series',
      aSeriesBody(world, {
        title: 'Relapse Prevention',
        kind: 'relapse_prevention',
        startTime: '14:00',
        durationMinutes: 60,
        venue: { kind: 'virtual' },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/Dr Lee is facilitating Process Group 13:00–15:00 in Room A/);
    expect(response.json().conflicts[0]).toMatchObject({ kind: 'clinician', resourceId: world.lee.id });
    const after = await world.agent.get(`/api/v1/series?trackId=${world.track.id}`);
    expect(after.json().items).toHaveLength(before.json().items.length);
  });

  it('cancels, moves and substitutes one occurrence; closures cancel the day', async () => {
    const series = await aSeriesVia(world, {
      title: 'Life Skills',
      kind: 'life_skills',
      startTime: '16:00',
      durationMinutes: 60,
      venue: { kind: 'room', roomId: world.rooms.a },
      facilitatorIds: [world.patel.id],
    });
    const patch = (body: Record<string, unknown>, version: number) =>
      world.agent.patch(`/api/v1/series/${series.id}`, body, { 'if-match': `"${version}"` });
    const cancel = await patch(
      { scope: 'occurrence', date: '2026-03-04', change: { kind: 'cancel', reason: 'Staff training' } },
      1,
    );
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().occurrence).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Staff training',
    });
    const stale = await patch(
      { scope: 'occurrence', date: '2026-03-05', change: { kind: 'cancel', reason: 'x' } },
      1,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    const move = await patch(
      {
        scope: 'occurrence',
        date: '2026-03-09',
        change: { kind: 'move', toDate: '2026-03-10', toStartTime: '10:00' },
      },
      2,
    );
    expect(move.statusCode).toBe(200);
    const substitute = await patch(
      {
        scope: 'occurrence',
        date: '2026-03-11',
        change: {
          kind: 'substitute',
          absentFacilitatorId: world.patel.id,
          substituteFacilitatorId: world.director.id,
        },
      },
      3,
    );
    expect(substitute.statusCode).toBe(200);
    const closure = await world.agent.post(`/api/v1/locations/${world.org.locationId}/closures`, {
      date: '2026-03-12',
      reason: 'Snow day',
    });
    expect(closure.statusCode).toBe(201);

    const items = await occurrencesOf(series.id, '2026-03-02', '2026-03-12');
    const byKey = Object.fromEntries(items.map((o) => [o.key.split('/')[1], o]));
    expect(byKey['2026-03-04']?.status).toBe('cancelled');
    expect(byKey['2026-03-09']).toMatchObject({
      status: 'moved',
      start: '2026-03-10T10:00',
      startUtc: '2026-03-10T15:00:00.000Z',
    });
    expect(byKey['2026-03-11']?.facilitatorIds).toEqual([world.director.id]);
    expect(byKey['2026-03-12']).toMatchObject({ status: 'cancelled', cancellationReason: 'Snow day' });

    // The snow did not come: the day opens again and its session is back.
    const closures = `/api/v1/locations/${world.org.locationId}/closures`;
    const listed = (await world.agent.get(`${closures}?from=2026-03-01&to=2026-03-31`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ date: '2026-03-12', reason: 'Snow day' })]);
    const reopened = await world.agent.request('DELETE', `${closures}/${closure.json().id}`);
    expect(reopened.statusCode).toBe(200);
    const again = await occurrencesOf(series.id, '2026-03-12', '2026-03-12');
    expect(again[0]?.status).toBe('scheduled');
    expect((await world.agent.request('DELETE', `${closures}/${closure.json().id}`)).statusCode).toBe(404);
    await world.agent.post(closures, { date: '2026-03-12', reason: 'Snow day' });

    const wrongDay = await patch(
      { scope: 'occurrence', date: '2026-03-03', change: { kind: 'cancel', reason: 'x' } },
      4,
    );
    expect(wrongDay.statusCode).toBe(422);
    expect(wrongDay.json().detail).toMatch(/no session on 2026-03-03/);
  });

  it('changes this and the following sessions by splitting the series, keeping the rotation', async () => {
    const series = await aSeriesVia(world, {
      title: 'CBT Skills',
      kind: 'cbt_skills',
      startTime: '18:00',
      durationMinutes: 60,
      facilitatorIds: [world.patel.id],
      venue: { kind: 'virtual' },
    });
    const response = await world.agent.patch(
      `/api/v1/series/${series.id}`,
      { scope: 'following', from: '2026-03-09', changes: { startTime: '17:00' } },
      { 'if-match': '"1"' },
    );
    expect(response.statusCode).toBe(200);
    const [ended, next] = response.json().series;
    expect(ended).toMatchObject({ id: series.id, endDate: '2026-03-08', version: 2 });
    expect(next).toMatchObject({
      startDate: '2026-03-09',
      startTime: '17:00',
      previousSeriesId: series.id,
      curriculumStartModule: 3,
    });
    expect((await occurrencesOf(series.id, '2026-03-02', '2026-03-15')).map((o) => o.start)).toEqual([
      '2026-03-02T18:00',
      '2026-03-04T18:00',
      '2026-03-05T18:00',
    ]);
    const after = await occurrencesOf(next.id, '2026-03-02', '2026-03-15');
    expect(after.map((o) => o.start)).toEqual(['2026-03-09T17:00', '2026-03-11T17:00', '2026-03-12T17:00']);
    expect(after[0]?.module?.title).toBe('Interpersonal effectiveness');
  });

  it('refuses to split before today or across a session with records', async () => {
    const series = await aSeriesVia(world, {
      title: 'Alumni',
      kind: 'alumni',
      startTime: '19:00',
      durationMinutes: 60,
      facilitatorIds: [world.patel.id],
      venue: { kind: 'virtual' },
      startDate: '2026-02-02',
    });
    const past = await world.agent.patch(
      `/api/v1/series/${series.id}`,
      { scope: 'following', from: '2026-02-09', changes: { title: 'Alumni group' } },
      { 'if-match': '"1"' },
    );
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('from');
    await database.db
      .transaction()
      .execute((trx) =>
        recordOccurrence(trx, world.org.organizationId, `${series.id}/2026-03-11`, clock.now()),
      );
    const recorded = await world.agent.patch(
      `/api/v1/series/${series.id}`,
      { scope: 'following', from: '2026-03-09', changes: { title: 'Alumni group' } },
      { 'if-match': '"1"' },
    );
    expect(recorded.statusCode).toBe(409);
    expect(recorded.json().detail).toMatch(/2026-03-11/);
    const whole = await world.agent.patch(
      `/api/v1/series/${series.id}`,
      { scope: 'series', changes: { startTime: '18:30' } },
      { 'if-match': '"1"' },
    );
    expect(whole.statusCode).toBe(409);
    expect(whole.json().detail).toMatch(/scope "following"/);
  });

  it('refuses to move an occurrence onto its facilitator’s other group, and saves nothing', async () => {
    const series = await aSeriesVia(world, {
      title: 'Mindful Movement',
      kind: 'life_skills',
      startTime: '15:00',
      durationMinutes: 60,
      venue: { kind: 'virtual' },
      facilitatorIds: [world.patel.id],
    });
    const response = await world.agent.patch(
      `/api/v1/series/${series.id}`,
      { scope: 'occurrence', date: '2026-03-18', change: { kind: 'move', toStartTime: '10:00' } },
      { 'if-match': '"1"' },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/^Dr Patel is facilitating DBT DST 09:00–12:00 online\./);
    const [held] = await occurrencesOf(series.id, '2026-03-18', '2026-03-18');
    expect(held).toMatchObject({ status: 'scheduled', start: '2026-03-18T15:00' });
    expect((await world.agent.get(`/api/v1/series/${series.id}`)).json().version).toBe(1);
  });

  it('materializes an occurrence once, with a stable id', async () => {
    const series = await aSeriesVia(world, {
      title: 'Psychoeducation',
      kind: 'psychoeducation',
      startTime: '07:00',
      durationMinutes: 60,
      facilitatorIds: [world.patel.id],
      venue: { kind: 'virtual' },
    });
    const key = `${series.id}/2026-03-04`;
    const first = await recordOccurrence(database.db, world.org.organizationId, key, clock.now());
    const again = await recordOccurrence(database.db, world.org.organizationId, key, clock.now());
    expect(again).toEqual(first);
    expect(first).toMatchObject({ key, seriesId: series.id, originalDate: '2026-03-04' });
    await expect(
      recordOccurrence(database.db, world.org.organizationId, `${series.id}/2026-03-03`, clock.now()),
    ).rejects.toThrow(/No group session/);
  });
});
