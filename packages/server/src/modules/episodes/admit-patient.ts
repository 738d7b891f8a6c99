import {
  admissionDateProblems,
  api,
  DomainError,
  initialStatus,
  isPart2Episode,
  openEpisodeProblem,
  parseInput,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { trackForAdmission } from '../programs/index.js';
import { assertPrimaryClinician, diagnosesOrThrow, invalid, todayFor } from './checks.js';
import {
  insertEpisode,
  insertStatusChange,
  isOneOpenEpisodeViolation,
  listDiagnoses,
  listPatientEpisodes,
  setDiagnoses,
} from './repo.js';
import type { EpisodeRow } from './tables.js';
import { toEpisode } from './to-api.js';

export type AdmitInput = z.input<typeof api.AdmitRequest> & { patientId: string };
type Ctx = RequestContext & { actor: StaffActor };

export function secondOpenEpisode(message: string): DomainError {
  return new DomainError('conflict', message, [
    { field: 'patientId', message: 'Already has an open episode.' },
  ]);
}

/**
 * Admits a patient into a track: parse, check (patient, dates, diagnoses, clinician, one open
 * episode, track active with a free place), then write the episode, its diagnoses, its first
 * status and the audit event. A patient who was discharged before is readmitted: a new episode
 * linked to the last one. Intake conversion calls this too.
 */
export async function admitPatient(db: Kysely<DB>, ctx: Ctx, raw: AdmitInput): Promise<api.Episode> {
  const { patientId, ...fields } = raw;
  const input = parseInput(api.AdmitRequest, fields);
  const orgId = ctx.actor.organizationId;
  const patient = await readPatient(db, orgId, patientId);
  const today = await todayFor(db, orgId, ctx.now);

  const dateProblems = admissionDateProblems({
    admissionDate: input.admissionDate,
    dateOfBirth: patient.dateOfBirth,
    today,
  });
  if (dateProblems.length > 0) throw invalid(dateProblems);
  const diagnoses = diagnosesOrThrow(input.diagnoses);
  await assertPrimaryClinician(db, orgId, input.primaryClinicianId);

  const history = await listPatientEpisodes(db, orgId, patientId);
  const openProblem = openEpisodeProblem(history);
  if (openProblem) throw secondOpenEpisode(openProblem);
  const track = await trackForAdmission(db, orgId, input.trackId);
  const previous = history.find((e) => e.status === 'discharged');

  return writeEpisode(db, ctx, {
    patientId,
    track,
    admissionDate: input.admissionDate,
    status: initialStatus(input.admissionDate, today),
    diagnoses,
    primaryClinicianId: input.primaryClinicianId,
    referralSourceId: input.referralSource?.id ?? null,
    referralSourceText: input.referralSource?.text ?? null,
    payerNote: input.payerNote ?? null,
    part2: isPart2Episode({ population: track.population, diagnoses }),
    previousEpisodeId: previous?.id ?? null,
    entryKind: previous ? 'readmission' : 'admission',
    reason: null,
  });
}

export interface EpisodeToWrite {
  patientId: string;
  track: api.Track;
  admissionDate: string;
  status: 'pending' | 'active';
  diagnoses: { code: string; text: string; primary: boolean; sud: boolean }[];
  primaryClinicianId: string;
  referralSourceId: string | null;
  referralSourceText: string | null;
  payerNote: string | null;
  part2: boolean;
  previousEpisodeId: string | null;
  entryKind: EpisodeRow['entry_kind'];
  reason: string | null;
}

/** Inserts a checked episode with its diagnoses, first status and audit event. */
export async function writeEpisode(db: Kysely<DB>, ctx: Ctx, e: EpisodeToWrite): Promise<api.Episode> {
  const orgId = ctx.actor.organizationId;
  const id = newId();
  let row: EpisodeRow;
  try {
    row = await insertEpisode(db, {
      id,
      organization_id: orgId,
      patient_id: e.patientId,
      track_id: e.track.id,
      level_of_care: e.track.levelOfCare,
      status: e.status,
      admission_date: e.admissionDate,
      primary_clinician_id: e.primaryClinicianId,
      referral_source_id: e.referralSourceId,
      referral_source_text: e.referralSourceText,
      payer_note: e.payerNote,
      part2: e.part2,
      previous_episode_id: e.previousEpisodeId,
      entry_kind: e.entryKind,
      status_changed_at: ctx.now,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  } catch (error) {
    // Two admissions of the same person at the same moment: the index lets one through.
    if (isOneOpenEpisodeViolation(error)) {
      throw secondOpenEpisode(
        'This patient was admitted by someone else a moment ago. Open their chart to see the current episode.',
      );
    }
    throw error;
  }
  await setDiagnoses(db, orgId, id, e.diagnoses, {
    userId: ctx.actor.userId,
    now: ctx.now,
    newId,
    fresh: true,
  });
  await insertStatusChange(db, {
    id: newId(),
    organization_id: orgId,
    episode_id: id,
    from_status: null,
    to_status: e.status,
    reason: e.reason,
    changed_by: ctx.actor.userId,
    changed_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'episode.admit',
    resourceType: 'episode',
    resourceId: id,
    patientId: e.patientId,
    details: {
      trackId: e.track.id,
      levelOfCare: e.track.levelOfCare,
      status: e.status,
      entryKind: e.entryKind,
      previousEpisodeId: e.previousEpisodeId,
      diagnosisCodes: e.diagnoses.map((d) => d.code),
      part2: e.part2,
    },
  });
  return toEpisode(row, await listDiagnoses(db, orgId, [id]));
}
