import { admissionDateProblems, type api, DomainError, isPart2Episode } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { getTrack } from '../programs/index.js';
import { assertPrimaryClinician, diagnosesOrThrow, invalid, todayFor } from './checks.js';
import {
  listDiagnoses,
  listStatusChanges,
  lockEpisode,
  setDiagnoses,
  updateEpisodeAtVersion,
} from './repo.js';
import type { EpisodeUpdate } from './tables.js';
import { toEpisode } from './to-api.js';

export type UpdateEpisodeInput = z.output<typeof api.UpdateEpisodeRequest>;

/**
 * Changes the admission details of an open episode. A discharged episode is closed history.
 * Adding a substance-use diagnosis marks the episode Part 2; removing one never unmarks it.
 */
export async function updateEpisode(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: UpdateEpisodeInput,
): Promise<api.Episode> {
  const orgId = ctx.actor.organizationId;
  const current = await lockEpisode(db, orgId, id);
  if (!current) throw DomainError.notFound('episode of care');
  const currentApi = async () =>
    toEpisode(current, await listDiagnoses(db, orgId, [id]), await listStatusChanges(db, orgId, id));
  if (current.version !== expectedVersion) throw DomainError.stale('episode of care', await currentApi());
  if (current.status === 'discharged') {
    throw new DomainError(
      'invalid_state',
      'This episode is discharged and its record is closed. Corrections after discharge are added as an addendum.',
    );
  }

  const changes: EpisodeUpdate = {};
  if (input.admissionDate !== undefined) {
    const patient = await readPatient(db, orgId, current.patient_id);
    const problems = admissionDateProblems({
      admissionDate: input.admissionDate,
      dateOfBirth: patient.dateOfBirth,
      today: await todayFor(db, orgId, ctx.now),
    });
    if (problems.length > 0) throw invalid(problems);
    changes.admission_date = input.admissionDate;
  }
  if (input.primaryClinicianId !== undefined) {
    await assertPrimaryClinician(db, orgId, input.primaryClinicianId);
    changes.primary_clinician_id = input.primaryClinicianId;
  }
  if (input.referralSource !== undefined) {
    changes.referral_source_id = input.referralSource?.id ?? null;
    changes.referral_source_text = input.referralSource?.text ?? null;
  }
  if (input.payerNote !== undefined) changes.payer_note = input.payerNote;

  let codes: string[] | undefined;
  if (input.diagnoses !== undefined) {
    const diagnoses = diagnosesOrThrow(input.diagnoses);
    const track = await getTrack(db, orgId, current.track_id);
    if (!current.part2 && isPart2Episode({ population: track.population, diagnoses })) changes.part2 = true;
    await setDiagnoses(db, orgId, id, diagnoses, { userId: ctx.actor.userId, now: ctx.now, newId });
    codes = diagnoses.map((d) => d.code);
  }

  const row = await updateEpisodeAtVersion(db, orgId, id, expectedVersion, changes, ctx.now);
  if (!row) throw DomainError.stale('episode of care', await currentApi());
  await recordAuditEvent(db, ctx, {
    action: 'episode.update',
    resourceType: 'episode',
    resourceId: id,
    patientId: current.patient_id,
    details: {
      fields: Object.keys(input).sort(),
      ...(codes ? { diagnosisCodes: codes } : {}),
      ...(changes.part2 ? { part2: true } : {}),
    },
  });
  return toEpisode(row, await listDiagnoses(db, orgId, [id]), await listStatusChanges(db, orgId, id));
}
