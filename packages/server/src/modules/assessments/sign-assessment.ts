import { type api, DomainError, missingForSignature } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { getEpisode, updateEpisode } from '../episodes/index.js';
import { signDocument } from '../signatures/index.js';
import { findOrThrow, present } from './load-assessment.js';
import { markSigned } from './repo.js';
import { signedAlready } from './save-assessment.js';
import { contentOf, signedContent } from './to-api.js';

/**
 * Signs the assessment: complete (422 listing everything missing otherwise), at the version
 * read, by its author with their password, through the one signature mechanism over the hash
 * of the exact content. From then on the row cannot change (database trigger); corrections
 * are addenda. Its diagnoses become the episode's, in the same transaction.
 */
export async function signAssessment(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.SignAssessmentRequest>,
): Promise<api.Assessment> {
  const orgId = ctx.actor.organizationId;
  const current = await findOrThrow(db, orgId, id);
  if (current.status === 'signed') throw signedAlready();
  if (current.version !== expectedVersion) throw DomainError.stale('assessment', await present(db, current));
  const missing = missingForSignature(contentOf(current));
  if (missing.length > 0) {
    throw new DomainError(
      'validation',
      `The assessment cannot be signed yet: ${missing.length} ${missing.length === 1 ? 'item is' : 'items are'} missing.`,
      missing,
    );
  }
  const signature = await signDocument(db, ctx, {
    documentType: 'assessment',
    documentId: id,
    documentVersion: current.version,
    content: signedContent(current),
    signerRole: 'author',
    method: 'password',
    typedName: input.typedName,
    password: input.password,
    patientId: current.patient_id,
  });
  // The signed assessment sets or confirms the episode's diagnoses (an open episode only: a
  // discharged one is closed history).
  const episode = await getEpisode(db, ctx, current.episode_id);
  const key = (list: { code: string; primary: boolean }[]) =>
    list
      .map((d) => `${d.code}${d.primary ? '*' : ''}`)
      .sort()
      .join();
  const agreed = key(episode.diagnoses) === key(current.diagnoses);
  const episodeUpdated = !agreed && episode.status !== 'discharged';
  if (episodeUpdated) {
    await updateEpisode(db, ctx, episode.id, episode.version, {
      diagnoses: current.diagnoses.map((d) => ({ code: d.code, primary: d.primary })),
    });
  }
  const row = await markSigned(db, orgId, id, expectedVersion, {
    id: signature.id,
    by: ctx.actor.userId,
    at: ctx.now,
  });
  if (!row) throw DomainError.stale('assessment', await present(db, await findOrThrow(db, orgId, id)));
  await recordAuditEvent(db, ctx, {
    action: 'assessment.sign',
    resourceType: 'assessment',
    resourceId: id,
    patientId: row.patient_id,
    details: {
      signatureId: signature.id,
      episodeId: row.episode_id,
      recommendedLevel: row.recommended_level,
      chosenLevel: row.chosen_level,
      overridden: row.chosen_level !== row.recommended_level,
      diagnosisCodes: row.diagnoses.map((d) => d.code),
      episodeDiagnoses: agreed ? 'confirmed' : episodeUpdated ? 'updated' : 'episode_discharged',
    },
  });
  return present(db, row);
}
