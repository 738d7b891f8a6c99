import { type api, checkAttendancePattern, DomainError, type IsoWeekday } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getEpisode } from '../episodes/index.js';
import type { TrackDefinition } from '../programs/index.js';
import { assertNoConflicts } from './check-conflicts.js';
import { participantWeekIntensity } from './plan-intensity.js';
import { findEnrollmentByEpisode, insertEnrollment, listSeries, updateEnrollmentAtVersion } from './repo.js';
import {
  type Directory,
  loadBookings,
  loadDirectory,
  occurrenceBooking,
  toDomainSeries,
  todayAt,
  zoneOf,
} from './schedule-data.js';
import { CONFLICT_HORIZON_WEEKS, trackOf } from './series-checks.js';
import type { EnrollmentRow } from './tables.js';

export type EnrollInput = z.output<typeof api.EnrollRequest>;
export type ChangeEnrollmentInput = z.output<typeof api.ChangeEnrollmentRequest>;

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OPEN_STATUSES = new Set(['pending', 'active', 'on_hold']);

interface Setting {
  episode: api.Episode;
  track: TrackDefinition;
  directory: Directory;
  timeZone: string;
  today: string;
}

async function settingOf(db: Kysely<DB>, ctx: SignedInContext, episodeId: string): Promise<Setting> {
  const episode = await getEpisode(db, ctx, episodeId);
  const directory = await loadDirectory(db, ctx.actor.organizationId);
  const track = trackOf(directory, episode.trackId);
  const timeZone = zoneOf(directory, track.locationId);
  return { episode, track, directory, timeZone, today: todayAt(timeZone, ctx.now).toString() };
}

/**
 * The participant's pattern against the track's rule (domain: checkAttendancePattern), with the
 * track's groups running on `asOf`. Below the minimum needs a documented reason.
 */
async function checkPattern(
  db: Kysely<DB>,
  ctx: SignedInContext,
  s: Setting,
  weekdays: IsoWeekday[] | null,
  reason: string | undefined,
  asOf: string,
) {
  const rows = await listSeries(db, ctx.actor.organizationId, { trackId: s.track.id, activeFrom: asOf });
  const series = rows.map((r) => toDomainSeries(r, s.timeZone));
  const trackDays = [...new Set(series.flatMap((x) => x.weekdays))].sort((a, b) => a - b);
  const chosen = weekdays ?? trackDays;
  const result = checkAttendancePattern(series, chosen, s.track.intensity, Temporal.PlainDate.from(asOf));
  if (weekdays && result.emptyWeekdays.length > 0) {
    const names = result.emptyWeekdays.map((d) => WEEKDAY_NAMES[d - 1]).join(', ');
    throw DomainError.invalid(
      'weekdays',
      `No group of ${s.track.name} meets on ${names}. Choose days the track meets.`,
    );
  }
  if (result.needsDocumentedReason && !reason) {
    throw new DomainError(
      'validation',
      `This pattern is below the track's minimum: ${result.problems.map((p) => p.message).join(' ')} Add more days, or document the reason (such as work hours or a step-down week).`,
      [{ field: 'reason', message: 'Needed: the pattern is below the minimum intensity.' }],
      { pattern: summary(result) },
    );
  }
  return { result, belowMinimum: result.needsDocumentedReason };
}

function summary(result: ReturnType<typeof checkAttendancePattern>): api.Enrollment['pattern'] {
  return {
    hours: Math.round(result.totalHours * 100) / 100,
    days: result.days,
    flags: result.flags,
    problems: result.problems,
    meetsMinimum: result.meetsMinimum,
    emptyWeekdays: result.emptyWeekdays,
  };
}

/**
 * Enrolls the episode's participant in the track's groups from a start date (rolling: any day),
 * on their own weekdays or on every day the track meets. Parse → check (open episode, pattern
 * against the rule, a reason when below it) → write → check clashes and full groups over the
 * coming weeks (a clash undoes the write) → the week's intensity with the answer.
 */
