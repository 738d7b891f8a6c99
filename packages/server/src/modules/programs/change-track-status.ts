import { type api, DomainError, nextTrackStatus, type TrackCommand } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { censusOf, lockTrack, updateTrackAtVersion } from './repo.js';
import { toTrack } from './to-api.js';

/**
 * Pause (no new admissions; current patients stay), activate, or archive. Archiving is refused
 * while patients still have open episodes in the track: they must be discharged or moved first.
 */
export async function changeTrackStatus(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  command: TrackCommand,
): Promise<api.Track> {
  const orgId = ctx.actor.organizationId;
  const current = await lockTrack(db, orgId, id, 'update');
  if (!current) throw DomainError.notFound('track');
  const census = (await censusOf(db, orgId, [id])).get(id);
  if (current.version !== expectedVersion) throw DomainError.stale('track', toTrack(current, census));
  const next = nextTrackStatus(current.status, command);
  if (!next.ok) throw new DomainError('invalid_state', next.message);
  if (next.status === 'archived' && census && census.open > 0) {
    throw new DomainError(
      'invalid_state',
      `${census.open} ${census.open === 1 ? 'patient has an open episode' : 'patients have open episodes'} in this track. Discharge them or move them to another track before archiving it; pausing stops new admissions meanwhile.`,
    );
  }
  const row = await updateTrackAtVersion(db, orgId, id, expectedVersion, { status: next.status }, ctx.now);
  if (!row) throw DomainError.stale('track', toTrack(current, census));
  await recordAuditEvent(db, ctx, {
    action: `track.${command}`,
    resourceType: 'track',
    resourceId: id,
    details: { from: current.status, to: next.status },
  });
  return toTrack(row, census);
}
