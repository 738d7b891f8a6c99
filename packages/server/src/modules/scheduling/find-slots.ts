import { type api, DomainError, proposeSlots, type WeeklyWindows } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getActiveEpisode } from '../episodes/index.js';
import { assertPatientExists } from '../patients/index.js';
import { listEnrollments, listWorkingHours, replaceWorkingHours } from './repo.js';
import { loadBookings, loadDirectory, zoneOf } from './schedule-data.js';
import { checkFacilitators } from './series-checks.js';
import { minuteText } from './to-api.js';

type WorkingHoursInput = z.output<typeof api.WorkingHoursInput>;

function toWeekly(rows: { weekday: number; start_time: string; end_time: string }[]): WeeklyWindows {
  const weekly: Record<string, { start: string; end: string }[]> = {};
  for (const r of rows) {
    const day = String(r.weekday);
    weekly[day] = [...(weekly[day] ?? []), { start: r.start_time, end: r.end_time }];
  }
  return weekly as WeeklyWindows;
}

export async function getWorkingHours(db: Kysely<DB>, organizationId: string, clinicianId: string) {
  return {
    clinicianId,
    hours: toWeekly(await listWorkingHours(db, organizationId, clinicianId)),
  } as z.output<typeof api.WorkingHours>;
}

/** Replaces a clinician's weekly working hours; the windows are checked as the slot finder reads them. */
export async function setWorkingHours(
  db: Kysely<DB>,
  ctx: SignedInContext,
  clinicianId: string,
  input: WorkingHoursInput,
): Promise<z.output<typeof api.WorkingHours>> {
  const orgId = ctx.actor.organizationId;
  checkFacilitators(await loadDirectory(db, orgId), [clinicianId], 'clinicianId');
  // The domain's own reading of the windows refuses a bad one, naming it.
  proposeSlots({
    timeZone: 'UTC',
    range: { from: Temporal.PlainDate.from('2026-01-05'), to: Temporal.PlainDate.from('2026-01-05') },
    durationMinutes: 15,
    clinicianWorkingHours: input.hours as WeeklyWindows,
    busy: {},
    limit: 1,
  });
  const rows = Object.entries(input.hours).flatMap(([weekday, windows]) =>
    (windows ?? []).map((w) => ({
      id: newId(),
      organization_id: orgId,
      clinician_id: clinicianId,
      weekday: Number(weekday),
      start_time: w.start,
      end_time: w.end,
      created_at: ctx.now,
      updated_at: ctx.now,
    })),
  );
  await replaceWorkingHours(db, orgId, clinicianId, rows);
  await recordAuditEvent(db, ctx, {
    action: 'working_hours.update',
    resourceType: 'user',
    resourceId: clinicianId,
  });
  return getWorkingHours(db, orgId, clinicianId);
}

/**
 * Times for an individual or family session (domain: proposeSlots): within the clinician's
 * working hours and the participant's stated availability, clear of the clinician's, the room's
 * and the participant's bookings, including the groups the participant is enrolled in.
 */
export async function findSlots(
  db: Kysely<DB>,
  ctx: SignedInContext,
  query: z.output<typeof api.SlotQuery>,
): Promise<z.output<typeof api.SlotList>> {
  const orgId = ctx.actor.organizationId;
  if (query.to < query.from) throw DomainError.invalid('to', 'The end of the range is before its start.');
  const directory = await loadDirectory(db, orgId);
  checkFacilitators(directory, [query.clinicianId], 'clinicianId');
  await assertPatientExists(db, orgId, query.patientId);
  const room = query.roomId ? directory.rooms.get(query.roomId) : undefined;
  if (query.roomId && !room) throw DomainError.invalid('roomId', 'Choose a room of your organization.');
  const episode = await getActiveEpisode(db, orgId, query.patientId);
  const trackLocation = episode ? directory.tracks.get(episode.trackId)?.locationId : undefined;
  const locationId = room?.locationId ?? trackLocation ?? [...directory.locations.keys()][0];
  if (!locationId) throw DomainError.invalid('roomId', 'Your organization has no location yet.');
  const timeZone = zoneOf(directory, locationId);

  const set = await loadBookings(db, orgId, directory, { from: query.from, to: query.to });
  const enrollment = (
    await listEnrollments(db, orgId, { from: query.from, to: query.to, patientId: query.patientId })
  )[0];
  const busy = (pick: (b: (typeof set.bookings)[number]) => boolean) =>
    set.bookings.filter(pick).map((b) => ({ startEpochMs: b.startEpochMs, endEpochMs: b.endEpochMs }));
  const slots = proposeSlots({
    timeZone,
    range: { from: Temporal.PlainDate.from(query.from), to: Temporal.PlainDate.from(query.to) },
    durationMinutes: query.duration,
    clinicianWorkingHours: toWeekly(await listWorkingHours(db, orgId, query.clinicianId)),
    ...(enrollment?.availability
      ? { participantAvailability: enrollment.availability as WeeklyWindows }
      : {}),
    busy: {
      clinician: busy((b) => b.clinicianIds.includes(query.clinicianId)),
      participant: busy((b) => b.participantIds.includes(query.patientId)),
      ...(room ? { room: busy((b) => b.room?.id === room.id) } : {}),
    },
    limit: query.limit ?? 10,
    notBeforeEpochMs: ctx.now.getTime(),
  });
  await recordAuditEvent(db, ctx, {
    action: 'schedule.slots',
    resourceType: 'patient',
    resourceId: query.patientId,
    patientId: query.patientId,
    details: { clinicianId: query.clinicianId, count: slots.length },
  });
  return {
    timeZone,
    items: slots.map((s) => ({
      start: minuteText(s.localStart),
      end: minuteText(s.localEnd),
      startUtc: s.startUtc,
      endUtc: new Date(s.endEpochMs).toISOString(),
    })),
  };
}
