import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { localOf } from './plan-intensity.js';
import { listAppointments, listEnrollments } from './repo.js';
import { APPOINTMENT_LABELS, loadDirectory, loadTimeline, zoneOf } from './schedule-data.js';

/** A session on one participant's schedule: a group they are rostered in, or an appointment. */
export interface ParticipantSession {
  source: 'group' | 'appointment';
  /** The group series' kind (cbt_skills …) or the appointment's (individual, family …). */
  kind: string;
  title: string;
  /** Local wall-clock start, 'YYYY-MM-DDTHH:MM'. */
  start: string;
  startUtc: string;
  /** scheduled, moved or cancelled (groups); scheduled, completed, cancelled or no_show (appointments). */
  status: string;
  /** The occurrence key, or the appointment id. */
  ref: string;
  staffIds: string[];
}

const DAY_MS = 86_400_000;

/**
 * One participant's sessions between two local dates (inclusive): the occurrences of their
 * track's groups on the days their enrollment has them, and their appointments, cancelled ones
 * included (with their status) so the caller decides what counts. For the treatment plan's
 * thread to the schedule. Not audited: the caller audits the read it serves.
 */
export async function participantSessions(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  range: { from: string; to: string },
): Promise<ParticipantSession[]> {
  const directory = await loadDirectory(db, organizationId);
  const enrollments = await listEnrollments(db, organizationId, { ...range, patientId });
  const sessions: ParticipantSession[] = [];
  if (enrollments.length > 0) {
    const timeline = await loadTimeline(db, organizationId, directory, range, {
      trackIds: [...new Set(enrollments.map((e) => e.track_id))],
      enrollments,
    });
    for (const o of timeline.occurrences) {
      if (!o.roster.includes(patientId)) continue;
      sessions.push({
        source: 'group',
        kind: o.occurrence.kind,
        title: o.occurrence.title,
        start: o.occurrence.localStart.toString().slice(0, 16),
        startUtc: o.occurrence.startUtc,
        status: o.occurrence.status,
        ref: o.occurrence.key,
        staffIds: o.occurrence.facilitatorIds,
      });
    }
  }
  const appointments = await listAppointments(db, organizationId, {
    from: new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY_MS),
    to: new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS),
    patientId,
    includeCancelled: true,
  });
  for (const a of appointments) {
    const start = localOf(a.starts_at, zoneOf(directory, a.location_id)).toString().slice(0, 16);
    const day = start.slice(0, 10);
    if (day < range.from || day > range.to) continue;
    sessions.push({
      source: 'appointment',
      kind: a.kind,
      title: APPOINTMENT_LABELS[a.kind],
      start,
      startUtc: a.starts_at.toISOString(),
      status: a.status,
      ref: a.id,
      staffIds: [a.clinician_id],
    });
  }
  return sessions.sort((x, y) => x.startUtc.localeCompare(y.startUtc));
}
