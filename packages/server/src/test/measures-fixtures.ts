import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { enterAdministration } from '../modules/measures/enter-administration.js';
import type { TestOrganization, TestUser } from './fixtures.js';
import { anEpisode, aPatient, aTrack } from './patient-fixtures.js';
import { actingAs, inTransaction } from './shared-fixtures.js';

/** PHQ-9 answers: items 1–8 as given (default 0), item 9 and the difficulty question apart. */
export function phq9(items: number[] = [], item9 = 0): Record<string, number> {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 8; i += 1) answers[`phq9_${i}`] = items[i - 1] ?? 0;
  answers.phq9_9 = item9;
  return answers;
}

/** PHQ-9 answers adding up to `total` (0–24 without item 9), item 9 at 0 unless given. */
export function phq9Total(total: number, item9 = 0): Record<string, number> {
  const items: number[] = [];
  let left = total - item9;
  for (let i = 0; i < 8; i += 1) {
    const value = Math.min(3, Math.max(0, left));
    items.push(value);
    left -= value;
  }
  if (left !== 0) throw new Error(`PHQ-9 items 1–8 cannot add up to ${total - item9}`);
  return phq9(items, item9);
}

/** GAD-7 answers adding up to `total`. */
export function gad7Total(total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total;
  for (let i = 1; i <= 7; i += 1) {
    const value = Math.min(3, Math.max(0, left));
    answers[`gad7_${i}`] = value;
    left -= value;
  }
  if (left !== 0) throw new Error(`GAD-7 cannot add up to ${total}`);
  return answers;
}

export interface MeasuredPatient {
  patient: api.Patient;
  track: api.Track;
  episode: api.Episode;
}

/** A patient admitted (on `admissionDate`, default today) into a new track under the clinician. */
export async function aMeasuredPatient(
  db: Kysely<DB>,
  org: TestOrganization,
  clinician: TestUser,
  options: { admissionDate?: string; track?: api.Track; population?: 'mental_health' | 'substance_use' } = {},
): Promise<MeasuredPatient> {
  const track =
    options.track ??
    (await aTrack(db, org.ctx, org.locationId, options.population ? { population: options.population } : {}));
  const patient = await aPatient(db, org.ctx);
  const episode = await anEpisode(db, org.ctx, {
    patientId: patient.id,
    trackId: track.id,
    primaryClinicianId: clinician.id,
    ...(options.admissionDate ? { admissionDate: options.admissionDate } : {}),
  });
  return { patient, track, episode };
}

/** Enters an administration as the clinician, in its own transaction, as the route would. */
export async function anAdministration(
  db: Kysely<DB>,
  org: TestOrganization,
  clinician: TestUser,
  patientId: string,
  input: {
    instrument: api.Administration['instrument'];
    answers: Record<string, number>;
    administeredAt: Date;
  },
): Promise<api.Administration> {
  const ctx = actingAs(
    org,
    clinician,
    new Date(Math.max(input.administeredAt.getTime(), Date.UTC(2026, 10, 30, 15))),
  );
  return inTransaction(db, (trx) =>
    enterAdministration(trx, ctx, patientId, {
      instrument: input.instrument,
      answers: input.answers,
      administeredAt: input.administeredAt.toISOString(),
    }),
  );
}