export async function enrollParticipant(
  db: Kysely<DB>,
  ctx: SignedInContext,
  episodeId: string,
  input: EnrollInput,
): Promise<api.Enrollment> {
  const orgId = ctx.actor.organizationId;
  const s = await settingOf(db, ctx, episodeId);
  if (!OPEN_STATUSES.has(s.episode.status)) {
    throw new DomainError(
      'invalid_state',
      'This episode is discharged. Enroll a participant of an open episode.',
    );
  }
  if (await findEnrollmentByEpisode(db, orgId, episodeId)) {
    throw new DomainError(
      'conflict',
      'This participant is already enrolled in the track’s groups. Change their days instead (PUT).',
    );
  }
  const startDate =
    input.startDate ?? (s.episode.admissionDate > s.today ? s.episode.admissionDate : s.today);
  if (startDate < s.episode.admissionDate) {
    throw DomainError.invalid(
      'startDate',
      `Groups start on or after admission (${s.episode.admissionDate}).`,
    );
  }
  const weekdays = input.weekdays ?? null;
  const { result, belowMinimum } = await checkPattern(db, ctx, s, weekdays, input.reason, startDate);
  const id = newId();
  await insertEnrollment(db, {
    id,
    organization_id: orgId,
    episode_id: episodeId,
    patient_id: s.episode.patientId,
    track_id: s.track.id,
    start_date: startDate,
    end_date: null,
    weekdays,
    below_minimum_reason: belowMinimum ? (input.reason ?? null) : null,
    availability: input.availability ? JSON.stringify(input.availability) : null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  const row = (await findEnrollmentByEpisode(db, orgId, episodeId)) as EnrollmentRow;
  await assertEnrollmentFits(db, ctx, s, row);
  await recordAuditEvent(db, ctx, {
    action: 'enrollment.create',
    resourceType: 'enrollment',
    resourceId: id,
    patientId: s.episode.patientId,
    details: { episodeId, trackId: s.track.id, weekdays, belowMinimum },
  });
  return toEnrollment(db, ctx, s, row, summary(result));
}

/** A new pattern (If-Match): checked like enrollment; the reason is asked again when below. */
export async function changeEnrollment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  episodeId: string,
  expectedVersion: number,
  input: ChangeEnrollmentInput,
): Promise<api.Enrollment> {
  const orgId = ctx.actor.organizationId;
  const s = await settingOf(db, ctx, episodeId);
  const current = await findEnrollmentByEpisode(db, orgId, episodeId);
  if (!current) throw DomainError.notFound('enrollment for this episode');
  if (current.version !== expectedVersion) {
    throw DomainError.stale('enrollment', await toEnrollment(db, ctx, s, current));
  }
  const asOf = current.start_date > s.today ? current.start_date : s.today;
  const { result, belowMinimum } = await checkPattern(db, ctx, s, input.weekdays, input.reason, asOf);
  const ok = await updateEnrollmentAtVersion(
    db,
    orgId,
    current.id,
    expectedVersion,
    {
      weekdays: input.weekdays,
      below_minimum_reason: belowMinimum ? (input.reason ?? null) : null,
      ...(input.availability !== undefined
        ? { availability: input.availability ? JSON.stringify(input.availability) : null }
        : {}),
    },
    ctx.now,
  );
  if (!ok) throw DomainError.stale('enrollment', await toEnrollment(db, ctx, s, current));
  const row = (await findEnrollmentByEpisode(db, orgId, episodeId)) as EnrollmentRow;
  await assertEnrollmentFits(db, ctx, s, row);
  await recordAuditEvent(db, ctx, {
    action: 'enrollment.update',
    resourceType: 'enrollment',
    resourceId: current.id,
    patientId: current.patient_id,
    details: { episodeId, weekdays: input.weekdays, belowMinimum },
  });
  return toEnrollment(db, ctx, s, row, summary(result));
}

/** The enrollment of an episode, with its pattern check and this week's intensity (audited). */
export async function getEnrollment(db: Kysely<DB>, ctx: SignedInContext, episodeId: string) {
  const s = await settingOf(db, ctx, episodeId);
  const row = await findEnrollmentByEpisode(db, ctx.actor.organizationId, episodeId);
  if (!row) throw DomainError.notFound('enrollment for this episode');
  await recordAuditEvent(db, ctx, {
    action: 'enrollment.read',
    resourceType: 'enrollment',
    resourceId: row.id,
    patientId: row.patient_id,
  });
  return toEnrollment(db, ctx, s, row);
}

/**
 * Ends the enrollment (the participant leaves the groups after `endDate`). The episodes module
 * calls this when it discharges; it is also a route. Ending twice keeps the first end.
 */
export async function endEnrollment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  episodeId: string,
  endDate: string,
): Promise<api.Enrollment | null> {
  const orgId = ctx.actor.organizationId;
  const current = await findEnrollmentByEpisode(db, orgId, episodeId);
  if (!current) return null;
  const s = await settingOf(db, ctx, episodeId);
  if (current.end_date !== null) return toEnrollment(db, ctx, s, current);
  const last =
    endDate < current.start_date
      ? Temporal.PlainDate.from(current.start_date).subtract({ days: 1 }).toString()
      : endDate;
  await updateEnrollmentAtVersion(db, orgId, current.id, current.version, { end_date: last }, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'enrollment.end',
    resourceType: 'enrollment',
    resourceId: current.id,
    patientId: current.patient_id,
    details: { episodeId, endDate: last },
  });
  return toEnrollment(db, ctx, s, (await findEnrollmentByEpisode(db, orgId, episodeId)) as EnrollmentRow);
}

