import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getActiveEpisode } from '../episodes/index.js';
import { assertPatientExists } from '../patients/index.js';
import { assertNoConflicts } from './check-conflicts.js';
import { localOf, participantWeekIntensity } from './plan-intensity.js';
import { findAppointment, insertAppointment, updateAppointmentAtVersion } from './repo.js';
import { appointmentBooking, type Directory, loadBookings, loadDirectory, zoneOf } from './schedule-data.js';
import { checkFacilitators } from './series-checks.js';
import type { AppointmentRow } from './tables.js';
import { minuteText, toAppointment } from './to-api.js';

export type CreateAppointmentInput = z.output<typeof api.CreateAppointmentRequest>;
export type UpdateAppointmentInput = z.output<typeof api.UpdateAppointmentRequest>;

/** The location whose clocks read the times: the room's, or the one named for a virtual session. */
function locationFor(directory: Directory, venue: api.Venue, locationId: string | undefined): string {
  if (venue.kind === 'room') {
    const room = directory.rooms.get(venue.roomId);
    if (!room?.active)
      throw DomainError.invalid('venue.roomId', 'Choose an active room of your organization.');
    if (locationId && locationId !== room.locationId) {
      throw DomainError.invalid(
        'locationId',
        `${room.name} is at another location. Choose a room at this one.`,
      );
    }
    return room.locationId;
  }
  if (!locationId || !directory.locations.has(locationId)) {
    throw DomainError.invalid('locationId', 'Choose the location whose clock a virtual session keeps.');
  }
  return locationId;
}

/** The instants of a local start in the location's zone; a time in the spring-forward gap is refused. */
function instantsOf(date: string, startTime: string, durationMinutes: number, timeZone: string) {
  const wall = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(startTime));
  const start = wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  if (!start.toPlainDateTime().equals(wall)) {
    throw DomainError.invalid(
      'startTime',
      `${startTime} does not exist on ${date}: the clocks change. Choose another time.`,
    );
  }
  return {
    startsAt: new Date(start.epochMilliseconds),
    endsAt: new Date(start.epochMilliseconds + durationMinutes * 60_000),
  };
}

async function checkParticipants(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  for (const id of new Set(ids)) {
    await assertPatientExists(db, organizationId, id).catch(() => {
      throw DomainError.invalid('participantIds', 'Choose participants among your organization’s patients.');
    });
  }
}

/** Each participant's planned week around the session, against their track's rule. */
async function intensityOf(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  row: AppointmentRow,
) {
  const out: api.Appointment['intensity'] = [];
  const date = localOf(row.starts_at, zoneOf(directory, row.location_id)).toPlainDate();
  for (const patientId of row.participant_ids) {
    const episode = await getActiveEpisode(db, organizationId, patientId);
    if (!episode) continue;
    out.push({
      patientId,
      ...(await participantWeekIntensity(db, organizationId, directory, patientId, episode.trackId, date)),
    });
  }
  return out;
}

export async function appointmentToApi(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  row: AppointmentRow,
) {
  const zone = zoneOf(directory, row.location_id);
  return toAppointment(
    row,
    zone,
    { start: minuteText(localOf(row.starts_at, zone)), end: minuteText(localOf(row.ends_at, zone)) },
    await intensityOf(db, organizationId, directory, row),
  );
}

/** Everything else booked around the appointment: a clash answers 409 and undoes the write. */
async function assertFits(db: Kysely<DB>, organizationId: string, directory: Directory, row: AppointmentRow) {
  if (row.status === 'cancelled') return;
  const zone = zoneOf(directory, row.location_id);
  const date = localOf(row.starts_at, zone).toPlainDate().toString();
  const set = await loadBookings(db, organizationId, directory, { from: date, to: date });
  await assertNoConflicts(
    db,
    organizationId,
    directory,
    zone,
    [{ booking: appointmentBooking(row, directory) }],
    set.bookings,
  );
}

