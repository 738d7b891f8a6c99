import { type api, DomainError, type InstrumentCode } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { resolveEpisode } from './episode-ref.js';
import { storeAdministration } from './record-administration.js';
import { findAdministration, markSuperseded } from './repo.js';
import { toAdministration } from './to-api.js';

export type CorrectAdministrationInput = z.output<typeof api.CorrectAdministrationRequest>;

/**
 * A correction never edits the stored entry: it is a new administration of the same
 * instrument, patient and episode that supersedes the old one, with the reason. The old entry
 * stays readable (history with includeSuperseded) and drops out of outcomes and due lists.
 */
export async function correctAdministration(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  input: CorrectAdministrationInput,
): Promise<api.Administration> {
  const orgId = ctx.actor.organizationId;
  const original = await findAdministration(db, orgId, id);
  if (!original) throw DomainError.notFound('measure');
  const alreadyCorrected = () =>
    new DomainError(
      'conflict',
      'This entry was already corrected. Open the latest correction and correct that one if it is still wrong.',
    );
  if (original.superseded_by_id) throw alreadyCorrected();
  const resolved = await resolveEpisode(db, ctx, original.patient_id, original.episode_id);
  const row = await storeAdministration(db, ctx, {
    organizationId: orgId,
    patientId: original.patient_id,
    instrument: original.instrument_code as InstrumentCode,
    answers: input.answers,
    administeredAt: input.administeredAt ? new Date(input.administeredAt) : original.administered_at,
    episode: resolved.episode,
    part2WithoutEpisode: resolved.part2WithoutEpisode || original.part2,
    source: 'staff',
    supersedes: { id: original.id, reason: input.reason },
  });
  if (!(await markSuperseded(db, orgId, original.id, row.id, ctx.now))) throw alreadyCorrected();
  return toAdministration(row);
}