/** Over the coming weeks: the participant's groups against their other bookings and each group's places. */
async function assertEnrollmentFits(db: Kysely<DB>, ctx: SignedInContext, s: Setting, row: EnrollmentRow) {
  const orgId = ctx.actor.organizationId;
  const from = row.start_date > s.today ? row.start_date : s.today;
  const to = Temporal.PlainDate.from(from)
    .add({ weeks: CONFLICT_HORIZON_WEEKS })
    .subtract({ days: 1 })
    .toString();
  const set = await loadBookings(db, orgId, s.directory, { from, to });
  const mine = set.timeline.occurrences.filter(
    (o) =>
      o.occurrence.status !== 'cancelled' &&
      o.roster.includes(row.patient_id) &&
      o.occurrence.originalDate >= from,
  );
  const full = mine.find((o) => o.roster.length > o.row.capacity);
  if (full) {
    throw new DomainError(
      'conflict',
      `${full.row.title} is full on ${full.occurrence.originalDate} (${full.row.capacity} places). Choose other days, or raise the group's capacity.`,
      [{ field: 'weekdays', message: `${full.row.title} is full.` }],
    );
  }
  await assertNoConflicts(
    db,
    orgId,
    s.directory,
    s.timeZone,
    mine.map((o) => {
      const booking = occurrenceBooking(o, s.directory);
      return {
        booking: { ...booking, clinicianIds: [], participantIds: [row.patient_id] },
        kinds: ['participant', 'room_capacity'],
        resourceIds: [row.patient_id],
      };
    }),
    set.bookings,
  );
}

async function toEnrollment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  s: Setting,
  row: EnrollmentRow,
  pattern?: api.Enrollment['pattern'],
): Promise<api.Enrollment> {
  const asOf = row.start_date > s.today ? row.start_date : s.today;
  let check = pattern;
  if (!check) {
    const series = (
      await listSeries(db, ctx.actor.organizationId, { trackId: row.track_id, activeFrom: asOf })
    ).map((r) => toDomainSeries(r, s.timeZone));
    // No own pattern: every day the track meets.
    const days = (row.weekdays as IsoWeekday[] | null) ?? [...new Set(series.flatMap((x) => x.weekdays))];
    check = summary(checkAttendancePattern(series, days, s.track.intensity, Temporal.PlainDate.from(asOf)));
  }
  return {
    id: row.id,
    episodeId: row.episode_id,
    patientId: row.patient_id,
    trackId: row.track_id,
    startDate: row.start_date,
    endDate: row.end_date,
    weekdays: row.weekdays,
    belowMinimumReason: row.below_minimum_reason,
    availability: row.availability,
    pattern: check,
    intensity: await participantWeekIntensity(
      db,
      ctx.actor.organizationId,
      s.directory,
      row.patient_id,
      row.track_id,
      Temporal.PlainDate.from(asOf),
    ),
    version: row.version,
  };
}
