import { DomainError, type GroupVenue, type SeriesLimits } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import type { TrackDefinition } from '../programs/index.js';
import { assertNoConflicts } from './check-conflicts.js';
import { type Directory, loadBookings, occurrenceBooking, todayAt } from './schedule-data.js';
import type { SeriesRow } from './tables.js';

/** How far ahead a new or changed series is checked for clashes: the pattern repeats weekly. */
export const CONFLICT_HORIZON_WEEKS = 8;

const CLINICAL_ROLES = new Set(['clinician', 'director']);

export function trackOf(directory: Directory, trackId: string, field = 'trackId'): TrackDefinition {
  const track = directory.tracks.get(trackId);
  if (!track) throw DomainError.invalid(field, 'Choose a track of your organization.');
  return track;
}

/** The room must be an active room at the track's location. */
export function checkVenue(
  directory: Directory,
  venue: GroupVenue,
  locationId: string,
  field = 'venue.roomId',
) {
  if (venue.kind !== 'room') return undefined;
  const room = directory.rooms.get(venue.roomId);
  const location = directory.locations.get(locationId);
  if (!room || room.locationId !== locationId) {
    throw DomainError.invalid(
      field,
      `Choose a room at ${location?.name ?? 'the track’s location'}, where this group meets.`,
    );
  }
  if (!room.active) throw DomainError.invalid(field, `${room.name} is not in use. Choose another room.`);
  return room;
}

/** Facilitators must be active clinical staff of the organization. */
export function checkFacilitators(directory: Directory, ids: readonly string[], field = 'facilitatorIds') {
  for (const id of ids) {
    const user = directory.staff.get(id);
    if (!user?.active) {
      throw DomainError.invalid(field, 'Choose facilitators among the active staff of your organization.');
    }
    if (!user.roles.some((r) => CLINICAL_ROLES.has(r))) {
      throw DomainError.invalid(
        field,
        `${user.displayName} is not a clinician. Choose clinical staff to facilitate.`,
      );
    }
  }
}

export function limitsFor(directory: Directory, track: TrackDefinition, venue: GroupVenue): SeriesLimits {
  const room = venue.kind === 'room' ? directory.rooms.get(venue.roomId) : undefined;
  return {
    maxDailyMinutes: Math.round(track.intensity.maxHoursPerDay * 60),
    ...(room ? { roomCapacity: room.capacity } : {}),
  };
}

/**
 * After a series was written (in the request's transaction), checks its occurrences over the
 * horizon against everything else booked; a clash throws, and the transaction undoes the write.
 */
export async function assertSeriesFits(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  row: SeriesRow,
  timeZone: string,
  now: Date,
): Promise<void> {
  const today = todayAt(timeZone, now).toString();
  const from = row.start_date > today ? row.start_date : today;
  const horizonEnd = Temporal.PlainDate.from(from)
    .add({ weeks: CONFLICT_HORIZON_WEEKS })
    .subtract({ days: 1 })
    .toString();
  const to = row.end_date !== null && row.end_date < horizonEnd ? row.end_date : horizonEnd;
  if (to < from) return;
  const set = await loadBookings(db, organizationId, directory, { from, to });
  const mine = set.timeline.occurrences.filter(
    (o) =>
      o.occurrence.seriesId === row.id &&
      o.occurrence.status !== 'cancelled' &&
      o.occurrence.localStart.toPlainDate().toString() >= from &&
      o.occurrence.localStart.toPlainDate().toString() <= to,
  );
  await assertNoConflicts(
    db,
    organizationId,
    directory,
    timeZone,
    mine.map((o) => ({ booking: occurrenceBooking(o, directory) })),
    set.bookings,
  );
}
