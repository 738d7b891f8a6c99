import { type api, DomainError, defaultIntensity, trackProblems } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { getLocations } from '../organizations/index.js';
import {
  censusOf,
  findTrack,
  findTrackByName,
  insertTrack,
  lockTrack,
  updateTrackAtVersion,
} from './repo.js';
import { toTrack } from './to-api.js';

export type TrackInput = z.output<typeof api.TrackInput>;
type Ctx = RequestContext & { actor: StaffActor };

/** Parse → check: the location is the organization's, the name is free, the week fits the rule. */
async function checkTrack(db: Kysely<DB>, ctx: Ctx, input: TrackInput, trackId?: string) {
  const orgId = ctx.actor.organizationId;
  const location = (await getLocations(db, orgId)).find((l) => l.id === input.locationId);
  if (!location) {
    throw DomainError.invalid(
      'locationId',
      'Choose a location of your organization: its time zone runs the schedule.',
    );
  }
  if ((await findTrackByName(db, orgId, input.name)).some((t) => t.id !== trackId)) {
    throw new DomainError('conflict', 'Another track already has this name. Choose a different name.', [
      { field: 'name', message: 'Already in use.' },
    ]);
  }
  const intensity = input.intensity ?? defaultIntensity(input.levelOfCare, input.ageGroup);
  const weeklyPattern = [...input.weeklyPattern].sort((a, b) => a.day - b.day);
  const problems = trackProblems({
    levelOfCare: input.levelOfCare,
    ageGroup: input.ageGroup,
    weeklyPattern: input.weeklyPattern,
    intensity,
  });
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      problems.length === 1 && problems[0]
        ? problems[0].message
        : 'The track’s week does not fit its intensity rule.',
      problems,
    );
  }
  return { intensity, weeklyPattern };
}

function columns(input: TrackInput, checked: Awaited<ReturnType<typeof checkTrack>>) {
  return {
    name: input.name,
    description: input.description ?? null,
    population: input.population,
    age_group: input.ageGroup,
    level_of_care: input.levelOfCare,
    modality: input.modality,
    location_id: input.locationId,
    capacity: input.capacity,
    weekly_pattern: JSON.stringify(checked.weeklyPattern),
    intensity: JSON.stringify(checked.intensity),
  };
}

export async function createTrack(db: Kysely<DB>, ctx: Ctx, input: TrackInput): Promise<api.Track> {
  const checked = await checkTrack(db, ctx, input);
  const row = await insertTrack(db, {
    id: newId(),
    organization_id: ctx.actor.organizationId,
    ...columns(input, checked),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, { action: 'track.create', resourceType: 'track', resourceId: row.id });
  return toTrack(row);
}

/**
 * Replaces a track's definition. Its level of care cannot change while patients are in it:
 * their episodes were admitted at the old level, and a change of level is a step up or down
 * recorded per patient.
 */
export async function updateTrack(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: TrackInput,
): Promise<api.Track> {
  const orgId = ctx.actor.organizationId;
  const current = await lockTrack(db, orgId, id, 'update');
  if (!current) throw DomainError.notFound('track');
  const census = (await censusOf(db, orgId, [id])).get(id);
  if (current.version !== expectedVersion) throw DomainError.stale('track', toTrack(current, census));
  const checked = await checkTrack(db, ctx, input, id);
  if (input.levelOfCare !== current.level_of_care && census && census.open > 0) {
    throw new DomainError(
      'invalid_state',
      `${census.open} patients are in this track at its current level of care. Create a new track for the new level and move them with a step up or step down.`,
      [{ field: 'levelOfCare', message: 'Patients are admitted at the current level.' }],
    );
  }
  if (census && input.capacity < census.open) {
    throw DomainError.invalid(
      'capacity',
      `${census.open} places are taken in this track; the capacity cannot be lower than that.`,
    );
  }
  const row = await updateTrackAtVersion(db, orgId, id, expectedVersion, columns(input, checked), ctx.now);
  if (!row) throw DomainError.stale('track', toTrack(current, census));
  await recordAuditEvent(db, ctx, { action: 'track.update', resourceType: 'track', resourceId: id });
  return toTrack(row, census);
}

/** A track's name alone, without its census (the chart header shows the name). */
export async function getTrackName(db: Kysely<DB>, organizationId: string, id: string): Promise<string> {
  const row = await findTrack(db, organizationId, id);
  if (!row) throw DomainError.notFound('track');
  return row.name;
}

export async function getTrack(db: Kysely<DB>, organizationId: string, id: string): Promise<api.Track> {
  const row = await findTrack(db, organizationId, id);
  if (!row) throw DomainError.notFound('track');
  return toTrack(row, (await censusOf(db, organizationId, [id])).get(id));
}
