import {
  type api,
  type Booking,
  bookingFromOccurrence,
  expandAllSeries,
  type GroupSeries,
  type LocationClosure,
  type Occurrence,
  type SeriesException,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import { getLocations, getRooms } from '../organizations/index.js';
import { listTrackDefinitions, type TrackDefinition } from '../programs/index.js';
import { searchUsers } from '../users/index.js';
import { listAppointments, listClosures, listEnrollments, listExceptions, listSeries } from './repo.js';
import type { AppointmentRow, EnrollmentRow, SeriesRow } from './tables.js';

/**
 * What the scheduling use cases read together: the organization's places, tracks and staff (one
 * query each), and, for a range of dates, the series expanded into occurrences with their
 * rosters, plus the appointments. Everything below works on these in memory.
 */

export interface Room {
  id: string;
  locationId: string;
  name: string;
  capacity: number;
  active: boolean;
}

export interface Directory {
  locations: Map<string, api.Location>;
  rooms: Map<string, Room>;
  tracks: Map<string, TrackDefinition>;
  staff: Map<string, api.StaffUser>;
}

export async function loadDirectory(db: Kysely<DB>, organizationId: string): Promise<Directory> {
  const [locations, rooms, tracks, staff] = [
    await getLocations(db, organizationId),
    await getRooms(db, organizationId),
    await listTrackDefinitions(db, organizationId, { includeArchived: true }),
    await searchUsers(db, organizationId, { includeInactive: true }),
  ];
  return {
    locations: new Map(locations.map((l) => [l.id, l])),
    rooms: new Map(rooms.map((r) => [r.id, r])),
    tracks: new Map(tracks.map((t) => [t.id, t])),
    staff: new Map(staff.map((u) => [u.id, u])),
  };
}

export function zoneOf(directory: Directory, locationId: string): string {
  return directory.locations.get(locationId)?.timeZone ?? 'UTC';
}

/** The series row as the domain's definition (rows were validated when written). */
export function toDomainSeries(row: SeriesRow, timeZone: string): GroupSeries {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as GroupSeries['kind'],
    weekdays: row.weekdays as GroupSeries['weekdays'],
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    startDate: row.start_date,
    endDate: row.end_date,
    timeZone,
    venue: row.room_id ? { kind: 'room', roomId: row.room_id } : { kind: 'virtual' },
    facilitatorIds: row.facilitator_ids,
    capacity: row.capacity,
    curriculum: row.curriculum,
    curriculumStartModule: row.curriculum_start_module,
  };
}

export interface RosteredOccurrence {
  occurrence: Occurrence;
  row: SeriesRow;
  /** Participants expected: enrolled on the original date, on one of their pattern days. */
  roster: string[];
}

export interface Timeline {
  occurrences: RosteredOccurrence[];
  enrollments: EnrollmentRow[];
  seriesRows: SeriesRow[];
}

const DAY_MS = 86_400_000;

export function todayAt(timeZone: string, now: Date): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

export function mondayOf(date: Temporal.PlainDate): Temporal.PlainDate {
  return date.subtract({ days: date.dayOfWeek - 1 });
}

