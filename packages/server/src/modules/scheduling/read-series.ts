import { type api, DomainError, MAX_EXPANSION_DAYS } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import { findSeries, listSeries } from './repo.js';
import { loadDirectory, loadTimeline, zoneOf } from './schedule-data.js';
import { toOccurrence, toSeries } from './to-api.js';

/** Series carry no patient: reading them is not audited. */
export async function getSeries(db: Kysely<DB>, organizationId: string, id: string): Promise<api.Series> {
  const row = await findSeries(db, organizationId, id);
  if (!row) throw DomainError.notFound('group series');
  const directory = await loadDirectory(db, organizationId);
  return toSeries(row, zoneOf(directory, row.location_id));
}

export async function listSeriesOf(
  db: Kysely<DB>,
  organizationId: string,
  filter: { trackId?: string | undefined; locationId?: string | undefined },
): Promise<api.Series[]> {
  const directory = await loadDirectory(db, organizationId);
  const rows = await listSeries(db, organizationId, filter);
  return rows.map((row) => toSeries(row, zoneOf(directory, row.location_id)));
}

export function checkRange(from: string, to: string): void {
  if (to < from) throw DomainError.invalid('to', 'The end of the range is before its start.');
  const days = Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days + 1;
  if (days > MAX_EXPANSION_DAYS)
    throw DomainError.invalid('to', `Ask for at most ${MAX_EXPANSION_DAYS} days at a time.`);
}

/** The occurrences of one series between two local dates, exceptions and closures applied. */
export async function listOccurrences(
  db: Kysely<DB>,
  organizationId: string,
  seriesId: string,
  range: { from: string; to: string },
): Promise<api.Occurrence[]> {
  checkRange(range.from, range.to);
  const row = await findSeries(db, organizationId, seriesId);
  if (!row) throw DomainError.notFound('group series');
  const directory = await loadDirectory(db, organizationId);
  const timeline = await loadTimeline(db, organizationId, directory, range, {
    seriesRows: [row],
    enrollments: [],
  });
  return timeline.occurrences.map((o) => toOccurrence(o.occurrence, row.track_id));
}
