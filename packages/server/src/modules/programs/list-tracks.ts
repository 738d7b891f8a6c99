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
