import { randomBytes } from 'node:crypto';
import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { type AdmitInput, admitPatient } from '../modules/episodes/index.js';
import { type CreatePatientInput, createPatient } from '../modules/patients/index.js';
import { createTrack, type TrackInput } from '../modules/programs/index.js';

type Ctx = RequestContext & { actor: StaffActor };

const FIRST = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Quinn', 'Harper', 'Rowan', 'Emerson'];
const LAST = ['Testperson', 'Samplewood', 'Fixturely', 'Mockford', 'Exampleton'];

/** A synthetic patient with a unique name, so duplicate detection never trips by accident. */
export function aPatientInput(overrides: Partial<CreatePatientInput> = {}): CreatePatientInput {
  const tag = randomBytes(3).toString('hex');
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)] as T;
  return {
    legalFirstName: pick(FIRST),
    legalLastName: `${pick(LAST)}-${tag}`,
    dateOfBirth: '1985-06-15',
    phone: '555-010-0199',
    email: `patient-${tag}@test.example`,
    ...overrides,
  };
}

export async function aPatient(
  db: Kysely<DB>,
  ctx: Ctx,
  overrides: Partial<CreatePatientInput> = {},
): Promise<api.Patient> {
  return createPatient(db, ctx, aPatientInput(overrides));
}

/** An adult IOP track meeting Monday, Wednesday and Thursday mornings (9 h), at the org's location. */
export function aTrackInput(locationId: string, overrides: Partial<TrackInput> = {}): TrackInput {
  return {
    name: `Adult MH mornings ${randomBytes(3).toString('hex')}`,
    population: 'mental_health',
    ageGroup: 'adult',
    levelOfCare: 'iop',
    modality: 'in_person',
    locationId,
    capacity: 12,
    weeklyPattern: [
      { day: 1, start: '09:00', end: '12:00' },
      { day: 3, start: '09:00', end: '12:00' },
      { day: 4, start: '09:00', end: '12:00' },
    ],
    ...overrides,
  };
}

export async function aTrack(
  db: Kysely<DB>,
  ctx: Ctx,
  locationId: string,
  overrides: Partial<TrackInput> = {},
): Promise<api.Track> {
  return createTrack(db, ctx, aTrackInput(locationId, overrides));
}

/** Admits a patient (today by default) into a track under a clinician. */
export async function anEpisode(
  db: Kysely<DB>,
  ctx: Ctx,
  input: { patientId: string; trackId: string; primaryClinicianId: string } & Partial<AdmitInput>,
): Promise<api.Episode> {
  return admitPatient(db, ctx, {
    admissionDate: ctx.now.toISOString().slice(0, 10),
    diagnoses: [{ code: 'F33.1' }],
    ...input,
  });
}
