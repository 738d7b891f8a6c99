import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { censusOf, listTracks as listTrackRows } from './repo.js';
import { toTrack } from './to-api.js';

/** The organization's tracks with their census (places taken against capacity). */
export async function listTracks(
  db: Kysely<DB>,
  organizationId: string,
  filter: { status?: api.Track['status'] | undefined; includeArchived?: boolean | undefined },
): Promise<api.Track[]> {
  const rows = await listTrackRows(db, organizationId, filter);
  const census = await censusOf(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toTrack(row, census.get(row.id)));
}

/** A track's definition without its census: for modules that plan with tracks, not fill them. */
export type TrackDefinition = Omit<api.Track, 'census'>;

/**
 * The organization's tracks without counting who is in them: the calendar and the intensity
 * checks read these on every request and need no census (an aggregate over open episodes).
 */
export async function listTrackDefinitions(
  db: Kysely<DB>,
  organizationId: string,
  filter: { status?: api.Track['status'] | undefined; includeArchived?: boolean | undefined },
): Promise<TrackDefinition[]> {
  const rows = await listTrackRows(db, organizationId, filter);
  return rows.map((row) => {
    const { census: _census, ...definition } = toTrack(row);
    return definition;
  });
}
