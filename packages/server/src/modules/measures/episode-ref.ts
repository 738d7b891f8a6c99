import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { episodeSummary, getActiveEpisode, getEpisode } from '../episodes/index.js';
import type { EpisodeRef } from './record-administration.js';

function ref(episode: api.Episode): EpisodeRef {
  return { id: episode.id, part2: episode.part2, primaryClinicianId: episode.primaryClinicianId };
}

export interface ResolvedEpisode {
  episode: EpisodeRef | null;
  /** Part 2 protection of a score with no episode: any SUD episode of the patient protects it. */
  part2WithoutEpisode: boolean;
}

/**
 * The episode a score is for: the one named (it must be this patient's), or the patient's open
 * episode, or none (a screening before any admission).
 */
export async function resolveEpisode(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
  episodeId: string | null | undefined,
): Promise<ResolvedEpisode> {
  const orgId = ctx.actor.organizationId;
  if (episodeId) {
    const active = await getActiveEpisode(db, orgId, patientId);
    const episode =
      active?.id === episodeId ? active : await getEpisode(db, ctx, episodeId).catch(() => null);
    if (!episode || episode.patientId !== patientId) {
      throw DomainError.invalid(
        'episodeId',
        'That episode of care is not one of this patient’s. Choose one of theirs.',
      );
    }
    return { episode: ref(episode), part2WithoutEpisode: episode.part2 };
  }
  const summary = await episodeSummary(db, orgId, patientId);
  return { episode: summary.open ? ref(summary.open) : null, part2WithoutEpisode: summary.part2 };
}

/** For a request with no one signed in (a self-report link): the episode stored with the request. */
export async function episodeForLink(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  episodeId: string | null,
): Promise<ResolvedEpisode> {
  const summary = await episodeSummary(db, organizationId, patientId);
  if (summary.open && (episodeId === null || summary.open.id === episodeId)) {
    return { episode: ref(summary.open), part2WithoutEpisode: summary.part2 };
  }
  // The episode ended between sending the link and its use: keep the score with it, protected
  // if any episode of the patient is, and alert the clinicians' team (its clinician may have moved on).
  return {
    episode: episodeId ? { id: episodeId, part2: summary.part2, primaryClinicianId: null } : null,
    part2WithoutEpisode: summary.part2,
  };
}
