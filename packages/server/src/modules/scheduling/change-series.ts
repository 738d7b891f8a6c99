import {
  type api,
  cancelOccurrence,
  DomainError,
  type GroupSeries,
  moveOccurrence,
  parseGroupSeries,
  type SeriesException,
  splitSeriesAt,
  substituteFacilitator,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertNoConflicts } from './check-conflicts.js';
import { seriesColumns } from './create-series.js';
import { notifyCancellation } from './notify-participants.js';
import {
  insertSeries,
  listClosures,
  listExceptions,
  lockSeries,
  occurrenceRecordsFrom,
  saveException,
  updateSeriesAtVersion,
} from './repo.js';
import {
  type Directory,
  loadBookings,
  loadDirectory,
  occurrenceBooking,
  toDomainSeries,
  todayAt,
  zoneOf,
} from './schedule-data.js';
import { assertSeriesFits, checkFacilitators, checkVenue, limitsFor, trackOf } from './series-checks.js';
import type { SeriesRow } from './tables.js';
import { toOccurrence, toSeries } from './to-api.js';

export type ChangeSeriesInput = z.output<typeof api.ChangeSeriesRequest>;
type Changes = z.output<typeof api.SeriesChanges>;

interface Loaded {
  row: SeriesRow;
  series: GroupSeries;
  directory: Directory;
  timeZone: string;
  today: string;
}

/**
 * Every change to a series names its scope: one occurrence (an exception), this and the following
 * occurrences (the series is split: domain splitSeriesAt), or the whole series (only before its
 * first session, or to end it). The series version is checked (If-Match) and bumped either way.
 */
export async function changeSeries(
  db: Kysely<DB>,
  ctx: SignedInContext,
  id: string,
  expectedVersion: number,
  input: ChangeSeriesInput,
): Promise<api.ChangeSeriesResult> {
  const orgId = ctx.actor.organizationId;
  const row = await lockSeries(db, orgId, id);
  if (!row) throw DomainError.notFound('group series');
  const directory = await loadDirectory(db, orgId);
  const timeZone = zoneOf(directory, row.location_id);
  if (row.version !== expectedVersion) throw DomainError.stale('group series', toSeries(row, timeZone));
  const loaded: Loaded = {
    row,
    series: toDomainSeries(row, timeZone),
    directory,
    timeZone,
    today: todayAt(timeZone, ctx.now).toString(),
  };
  if (input.scope === 'occurrence') return changeOccurrence(db, ctx, loaded, input.date, input.change);
  if (input.scope === 'following' && input.from > row.start_date) {
    return changeFollowing(db, ctx, loaded, input.from, input.changes);
  }
  return changeWhole(db, ctx, loaded, input.changes);
}

async function bump(
  db: Kysely<DB>,
  ctx: SignedInContext,
  l: Loaded,
  changes: Parameters<typeof updateSeriesAtVersion>[4],
) {
  const updated = await updateSeriesAtVersion(
    db,
    ctx.actor.organizationId,
    l.row.id,
    l.row.version,
    changes,
    ctx.now,
  );
  if (!updated) throw DomainError.stale('group series', toSeries(l.row, l.timeZone));
  return updated;
}

function checkChanges(l: Loaded, changes: Changes) {
  if (changes.venue) checkVenue(l.directory, changes.venue, l.row.location_id, 'changes.venue.roomId');
  if (changes.facilitatorIds)
    checkFacilitators(l.directory, changes.facilitatorIds, 'changes.facilitatorIds');
  const track = trackOf(l.directory, l.row.track_id);
  return limitsFor(l.directory, track, changes.venue ?? l.series.venue);
}

