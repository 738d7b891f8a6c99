import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';

/** An episode of care that just ended: discharged, or left for another track. */
export interface EpisodeEnd {
  episodeId: string;
  patientId: string;
  /** The last day of care in this episode (the discharge date). */
  endDate: string;
  /** A track change ends the episode but not the treatment: the patient stays in the program. */
  kind: 'discharge' | 'track_change';
}

/**
 * What other modules do, in the same transaction, when an episode ends (groups end, consents
 * that last "until treatment ends" end). Episodes does not know those modules: other modules
 * depend on episodes, so the composition root (http/app.ts) hands these in.
 */
export type WhenEpisodeEnds = (
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  end: EpisodeEnd,
) => Promise<void>;