export function weekdayOf(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Whether an enrollment has the participant in a group whose original date is `date`. */
export function attends(enrollment: EnrollmentRow, date: string, weekday: number): boolean {
  if (enrollment.start_date > date) return false;
  if (enrollment.end_date !== null && enrollment.end_date < date) return false;
  return enrollment.weekdays === null || enrollment.weekdays.includes(weekday);
}

/**
 * The occurrences of the organization's series between two local dates (inclusive), each with
 * its roster. `seriesRows` may be given to expand a different set (a series not yet saved).
 */
export async function loadTimeline(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  range: { from: string; to: string },
  options: {
    trackIds?: string[];
    locationIds?: string[];
    seriesRows?: SeriesRow[];
    enrollments?: EnrollmentRow[];
    /** Only series this person facilitates, or covers for someone on one of their dates. */
    facilitatorId?: string;
  } = {},
): Promise<Timeline> {
  let seriesRows =
    options.seriesRows ??
    (await listSeries(db, organizationId, {
      activeFrom: range.from,
      ...(options.trackIds?.length === 1 ? { trackId: options.trackIds[0] } : {}),
    }));
  if (options.trackIds) seriesRows = seriesRows.filter((s) => options.trackIds?.includes(s.track_id));
  if (options.locationIds)
    seriesRows = seriesRows.filter((s) => options.locationIds?.includes(s.location_id));
  let exceptionRows = await listExceptions(
    db,
    organizationId,
    seriesRows.map((s) => s.id),
  );
  if (options.facilitatorId) {
    const person = options.facilitatorId;
    const covers = new Set(
      exceptionRows
        .filter((e) => (e.detail as { substituteFacilitatorId?: string }).substituteFacilitatorId === person)
        .map((e) => e.series_id),
    );
    seriesRows = seriesRows.filter((s) => s.facilitator_ids.includes(person) || covers.has(s.id));
    const kept = new Set(seriesRows.map((s) => s.id));
    exceptionRows = exceptionRows.filter((e) => kept.has(e.series_id));
  }
  const trackIds = [...new Set(seriesRows.map((s) => s.track_id))];
  const enrollments =
    options.enrollments ??
    (await listEnrollments(db, organizationId, { from: range.from, to: range.to, trackIds }));
  const exceptions = exceptionRows.map((e) => e.detail as unknown as SeriesException);
  const locationIds = [...new Set(seriesRows.map((s) => s.location_id))];
  const closureRows = await listClosures(db, organizationId, locationIds);

  const byTrack = new Map<string, EnrollmentRow[]>();
  for (const e of enrollments) byTrack.set(e.track_id, [...(byTrack.get(e.track_id) ?? []), e]);
  const rowById = new Map(seriesRows.map((s) => [s.id, s]));
  const dateRange = { from: Temporal.PlainDate.from(range.from), to: Temporal.PlainDate.from(range.to) };

  const occurrences: RosteredOccurrence[] = [];
  // Closures belong to a location, so expand one location at a time.
  for (const locationId of locationIds) {
    const here = seriesRows.filter((s) => s.location_id === locationId);
    const zone = zoneOf(directory, locationId);
    const closures: LocationClosure[] = closureRows
      .filter((c) => c.location_id === locationId)
      .map((c) => ({ date: c.closed_on, reason: c.reason }));
    const expanded = expandAllSeries(
      here.map((s) => toDomainSeries(s, zone)),
      exceptions,
      closures,
      dateRange,
    );
    const weekdays = new Map<string, number>();
    for (const occurrence of expanded) {
      const row = rowById.get(occurrence.seriesId) as SeriesRow;
      const date = occurrence.originalDate;
      let weekday = weekdays.get(date);
      if (weekday === undefined) {
        weekday = weekdayOf(date);
        weekdays.set(date, weekday);
      }
      const roster: string[] = [];
      for (const e of byTrack.get(row.track_id) ?? [])
        if (attends(e, date, weekday)) roster.push(e.patient_id);
      occurrences.push({ occurrence, row, roster });
    }
  }
  occurrences.sort((a, b) => a.occurrence.startEpochMs - b.occurrence.startEpochMs);
  return { occurrences, enrollments, seriesRows };
}

export function occurrenceBooking(o: RosteredOccurrence, directory: Directory): Booking {
  const room =
    o.occurrence.venue.kind === 'room' ? directory.rooms.get(o.occurrence.venue.roomId) : undefined;
  return bookingFromOccurrence(o.occurrence, {
    participantIds: o.roster,
    ...(room ? { roomCapacity: room.capacity } : {}),
  });
}

export const APPOINTMENT_LABELS: Record<AppointmentRow['kind'], string> = {
  individual: 'Individual session',
  family: 'Family session',
  assessment: 'Assessment',
  medication_management: 'Medication management',
};

export function appointmentBooking(row: AppointmentRow, directory: Directory): Booking {
  const room = row.room_id ? directory.rooms.get(row.room_id) : undefined;
  return {
    id: row.id,
    label: APPOINTMENT_LABELS[row.kind],
    startEpochMs: row.starts_at.getTime(),
    endEpochMs: row.ends_at.getTime(),
    clinicianIds: [row.clinician_id],
    room: room ? { id: room.id, capacity: room.capacity, headcount: row.participant_ids.length + 1 } : null,
    participantIds: row.participant_ids,
  };
}

export interface BookingSet {
  timeline: Timeline;
  appointments: AppointmentRow[];
  bookings: Booking[];
}

/**
 * Everything that takes a person or a room between two local dates, a day wider on each side so
 * that locations in other zones are covered; conflicts compare instants, so the margin is harmless.
 */
export async function loadBookings(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  range: { from: string; to: string },
  options: { skipSeriesIds?: string[]; skipAppointmentId?: string } = {},
): Promise<BookingSet> {
  const from = Temporal.PlainDate.from(range.from).subtract({ days: 1 });
  const to = Temporal.PlainDate.from(range.to).add({ days: 1 });
  const timeline = await loadTimeline(db, organizationId, directory, {
    from: from.toString(),
    to: to.toString(),
  });
  const appointments = await listAppointments(db, organizationId, {
    from: new Date(Date.parse(`${from.toString()}T00:00:00Z`) - DAY_MS),
    to: new Date(Date.parse(`${to.toString()}T00:00:00Z`) + 2 * DAY_MS),
  });
  const skip = new Set(options.skipSeriesIds ?? []);
  const bookings: Booking[] = [
    ...timeline.occurrences
      .filter((o) => o.occurrence.status !== 'cancelled' && !skip.has(o.occurrence.seriesId))
      .map((o) => occurrenceBooking(o, directory)),
    ...appointments
      .filter((a) => a.id !== options.skipAppointmentId)
      .map((a) => appointmentBooking(a, directory)),
  ];
  return { timeline, appointments, bookings };
}
