import { randomBytes } from 'node:crypto';
import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { type CreatePatientInput, createPatient } from '../modules/patients/index.js';

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
