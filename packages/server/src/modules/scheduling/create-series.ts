import { type api, type GroupSeries, parseGroupSeries } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { insertSeries } from './repo.js';
import { loadDirectory, zoneOf } from './schedule-data.js';
import { assertSeriesFits, checkFacilitators, checkVenue, limitsFor, trackOf } from './series-checks.js';
import type { NewSeries } from './tables.js';
import { toSeries } from './to-api.js';

export type CreateSeriesInput = z.output<typeof api.CreateSeriesRequest>;

export function seriesColumns(series: GroupSeries) {
  return {
    title: series.title,
    kind: series.kind,
    weekdays: series.weekdays,
    start_time: series.startTime,
    duration_minutes: series.durationMinutes,
    start_date: series.startDate,
    end_date: series.endDate,
    room_id: series.venue.kind === 'room' ? series.venue.roomId : null,
    facilitator_ids: series.facilitatorIds,
    capacity: series.capacity,
    curriculum: JSON.stringify(series.curriculum),
    curriculum_start_module: series.curriculumStartModule,
  };
}

/**
 * A recurring group of a track: parse (domain: parseGroupSeries, against the track's longest day
 * and the room's capacity) → check (the room is at the track's location, facilitators are its
 * clinical staff) → write → check the first weeks for clashes (a clash undoes the write).
 */
export async function createSeries(
  db: Kysely<DB>,
  ctx: SignedInContext,
  input: CreateSeriesInput,
): Promise<api.Series> {
  const orgId = ctx.actor.organizationId;
  const directory = await loadDirectory(db, orgId);
  const track = trackOf(directory, input.trackId);
  const timeZone = zoneOf(directory, track.locationId);
  checkVenue(directory, input.venue, track.locationId);
  checkFacilitators(directory, input.facilitatorIds);
  const series = parseGroupSeries(
    {
      id: newId(),
      title: input.title,
      kind: input.kind,
      weekdays: input.weekdays,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      timeZone,
      venue: input.venue,
      facilitatorIds: input.facilitatorIds,
      capacity: input.capacity,
      curriculum: input.curriculum ?? [],
    },
    limitsFor(directory, track, input.venue),
  );
  const row: NewSeries = {
    id: series.id,
    organization_id: orgId,
    track_id: track.id,
    location_id: track.locationId,
    ...seriesColumns(series),
    previous_series_id: null,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  const saved = await insertSeries(db, row);
  await assertSeriesFits(db, orgId, directory, saved, timeZone, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'series.create',
    resourceType: 'group_series',
    resourceId: saved.id,
    details: { trackId: track.id, kind: series.kind },
  });
  return toSeries(saved, timeZone);
}
