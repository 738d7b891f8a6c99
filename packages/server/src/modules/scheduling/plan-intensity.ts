import { type api, type IntensityRule, type PlannedSession, weeklyIntensity } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { listAppointments } from './repo.js';
import {
  type Directory,
  loadDirectory,
  loadTimeline,
  mondayOf,
  type Timeline,
  zoneOf,
} from './schedule-data.js';
import type { AppointmentRow } from './tables.js';
import { toWeekIntensity } from './to-api.js';

export function localOf(instant: Date, timeZone: string): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime();
}

/** A participant's planned sessions: their groups (by roster) and their appointments. */
export function plannedSessions(
  patientId: string,
  timeline: Timeline,
  appointments: readonly AppointmentRow[],
  directory: Directory,
): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  for (const o of timeline.occurrences) {
    if (!o.roster.includes(patientId)) continue;
    sessions.push({
      localStart: o.occurrence.localStart,
      startEpochMs: o.occurrence.startEpochMs,
      endEpochMs: o.occurrence.endEpochMs,
      status: o.occurrence.status,
    });
  }
  for (const a of appointments) {
    if (a.status === 'cancelled' || !a.participant_ids.includes(patientId)) continue;
    sessions.push({
      localStart: localOf(a.starts_at, zoneOf(directory, a.location_id)),
      startEpochMs: a.starts_at.getTime(),
      endEpochMs: a.ends_at.getTime(),
    });
  }
  return sessions;
}

export function ruleOf(directory: Directory, trackId: string): IntensityRule {
  const track = directory.tracks.get(trackId);
  return track
    ? track.intensity
    : {
        minHoursPerWeek: 9,
        maxHoursPerWeek: 19,
        minDaysPerWeek: 3,
        maxDaysPerWeek: 5,
        minHoursPerDay: 2,
        maxHoursPerDay: 4,
      };
}

/** Reads one week of the organization's schedule: the timeline and the appointments. */
export async function loadWeek(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  weekStart: Temporal.PlainDate,
  options: { trackIds?: string[]; patientId?: string } = {},
) {
  const to = weekStart.add({ days: 6 });
  const timeline = await loadTimeline(
    db,
    organizationId,
    directory,
    { from: weekStart.toString(), to: to.toString() },
    options.trackIds ? { trackIds: options.trackIds } : {},
  );
  // A day's margin each side covers every zone; weeklyIntensity keeps only the week's local days.
  const appointments = await listAppointments(db, organizationId, {
    from: new Date(Date.parse(`${weekStart.toString()}T00:00:00Z`) - 86_400_000),
    to: new Date(Date.parse(`${to.toString()}T00:00:00Z`) + 2 * 86_400_000),
    ...(options.patientId ? { patientId: options.patientId } : {}),
  });
  return { timeline, appointments };
}

/** One participant's week against their track's rule. */
export async function participantWeekIntensity(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  patientId: string,
  trackId: string,
  date: Temporal.PlainDate,
): Promise<api.WeekIntensity> {
  const weekStart = mondayOf(date);
  const { timeline, appointments } = await loadWeek(db, organizationId, directory, weekStart, {
    trackIds: [trackId],
    patientId,
  });
  const sessions = plannedSessions(patientId, timeline, appointments, directory);
  return toWeekIntensity(weeklyIntensity(sessions, weekStart, ruleOf(directory, trackId)));
}

/**
 * The director's list: every participant enrolled during the week whose plan is below their
 * track's minimum or above its maximum. One read of the week, then arithmetic per participant.
 * Names are read for the listed participants only, and the read is audited.
 */
export async function listShortfalls(
  db: Kysely<DB>,
  ctx: SignedInContext,
  query: { week: string; trackId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<api.ShortfallList> {
  const orgId = ctx.actor.organizationId;
  const directory = await loadDirectory(db, orgId);
  const weekStart = mondayOf(Temporal.PlainDate.from(query.week));
  const trackIds = query.trackId ? [query.trackId] : [...directory.tracks.keys()];
  const { timeline, appointments } = await loadWeek(db, orgId, directory, weekStart, { trackIds });

  const byPatient = new Map<string, PlannedSession[]>();
  const add = (patientId: string, session: PlannedSession) => {
    const list = byPatient.get(patientId);
    if (list) list.push(session);
    else byPatient.set(patientId, [session]);
  };
  for (const o of timeline.occurrences) {
    for (const patientId of o.roster) {
      add(patientId, {
        localStart: o.occurrence.localStart,
        startEpochMs: o.occurrence.startEpochMs,
        endEpochMs: o.occurrence.endEpochMs,
        status: o.occurrence.status,
      });
    }
  }
  for (const a of appointments) {
    if (a.status === 'cancelled') continue;
    const localStart = localOf(a.starts_at, zoneOf(directory, a.location_id));
    for (const patientId of a.participant_ids) {
      add(patientId, { localStart, startEpochMs: a.starts_at.getTime(), endEpochMs: a.ends_at.getTime() });
    }
  }

  const weekEnd = weekStart.add({ days: 6 }).toString();
  const enrolled = timeline.enrollments.filter(
    (e) => e.start_date <= weekEnd && (e.end_date === null || e.end_date >= weekStart.toString()),
  );
  const flagged: Omit<api.ShortfallList['items'][number], 'name'>[] = [];
  for (const enrollment of enrolled) {
    const result = weeklyIntensity(
      byPatient.get(enrollment.patient_id) ?? [],
      weekStart,
      ruleOf(directory, enrollment.track_id),
    );
    const under = !result.meetsMinimum;
    const over = result.flags.includes('over_scheduled') || result.flags.includes('day_over_max');
    if (!under && !over) continue;
    flagged.push({
      ...toWeekIntensity(result),
      patientId: enrollment.patient_id,
      episodeId: enrollment.episode_id,
      trackId: enrollment.track_id,
      trackName: directory.tracks.get(enrollment.track_id)?.name ?? '',
      direction: under ? 'under' : 'over',
    });
  }
  // Furthest from the plan first: the fewest hours, then the most. Names are read for one page only.
  flagged.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'under' ? -1 : 1) ||
      (a.direction === 'under' ? a.totalHours - b.totalHours : b.totalHours - a.totalHours) ||
      a.patientId.localeCompare(b.patientId),
  );
  const offset = Number(query.cursor ?? 0);
  const page = flagged.slice(offset, offset + query.limit);
  const items: api.ShortfallList['items'] = [];
  for (const item of page) {
    items.push({ ...item, name: (await readPatient(db, orgId, item.patientId)).displayName });
  }
  await recordAuditEvent(db, ctx, {
    action: 'schedule.intensity_list',
    resourceType: 'schedule',
    details: { week: weekStart.toString(), count: items.length, patientIds: items.map((i) => i.patientId) },
  });
  const next = offset + query.limit;
  return {
    week: weekStart.toString(),
    checked: enrolled.length,
    flagged: flagged.length,
    items,
    nextCursor: next < flagged.length ? String(next) : null,
  };
}
