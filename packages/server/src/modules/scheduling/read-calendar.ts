import { type api, can, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { localOf } from './plan-intensity.js';
import { listAppointments } from './repo.js';
import {
  APPOINTMENT_LABELS,
  type Directory,
  loadDirectory,
  loadTimeline,
  mondayOf,
  type RosteredOccurrence,
  zoneOf,
} from './schedule-data.js';
import type { AppointmentRow } from './tables.js';
import { minuteText } from './to-api.js';

export type CalendarQuery = z.output<typeof api.CalendarQuery>;

const DAY_MS = 86_400_000;

function room(directory: Directory, id: string | null) {
  const r = id ? directory.rooms.get(id) : undefined;
  return r ? { id: r.id, name: r.name } : null;
}

function people(directory: Directory, ids: readonly string[]) {
  return ids.map((id) => ({ id, name: directory.staff.get(id)?.displayName ?? 'Former staff member' }));
}

function groupItem(o: RosteredOccurrence, directory: Directory): api.CalendarItem {
  const occ = o.occurrence;
  return {
    type: 'group',
    id: occ.key,
    seriesId: occ.seriesId,
    trackId: o.row.track_id,
    title: occ.title,
    kind: occ.kind,
    status: occ.status,
    start: minuteText(occ.localStart),
    end: minuteText(occ.localEnd),
    startUtc: occ.startUtc,
    endUtc: occ.endUtc,
    timeZone: occ.timeZone,
    mode: occ.venue.kind === 'room' ? 'in_person' : 'virtual',
    room: occ.venue.kind === 'room' ? room(directory, occ.venue.roomId) : null,
    facilitators: people(directory, occ.facilitatorIds),
    participantCount: o.roster.length,
    capacity: o.row.capacity,
    module: occ.module?.title ?? null,
  };
}

function appointmentItem(a: AppointmentRow, directory: Directory): api.CalendarItem {
  const zone = zoneOf(directory, a.location_id);
  return {
    type: 'appointment',
    id: a.id,
    seriesId: null,
    trackId: null,
    title: APPOINTMENT_LABELS[a.kind],
    kind: a.kind,
    status: a.status,
    start: minuteText(localOf(a.starts_at, zone)),
    end: minuteText(localOf(a.ends_at, zone)),
    startUtc: a.starts_at.toISOString(),
    endUtc: a.ends_at.toISOString(),
    timeZone: zone,
    mode: a.room_id ? 'in_person' : 'virtual',
    room: room(directory, a.room_id),
    facilitators: people(directory, [a.clinician_id]),
    participantCount: a.participant_ids.length,
    capacity: null,
    module: null,
  };
}

/**
 * A week (Monday to Sunday) or a day of a track, a room, a clinician or a participant: groups
 * with how full they are, appointments, who facilitates, where, in person or virtual. Names of
 * participants appear only in a participant's own view, for roles that may read that patient;
 * that read is audited.
 */
export async function readCalendar(
  db: Kysely<DB>,
  ctx: SignedInContext,
  query: CalendarQuery,
): Promise<z.output<typeof api.Calendar>> {
  const orgId = ctx.actor.organizationId;
  const day = Temporal.PlainDate.from(query.date);
  const from = query.view === 'week' ? mondayOf(day) : day;
  const to = query.view === 'week' ? from.add({ days: 6 }) : day;
  const range = { from: from.toString(), to: to.toString() };
  const directory = await loadDirectory(db, orgId);
  if (query.trackId && !directory.tracks.has(query.trackId)) throw DomainError.notFound('track');
  if (query.roomId && !directory.rooms.has(query.roomId)) throw DomainError.notFound('room');
  if (query.clinicianId && !directory.staff.has(query.clinicianId)) throw DomainError.notFound('clinician');
  if (query.patientId) await readPatient(db, orgId, query.patientId);

  // Only the series that can show: a track's, or those a clinician facilitates (or covers).
  const timeline = await loadTimeline(
    db,
    orgId,
    directory,
    range,
    query.trackId
      ? { trackIds: [query.trackId] }
      : query.clinicianId
        ? { facilitatorId: query.clinicianId }
        : {},
  );
  const inRange = (localDate: string) => localDate >= range.from && localDate <= range.to;
  let groups = timeline.occurrences.filter((o) => inRange(o.occurrence.localStart.toPlainDate().toString()));
  if (query.roomId)
    groups = groups.filter(
      (o) => o.occurrence.venue.kind === 'room' && o.occurrence.venue.roomId === query.roomId,
    );
  if (query.clinicianId)
    groups = groups.filter((o) => o.occurrence.facilitatorIds.includes(query.clinicianId as string));
  if (query.patientId) groups = groups.filter((o) => o.roster.includes(query.patientId as string));

  let appointments: AppointmentRow[] = [];
  if (!query.trackId) {
    appointments = (
      await listAppointments(db, orgId, {
        from: new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY_MS),
        to: new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS),
        includeCancelled: true,
        ...(query.patientId ? { patientId: query.patientId } : {}),
        ...(query.clinicianId ? { clinicianId: query.clinicianId } : {}),
        ...(query.roomId ? { roomId: query.roomId } : {}),
      })
    ).filter((a) => {
      if (!inRange(localOf(a.starts_at, zoneOf(directory, a.location_id)).toPlainDate().toString()))
        return false;
      if (query.roomId) return a.room_id === query.roomId;
      if (query.clinicianId) return a.clinician_id === query.clinicianId;
      return true;
    });
  }

  const items = [
    ...groups.map((o) => groupItem(o, directory)),
    ...appointments.map((a) => appointmentItem(a, directory)),
  ];
  if (query.patientId) {
    const named = await nameParticipants(db, ctx, query.patientId, groups, appointments);
    for (const item of items) {
      const ids =
        item.type === 'group'
          ? [query.patientId]
          : (appointments.find((a) => a.id === item.id)?.participant_ids ?? []);
      item.participants = ids.flatMap((id) => (named.has(id) ? [{ id, name: named.get(id) as string }] : []));
    }
    await recordAuditEvent(db, ctx, {
      action: 'schedule.read',
      resourceType: 'patient',
      resourceId: query.patientId,
      patientId: query.patientId,
      details: { view: query.view, from: range.from, items: items.length, named: [...named.keys()] },
    });
  }
  items.sort((a, b) => a.startUtc.localeCompare(b.startUtc) || a.id.localeCompare(b.id));
  return { view: query.view, from: range.from, to: range.to, items };
}

/** The participant's own name, and other participants of their family sessions for staff who may read them. */
async function nameParticipants(
  db: Kysely<DB>,
  ctx: SignedInContext,
  patientId: string,
  _groups: RosteredOccurrence[],
  appointments: AppointmentRow[],
): Promise<Map<string, string>> {
  const orgId = ctx.actor.organizationId;
  const named = new Map<string, string>();
  const ids = new Set([patientId, ...appointments.flatMap((a) => a.participant_ids)]);
  for (const id of ids) {
    if (!can(ctx.actor, 'patient.read', { organizationId: orgId, patientId: id })) continue;
    named.set(id, (await readPatient(db, orgId, id)).displayName);
  }
  return named;
}
