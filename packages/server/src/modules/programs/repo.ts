import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewTrack, TrackRow, TrackUpdate } from './tables.js';

export interface Census {
  open: number;
  active: number;
  pending: number;
  onHold: number;
}

export const EMPTY_CENSUS: Census = { open: 0, active: 0, pending: 0, onHold: 0 };

export async function insertTrack(db: Kysely<DB>, track: NewTrack): Promise<TrackRow> {
  return db.insertInto('track').values(track).returningAll().executeTakeFirstOrThrow();
}

export async function findTrack(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('track')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The track row locked against change until the transaction ends. Admissions take a share lock
 * and status changes an update lock, so an archive and an admission into the same track run one
 * after the other and each sees what the other did.
 */
export async function lockTrack(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  mode: 'share' | 'update',
) {
  const query = db
    .selectFrom('track')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id);
  return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
}

export async function findTrackByName(db: Kysely<DB>, organizationId: string, name: string) {
  return db
    .selectFrom('track')
    .select(['id'])
    .where('organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .execute();
}

export async function listTracks(
  db: Kysely<DB>,
  organizationId: string,
  filter: { status?: string | undefined; includeArchived?: boolean | undefined },
) {
  let query = db.selectFrom('track').selectAll().where('organization_id', '=', organizationId);
  if (filter.status) query = query.where('status', '=', filter.status as TrackRow['status']);
  else if (!filter.includeArchived) query = query.where('status', '<>', 'archived');
  return query.orderBy('name').limit(500).execute();
}

/** Places taken per track, from the census view the episodes module keeps (track_census). */
export async function censusOf(
  db: Kysely<DB>,
  organizationId: string,
  trackIds: readonly string[],
): Promise<Map<string, Census>> {
  if (trackIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('track_census')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('track_id', 'in', trackIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.track_id,
      {
        open: Number(r.open_count),
        active: Number(r.active_count),
        pending: Number(r.pending_count),
        onHold: Number(r.on_hold_count),
      },
    ]),
  );
}

export async function updateTrackAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: TrackUpdate,
  now: Date,
) {
  return db
    .updateTable('track')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
