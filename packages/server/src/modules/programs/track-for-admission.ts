import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { censusOf, lockTrack } from './repo.js';
import { toTrack } from './to-api.js';

/**
 * The track a patient is being admitted into, checked and locked for the rest of the
 * transaction: it must be active (paused and archived tracks take no one) and have a free place.
 * `field` names the request field that chose it, for the error.
 */
export async function trackForAdmission(
  db: Kysely<DB>,
  organizationId: string,
  trackId: string,
  field = 'trackId',
): Promise<api.Track> {
  const row = await lockTrack(db, organizationId, trackId, 'share');
  if (!row) throw DomainError.invalid(field, 'Choose a track of your organization.');
  const track = toTrack(row, (await censusOf(db, organizationId, [trackId])).get(trackId));
  if (track.status !== 'active') {
    throw new DomainError(
      'invalid_state',
      `The track "${track.name}" is ${track.status} and takes no new admissions. Choose an active track, or ask the program director to reactivate it.`,
      [{ field, message: `Track is ${track.status}.` }],
    );
  }
  if (track.census.open >= track.capacity) {
    throw new DomainError(
      'conflict',
      `The track "${track.name}" is full (${track.census.open} of ${track.capacity} places taken). Choose another track, or discharge or move a patient first.`,
      [{ field, message: 'Track is full.' }],
    );
  }
  return track;
}
