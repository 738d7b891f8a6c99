import {
  api,
  DomainError,
  dateOfBirthProblem,
  formatMrn,
  localDate,
  nameKey,
  parseInput,
  searchableName,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { patientColumns } from './columns.js';
import { PossibleDuplicateError } from './duplicates.js';
import { findSameNameAndBirth, insertPatient, nextMrnSequence } from './repo.js';
import type { NewPatient } from './tables.js';
import { toPatient, toPatientSummary } from './to-api.js';

export type CreatePatientInput = z.input<typeof api.CreatePatientRequest>;
type Ctx = RequestContext & { actor: StaffActor };

/** The organization's date today, for checks such as "a date of birth is not in the future". */
export async function organizationToday(db: Kysely<DB>, organizationId: string, now: Date): Promise<string> {
  return localDate(now, await organizationTimeZone(db, organizationId));
}

export async function assertPlausibleBirthDate(db: Kysely<DB>, ctx: Ctx, dateOfBirth: string) {
  const problem = dateOfBirthProblem(
    dateOfBirth,
    await organizationToday(db, ctx.actor.organizationId, ctx.now),
  );
  if (problem) throw DomainError.invalid('dateOfBirth', problem);
}

/**
 * Registers a person and gives them the organization's next MRN. A person with the same
 * normalized name and date of birth is refused with the candidates (PossibleDuplicateError)
 * unless the caller confirms this is someone else. Intake conversion calls this too.
 */
export async function createPatient(db: Kysely<DB>, ctx: Ctx, raw: CreatePatientInput): Promise<api.Patient> {
  const input = parseInput(api.CreatePatientRequest, raw);
  await assertPlausibleBirthDate(db, ctx, input.dateOfBirth);
  const orgId = ctx.actor.organizationId;

  if (!input.confirmNotDuplicate) {
    const key = nameKey(input.legalFirstName, input.legalLastName);
    const same = await findSameNameAndBirth(db, orgId, { ...key, dateOfBirth: input.dateOfBirth });
    if (same.length > 0) throw new PossibleDuplicateError(same.map(toPatientSummary));
  }

  // The MRN counter row is one per organization and stays locked until commit, so it is taken
  // last, after the audit event (whose chain is one of sixteen): registrations of an
  // organization queue only for the patient insert and the commit.
  const id = newId();
  await recordAuditEvent(db, ctx, {
    action: 'patient.create',
    resourceType: 'patient',
    resourceId: id,
    patientId: id,
    details: { confirmedNotDuplicate: input.confirmNotDuplicate === true },
  });
  const mrn = formatMrn(await nextMrnSequence(db, orgId, ctx.now));
  const { confirmNotDuplicate: _confirmed, ...fields } = input;
  const key = nameKey(input.legalFirstName, input.legalLastName);
  const row = await insertPatient(db, {
    ...(patientColumns(fields) as Partial<NewPatient>),
    id,
    organization_id: orgId,
    mrn,
    legal_first_name: input.legalFirstName,
    legal_last_name: input.legalLastName,
    date_of_birth: input.dateOfBirth,
    first_name_norm: key.first,
    last_name_norm: key.last,
    search_name: searchableName(input),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  return toPatient(row);
}