/** Books an individual, family, assessment or medication session: parse → check → write → clashes. */
export async function bookAppointment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  input: CreateAppointmentInput,
): Promise<api.Appointment> {
  const orgId = ctx.actor.organizationId;
  const directory = await loadDirectory(db, orgId);
  const locationId = locationFor(directory, input.venue, input.locationId);
  checkFacilitators(directory, [input.clinicianId], 'clinicianId');
  await checkParticipants(db, orgId, input.participantIds);
  const room = input.venue.kind === 'room' ? directory.rooms.get(input.venue.roomId) : undefined;
  if (room && input.participantIds.length + 1 > room.capacity) {
    throw DomainError.invalid(
      'venue.roomId',
      `${room.name} holds ${room.capacity} people. Choose a larger room.`,
    );
  }
  const { startsAt, endsAt } = instantsOf(
    input.date,
    input.startTime,
    input.durationMinutes,
    zoneOf(directory, locationId),
  );
  const row = await insertAppointment(db, {
    id: newId(),
    organization_id: orgId,
    location_id: locationId,
    kind: input.kind,
    clinician_id: input.clinicianId,
    participant_ids: [...new Set(input.participantIds)],
    room_id: room?.id ?? null,
    starts_at: startsAt,
    ends_at: endsAt,
    cancel_reason: null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await assertFits(db, orgId, directory, row);
  for (const patientId of row.participant_ids) {
    await recordAuditEvent(db, ctx, {
      action: 'appointment.create',
      resourceType: 'appointment',
      resourceId: row.id,
      patientId,
      details: { kind: row.kind },
    });
  }
  return appointmentToApi(db, orgId, directory, row);
}

/** Move, re-room, hand over, or change the status of an appointment (If-Match). */
export async function changeAppointment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  id: string,
  expectedVersion: number,
  input: UpdateAppointmentInput,
): Promise<api.Appointment> {
  const orgId = ctx.actor.organizationId;
  const current = await findAppointment(db, orgId, id, true);
  if (!current) throw DomainError.notFound('appointment');
  const directory = await loadDirectory(db, orgId);
  if (current.version !== expectedVersion) {
    throw DomainError.stale('appointment', await appointmentToApi(db, orgId, directory, current));
  }
  if (input.status === 'cancelled' && !input.reason) {
    throw DomainError.invalid('reason', 'Say why the appointment is cancelled.');
  }
  const venue: api.Venue =
    input.venue ?? (current.room_id ? { kind: 'room', roomId: current.room_id } : { kind: 'virtual' });
  const locationId = locationFor(directory, venue, input.venue ? current.location_id : current.location_id);
  if (input.clinicianId) checkFacilitators(directory, [input.clinicianId], 'clinicianId');
  const zone = zoneOf(directory, locationId);
  const local = localOf(current.starts_at, zone);
  const duration =
    input.durationMinutes ?? Math.round((current.ends_at.getTime() - current.starts_at.getTime()) / 60_000);
  const { startsAt, endsAt } = instantsOf(
    input.date ?? local.toPlainDate().toString(),
    input.startTime ?? local.toPlainTime().toString({ smallestUnit: 'minute' }),
    duration,
    zone,
  );
  const row = await updateAppointmentAtVersion(
    db,
    orgId,
    id,
    expectedVersion,
    {
      room_id: venue.kind === 'room' ? venue.roomId : null,
      location_id: locationId,
      starts_at: startsAt,
      ends_at: endsAt,
      ...(input.clinicianId ? { clinician_id: input.clinicianId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.status === 'cancelled' ? { cancel_reason: input.reason ?? null } : {}),
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('appointment', await appointmentToApi(db, orgId, directory, current));
  await assertFits(db, orgId, directory, row);
  for (const patientId of row.participant_ids) {
    await recordAuditEvent(db, ctx, {
      action: input.status === 'cancelled' ? 'appointment.cancel' : 'appointment.update',
      resourceType: 'appointment',
      resourceId: id,
      patientId,
      details: { fields: Object.keys(input).filter((k) => k !== 'reason') },
    });
  }
  return appointmentToApi(db, orgId, directory, row);
}

/** One appointment, its participants named by id; the read is audited per participant. */
export async function getAppointment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  id: string,
): Promise<api.Appointment> {
  const orgId = ctx.actor.organizationId;
  const row = await findAppointment(db, orgId, id);
  if (!row) throw DomainError.notFound('appointment');
  for (const patientId of row.participant_ids) {
    await recordAuditEvent(db, ctx, {
      action: 'appointment.read',
      resourceType: 'appointment',
      resourceId: id,
      patientId,
    });
  }
  return appointmentToApi(db, orgId, await loadDirectory(db, orgId), row);
}
