import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { resolveEpisode } from './episode-ref.js';
import { storeAdministration } from './record-administration.js';
import { toAdministration } from './to-api.js';

export type EnterAdministrationInput = z.output<typeof api.RecordAdministrationRequest>;

/** Staff enter answers in the chart: scored, stored, alerted (see storeAdministration). */
export async function enterAdministration(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
  input: EnterAdministrationInput,
): Promise<api.Administration> {
  const orgId = ctx.actor.organizationId;
  const resolved = await resolveEpisode(db, ctx, patientId, input.episodeId);
  const row = await storeAdministration(db, ctx, {
    organizationId: orgId,
    patientId,
    instrument: input.instrument,
    answers: input.answers,
    administeredAt: new Date(input.administeredAt),
    ...resolved,
    source: 'staff',
  });
  return toAdministration(row);
}