async function changeOccurrence(
  db: Kysely<DB>,
  ctx: SignedInContext,
  l: Loaded,
  date: string,
  change: z.output<typeof api.OccurrenceChange>,
): Promise<api.ChangeSeriesResult> {
  const orgId = ctx.actor.organizationId;
  const day = Temporal.PlainDate.from(date);
  let exception: SeriesException;
  if (change.kind === 'cancel') {
    exception = cancelOccurrence(l.series, day, change.reason);
  } else if (change.kind === 'move') {
    if (change.venue) checkVenue(l.directory, change.venue, l.row.location_id, 'change.venue.roomId');
    const to = Temporal.PlainDate.from(change.toDate ?? date).toPlainDateTime(
      Temporal.PlainTime.from(change.toStartTime),
    );
    exception = moveOccurrence(l.series, day, to, {
      ...(change.venue ? { venue: change.venue } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
    });
  } else {
    checkFacilitators(l.directory, [change.substituteFacilitatorId], 'change.substituteFacilitatorId');
    exception = substituteFacilitator(
      l.series,
      day,
      change.absentFacilitatorId,
      change.substituteFacilitatorId,
    );
  }
  await saveException(db, {
    id: newId(),
    organization_id: orgId,
    series_id: l.row.id,
    original_date: date,
    kind: exception.kind,
    detail: JSON.stringify(exception),
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  const updated = await bump(db, ctx, l, {});

  // The week around the occurrence, with the change applied, against everything else booked.
  const heldOn = exception.kind === 'move' ? exception.toDate : date;
  const set = await loadBookings(db, orgId, l.directory, { from: heldOn, to: heldOn });
  const changed = set.timeline.occurrences.find((o) => o.occurrence.key === `${l.row.id}/${date}`);
  if (!changed) throw new Error('the changed occurrence did not expand');
  if (exception.kind !== 'cancel') {
    await assertNoConflicts(
      db,
      orgId,
      l.directory,
      l.timeZone,
      [
        exception.kind === 'substitute'
          ? {
              booking: occurrenceBooking(changed, l.directory),
              kinds: ['clinician'],
              resourceIds: [exception.substituteFacilitatorId],
            }
          : { booking: occurrenceBooking(changed, l.directory) },
      ],
      set.bookings,
    );
  } else if (changed.occurrence.startEpochMs > ctx.now.getTime()) {
    await notifyCancellation(db, ctx, changed, l.directory);
  }
  await recordAuditEvent(db, ctx, {
    action: `series.${exception.kind}_occurrence`,
    resourceType: 'group_series',
    resourceId: l.row.id,
    details: { date, ...(exception.kind === 'move' ? { toDate: exception.toDate } : {}) },
  });
  return {
    series: [toSeries(updated, l.timeZone)],
    occurrence: toOccurrence(changed.occurrence, l.row.track_id),
    droppedExceptions: [],
  };
}

async function changeFollowing(
  db: Kysely<DB>,
  ctx: SignedInContext,
  l: Loaded,
  from: string,
  changes: Changes,
): Promise<api.ChangeSeriesResult> {
  const orgId = ctx.actor.organizationId;
  if (from < l.today) {
    throw DomainError.invalid(
      'from',
      `Sessions before today (${l.today}) have been held; change the series from today on.`,
    );
  }
  const recorded = await occurrenceRecordsFrom(db, orgId, l.row.id, from);
  if (recorded.length > 0) {
    throw new DomainError(
      'invalid_state',
      `Attendance or notes are already recorded for the session of ${recorded[0]?.original_date}. Change the series from the day after it.`,
      [{ field: 'from', message: 'Sessions with records cannot move to another series.' }],
    );
  }
  const limits = checkChanges(l, changes);
  const exceptions = (await listExceptions(db, orgId, [l.row.id])).map(
    (e) => e.detail as unknown as SeriesException,
  );
  const closures = (await listClosures(db, orgId, [l.row.location_id])).map((c) => ({
    date: c.closed_on,
    reason: c.reason,
  }));
  const split = splitSeriesAt(l.series, Temporal.PlainDate.from(from), {
    newId: newId(),
    changes: changes as Parameters<typeof splitSeriesAt>[2]['changes'] & object,
    exceptions,
    closures,
    limits,
  });
  const ended = await bump(db, ctx, l, { end_date: split.ended.endDate });
  const next = await insertSeries(db, {
    id: split.next.id,
    organization_id: orgId,
    track_id: l.row.track_id,
    location_id: l.row.location_id,
    ...seriesColumns(split.next),
    previous_series_id: l.row.id,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  for (const exception of split.carriedExceptions) {
    await saveException(db, {
      id: newId(),
      organization_id: orgId,
      series_id: next.id,
      original_date: exception.date,
      kind: exception.kind,
      detail: JSON.stringify(exception),
      created_by: ctx.actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  await assertSeriesFits(db, orgId, l.directory, next, l.timeZone, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'series.split',
    resourceType: 'group_series',
    resourceId: l.row.id,
    details: { from, nextSeriesId: next.id, fields: Object.keys(changes) },
  });
  return {
    series: [toSeries(ended, l.timeZone), toSeries(next, l.timeZone)],
    occurrence: null,
    droppedExceptions: split.droppedExceptions.map((e) => ({ kind: e.kind, date: e.date })),
  };
}

/** Fields that may change on a series whose sessions have begun: none rewrites a held session. */
const ONCE_STARTED = new Set(['title', 'capacity', 'endDate']);

async function changeWhole(
  db: Kysely<DB>,
  ctx: SignedInContext,
  l: Loaded,
  changes: Changes,
): Promise<api.ChangeSeriesResult> {
  const started = l.row.start_date <= l.today;
  const blocked = Object.keys(changes).filter((k) => !ONCE_STARTED.has(k));
  if (started && blocked.length > 0) {
    throw new DomainError(
      'invalid_state',
      `${l.row.title} has begun (${l.row.start_date}): change ${blocked.join(', ')} from a date on, with scope "following", so held sessions stay as they were.`,
      blocked.map((field) => ({ field: `changes.${field}`, message: 'Use scope "following".' })),
    );
  }
  if (started && typeof changes.endDate === 'string' && changes.endDate < l.today) {
    throw DomainError.invalid(
      'changes.endDate',
      `End the series today (${l.today}) or later: held sessions stay as they were.`,
    );
  }
  const limits = checkChanges(l, changes);
  const next = parseGroupSeries({ ...l.series, ...changes }, limits);
  const updated = await bump(db, ctx, l, seriesColumns(next));
  await assertSeriesFits(db, ctx.actor.organizationId, l.directory, updated, l.timeZone, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'series.update',
    resourceType: 'group_series',
    resourceId: l.row.id,
    details: { fields: Object.keys(changes) },
  });
  return { series: [toSeries(updated, l.timeZone)], occurrence: null, droppedExceptions: [] };
}
