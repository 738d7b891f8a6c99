import { type api, DomainError, isPart2Episode, levelChange } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { trackForAdmission } from '../programs/index.js';
import { writeEpisode } from './admit-patient.js';
import { todayFor } from './checks.js';
import type { WhenEpisodeEnds } from './episode-ends.js';
import { listDiagnoses, lockEpisode } from './repo.js';
import { dischargeDateProblem, transitionEpisode } from './transition-episode.js';

export type ChangeTrackInput = z.output<typeof api.ChangeTrackRequest>;

const DISCHARGE_REASON = {
  step_up: 'stepped_up',
  step_down: 'stepped_down',
  transfer: 'transferred',
} as const;

/**
 * A step up, step down or transfer: the current episode is discharged (stepped_up,
 * stepped_down or transferred) and a new one opens in the new track at its level of care,
 * linked to the old one, with the same clinician, referral, payer note and diagnoses. Part 2
 * protection carries over.
 */
export async function changeTrack(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number | undefined,
  input: ChangeTrackInput,
  whenEnds: readonly WhenEpisodeEnds[] = [],
): Promise<{ previous: api.Episode; current: api.Episode }> {
  const orgId = ctx.actor.organizationId;
  const episode = await lockEpisode(db, orgId, id);
  if (!episode) throw DomainError.notFound('episode of care');
  if (episode.status === 'discharged') {
    throw new DomainError(
      'invalid_state',
      'This episode is discharged. Admit the patient into the new track instead: that is a readmission.',
    );
  }
  if (input.trackId === episode.track_id) {
    throw DomainError.invalid('trackId', 'The patient is already in this track. Choose another one.');
  }
  const today = await todayFor(db, orgId, ctx.now);
  const date = input.date ?? today;
  const dateProblem = dischargeDateProblem(date, episode.admission_date, today);
  if (dateProblem) throw DomainError.invalid('date', dateProblem);

  const track = await trackForAdmission(db, orgId, input.trackId);
  const kind = levelChange(episode.level_of_care, track.levelOfCare);
  const previous = await transitionEpisode(
    db,
    ctx,
    id,
    expectedVersion,
    { to: 'discharged', dischargeReason: DISCHARGE_REASON[kind], date, reason: input.reason ?? null },
    { locked: episode, whenEnds, endKind: 'track_change' },
  );
  const diagnoses = (await listDiagnoses(db, orgId, [id])).map((d) => ({
    code: d.code,
    text: d.description,
    primary: d.is_primary,
    sud: false,
  }));
  const current = await writeEpisode(db, ctx, {
    patientId: episode.patient_id,
    track,
    admissionDate: date,
    status: 'active',
    diagnoses,
    primaryClinicianId: episode.primary_clinician_id,
    referralSourceId: episode.referral_source_id,
    referralSourceText: episode.referral_source_text,
    payerNote: episode.payer_note,
    part2: episode.part2 || isPart2Episode({ population: track.population, diagnoses: [] }),
    previousEpisodeId: episode.id,
    entryKind: kind,
    reason: input.reason ?? null,
  });
  return { previous, current };
}
