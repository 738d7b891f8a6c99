import {
  type api,
  checkSchedule,
  DomainError,
  type InstrumentCode,
  type MeasureScheduleRule,
  suggestedSchedule,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getTrack } from '../programs/index.js';
import { findSchedule, insertSchedule, updateScheduleAtVersion } from './repo.js';
import type { MeasureScheduleRow, StoredScheduleRule } from './tables.js';

type Schedule = z.infer<typeof api.MeasureSchedule>;

export function storedRules(rules: readonly StoredScheduleRule[]): MeasureScheduleRule[] {
  return rules.map((r) => ({ ...r, instrument: r.instrument as InstrumentCode }));
}

function toSchedule(
  trackId: string,
  row: MeasureScheduleRow | undefined,
  suggested: MeasureScheduleRule[],
): Schedule {
  return { trackId, rules: row ? storedRules(row.rules) : [], version: row?.version ?? 0, suggested };
}

/** A track's measurement schedule (version 0 and no rules until a director saves one). */
export async function getMeasureSchedule(
  db: Kysely<DB>,
  organizationId: string,
  trackId: string,
): Promise<Schedule> {
  const track = await getTrack(db, organizationId, trackId);
  return toSchedule(
    trackId,
    await findSchedule(db, organizationId, trackId),
    suggestedSchedule(track.population),
  );
}

/**
 * Saves a track's schedule at the version read (If-Match "0" for the first save). Stored in
 * this module keyed by the track id; the programs module's track is not changed.
 */
export async function saveMeasureSchedule(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  trackId: string,
  expectedVersion: number,
  input: z.output<typeof api.SaveMeasureScheduleRequest>,
): Promise<Schedule> {
  const orgId = ctx.actor.organizationId;
  const track = await getTrack(db, orgId, trackId);
  const rules = checkSchedule(input.rules);
  const suggested = suggestedSchedule(track.population);
  const current = await findSchedule(db, orgId, trackId);
  const row =
    expectedVersion === 0 && !current
      ? await insertSchedule(db, {
          id: newId(),
          organization_id: orgId,
          track_id: trackId,
          rules,
          now: ctx.now,
        })
      : await updateScheduleAtVersion(db, orgId, trackId, expectedVersion, rules, ctx.now);
  if (!row) {
    throw DomainError.stale(
      'measurement schedule',
      toSchedule(trackId, await findSchedule(db, orgId, trackId), suggested),
    );
  }
  await recordAuditEvent(db, ctx, {
    action: 'measure.schedule.update',
    resourceType: 'measure_schedule',
    resourceId: row.id,
    details: {
      trackId,
      rules: rules.map((r) => `${r.instrument}:${r.timing}${r.everyDays ? `/${r.everyDays}` : ''}`),
    },
  });
  return toSchedule(trackId, row, suggested);
}
