import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getActiveEpisode, getEpisode } from '../episodes/index.js';
import { assertPatientExists } from '../patients/index.js';
import { present } from './load-assessment.js';
import { findEpisodeAssessment, insertAssessment } from './repo.js';

/**
 * Opens the initial assessment of an episode as a draft (one per episode). The episode's
 * current diagnoses are copied in, so signing confirms them unless the clinician changes them.
 */
export async function startAssessment(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
  input: z.output<typeof api.CreateAssessmentRequest>,
): Promise<api.Assessment> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const episode = input.episodeId
    ? await getEpisode(db, ctx, input.episodeId).catch(() => null)
    : await getActiveEpisode(db, orgId, patientId);
  if (!episode || episode.patientId !== patientId) {
    throw DomainError.invalid(
      'episodeId',
      input.episodeId
        ? 'That episode of care is not one of this patient’s. Choose one of theirs.'
        : 'This patient has no open episode of care. Book the admission first: an assessment belongs to an episode.',
    );
  }
  const already = async () => {
    const existing = await findEpisodeAssessment(db, orgId, episode.id);
    return new DomainError(
      'conflict',
      'This episode already has an initial assessment. Open it instead of starting another.',
      [{ field: 'episodeId', message: `Assessment ${existing?.id ?? ''} belongs to this episode.` }],
    );
  };
  if (await findEpisodeAssessment(db, orgId, episode.id)) throw await already();
  const row = await insertAssessment(db, {
    id: newId(),
    organization_id: orgId,
    patient_id: patientId,
    episode_id: episode.id,
    sections: JSON.stringify({}),
    asam_edition: input.asamEdition,
    asam_ratings: JSON.stringify([]),
    recommended_level: null,
    chosen_level: null,
    override_reason: null,
    diagnoses: JSON.stringify(episode.diagnoses.map((d) => ({ code: d.code, primary: d.primary }))),
    administration_ids: [],
    signature_id: null,
    signed_at: null,
    signed_by: null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!row) throw await already();
  await recordAuditEvent(db, ctx, {
    action: 'assessment.create',
    resourceType: 'assessment',
    resourceId: row.id,
    patientId,
    details: { episodeId: episode.id, asamEdition: input.asamEdition },
  });
  return present(db, row);
}
