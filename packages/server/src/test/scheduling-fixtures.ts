import type { api, StaffRole } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createRoom } from '../modules/organizations/index.js';
import type { TestClock } from './clock.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from './fixtures.js';
import { type Agent, signedIn } from './http.js';
import { anEpisode, aPatient, aTrack } from './patient-fixtures.js';
import { actingAs, type StaffContext } from './shared-fixtures.js';

/**
 * A scheduling tenant: a Chicago location (US daylight saving starts 8 March 2026), two group
 * rooms and an office, a director, two clinicians, and an adult IOP track meeting Monday,
 * Wednesday and Thursday mornings. Synthetic people only.
 */
export interface SchedulingWorld {
  org: TestOrganization;
  director: TestUser;
  lee: TestUser;
  patel: TestUser;
  frontDesk: TestUser;
  ctx: StaffContext;
  rooms: { a: string; b: string; office: string; small: string };
  track: api.Track;
  agent: Agent;
}

export async function aSchedulingWorld(
  db: Kysely<DB>,
  app: FastifyInstance,
  clock: TestClock,
): Promise<SchedulingWorld> {
  const org = await createTestOrganization(db, { now: clock.now() });
  const director = await aUser(db, org.ctx, ['director'], { displayName: 'Dana Director' });
  const lee = await aUser(db, org.ctx, ['clinician'], { displayName: 'Dr Lee' });
  const patel = await aUser(db, org.ctx, ['clinician'], { displayName: 'Dr Patel' });
  const frontDesk = await aUser(db, org.ctx, ['front_desk' as StaffRole], { displayName: 'Fran Desk' });
  const ctx = actingAs(org, director, clock.now());
  const room = (name: string, capacity: number) =>
    createRoom(db, org.ctx, { locationId: org.locationId, name, capacity }).then((r) => r.id);
  const rooms = {
    a: await room('Room A', 14),
    b: await room('Room B', 12),
    office: await room('Office 1', 3),
    small: await room('Small Room', 4),
  };
  const track = await aTrack(db, ctx, org.locationId);
  return { org, director, lee, patel, frontDesk, ctx, rooms, track, agent: await signedIn(app, director) };
}

/** DBT Skills, Mon/Wed/Thu 09:00–12:00 in Room B with Dr Lee, from Monday 2 March 2026. */
export function aSeriesBody(world: SchedulingWorld, overrides: Record<string, unknown> = {}) {
  return {
    trackId: world.track.id,
    title: 'DBT Skills',
    kind: 'dbt_skills',
    weekdays: [1, 3, 4],
    startTime: '09:00',
    durationMinutes: 180,
    startDate: '2026-03-02',
    venue: { kind: 'room', roomId: world.rooms.b },
    facilitatorIds: [world.lee.id],
    capacity: 10,
    curriculum: ['Mindfulness', 'Distress tolerance', 'Emotion regulation', 'Interpersonal effectiveness'],
    ...overrides,
  };
}

export async function aSeriesVia(
  world: SchedulingWorld,
  overrides: Record<string, unknown> = {},
): Promise<api.Series> {
  const response = await world.agent.post('/api/v1/series', aSeriesBody(world, overrides));
  if (response.statusCode !== 201) throw new Error(`series: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A patient admitted into the world's track (today), with Dr Lee as primary clinician. */
export async function anAdmittedPatient(
  db: Kysely<DB>,
  world: SchedulingWorld,
  overrides: { legalFirstName?: string; legalLastName?: string; phone?: string } = {},
) {
  const patient = await aPatient(db, world.ctx, overrides);
  const episode = await anEpisode(db, world.ctx, {
    patientId: patient.id,
    trackId: world.track.id,
    primaryClinicianId: world.lee.id,
  });
  return { patient, episode };
}
