import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import { hashToken } from '../../security/tokens.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { findFeedByTokenHash, listAppointments, touchFeed } from './repo.js';
import {
  APPOINTMENT_LABELS,
  type Directory,
  loadDirectory,
  loadTimeline,
  todayAt,
  zoneOf,
} from './schedule-data.js';
import type { FeedRow } from './tables.js';

/** A feed shows four weeks back and twelve ahead; calendar apps fetch it again every few hours. */
const WEEKS_BACK = 4;
const WEEKS_AHEAD = 12;

interface FeedEvent {
  uid: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  summary: string;
  location: string;
  cancelled: boolean;
}

/** "Avery Testperson-1a2b" → "A.T.": what a clinician's feed says of a participant. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((part) => /^\p{L}/u.test(part))
    .slice(0, 3)
    .map((part) => `${part[0]?.toUpperCase()}.`)
    .join('');
}

function placeOf(directory: Directory, locationId: string, roomId: string | null): string {
  if (!roomId) return 'Online';
  const location = directory.locations.get(locationId);
  const address = [location?.addressLine, location?.city].filter(Boolean).join(', ');
  return [location?.name, address].filter(Boolean).join(', ');
}

/**
 * The iCalendar (RFC 5545) text behind a feed token, or null when the token is unknown or
 * revoked. Sessions are written out one event each (not as RRULEs): a participant's own weekdays,
 * closures, moves and the spring-forward shift are all already applied by the expansion, so a
 * calendar app shows exactly what Trellis shows. Each event has a stable UID (the occurrence key),
 * times in the location's zone with its VTIMEZONE, and cancellations stay as STATUS:CANCELLED.
 * No diagnosis, no group title for participants, no other participant's name; clinicians see
 * participants' initials only.
 */
export async function renderCalendarFeed(db: Kysely<DB>, token: string, now: Date): Promise<string | null> {
  const feed = await findFeedByTokenHash(db, hashToken(token));
  if (!feed || feed.revoked_at) return null;
  const orgId = feed.organization_id;
  const directory = await loadDirectory(db, orgId);
  const events = await eventsOf(db, feed, directory, now);
  const zones = [...new Set(events.map((e) => e.start.timeZoneId))];
  const primaryZone = zones[0] ?? [...directory.locations.values()][0]?.timeZone ?? 'UTC';
  const calendar = ical({
    name: feed.owner === 'clinician' ? 'Trellis — my sessions' : 'My sessions',
    prodId: { company: 'Trellis', product: 'Trellis', language: 'EN' },
    timezone: { name: primaryZone, generator: getVtimezoneComponent },
    ttl: 60 * 60,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: event.start,
      end: event.end,
      timezone: event.start.timeZoneId,
      stamp: now,
      summary: event.summary,
      location: event.location,
      ...(event.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  await touchFeed(db, feed.id, orgId, now);
  await recordAuditEvent(
    db,
    { actor: null, ip: null, requestId: `feed-${feed.id}`, now },
    {
      organizationId: orgId,
      actorLabel: 'calendar feed',
      action: 'calendar_feed.read',
      resourceType: 'calendar_feed',
      resourceId: feed.id,
      ...(feed.owner === 'participant' ? { patientId: feed.subject_id } : {}),
      details: { events: events.length },
    },
  );
  return calendar.toString();
}

async function eventsOf(
  db: Kysely<DB>,
  feed: FeedRow,
  directory: Directory,
  now: Date,
): Promise<FeedEvent[]> {
  const orgId = feed.organization_id;
  const zone = [...directory.locations.values()][0]?.timeZone ?? 'UTC';
  const today = todayAt(zone, now);
  const from = today.subtract({ weeks: WEEKS_BACK });
  const to = today.add({ weeks: WEEKS_AHEAD });
  const timeline = await loadTimeline(db, orgId, directory, { from: from.toString(), to: to.toString() });
  const appointments = await listAppointments(db, orgId, {
    from: new Date(Date.parse(`${from.toString()}T00:00:00Z`)),
    to: new Date(Date.parse(`${to.toString()}T00:00:00Z`)),
    includeCancelled: true,
    ...(feed.owner === 'participant' ? { patientId: feed.subject_id } : {}),
  });
  const forClinician = feed.owner === 'clinician';
  const events: FeedEvent[] = [];
  for (const o of timeline.occurrences) {
    const occ = o.occurrence;
    const mine = forClinician
      ? occ.facilitatorIds.includes(feed.subject_id)
      : o.roster.includes(feed.subject_id);
    if (!mine) continue;
    events.push({
      uid: `${occ.key}@trellis`,
      start: Temporal.Instant.fromEpochMilliseconds(occ.startEpochMs).toZonedDateTimeISO(occ.timeZone),
      end: Temporal.Instant.fromEpochMilliseconds(occ.endEpochMs).toZonedDateTimeISO(occ.timeZone),
      summary: forClinician ? occ.title : 'Group session',
      location: placeOf(directory, o.row.location_id, occ.venue.kind === 'room' ? occ.venue.roomId : null),
      cancelled: occ.status === 'cancelled',
    });
  }
  const initials = new Map<string, string>();
  for (const a of appointments) {
    if (forClinician && a.clinician_id !== feed.subject_id) continue;
    let summary = 'Appointment';
    if (forClinician) {
      const letters: string[] = [];
      for (const id of a.participant_ids) {
        if (!initials.has(id)) {
          const patient = await readPatient(db, orgId, id).catch(() => null);
          initials.set(id, patient ? initialsOf(patient.displayName) : '?');
        }
        letters.push(initials.get(id) as string);
      }
      summary = `${APPOINTMENT_LABELS[a.kind]} — ${letters.join(', ')}`;
    }
    const tz = zoneOf(directory, a.location_id);
    events.push({
      uid: `${a.id}@trellis`,
      start: Temporal.Instant.fromEpochMilliseconds(a.starts_at.getTime()).toZonedDateTimeISO(tz),
      end: Temporal.Instant.fromEpochMilliseconds(a.ends_at.getTime()).toZonedDateTimeISO(tz),
      summary,
      location: placeOf(directory, a.location_id, a.room_id),
      cancelled: a.status === 'cancelled',
    });
  }
  return events.sort((a, b) => Temporal.ZonedDateTime.compare(a.start, b.start));
}
