import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { deleteClosure, insertClosure, listClosures } from './repo.js';
import { loadDirectory } from './schedule-data.js';

type Closure = z.output<typeof api.Closure>;

/** A day a location is closed (a holiday): every session there that day reads as cancelled. */
export async function addClosure(
  db: Kysely<DB>,
  ctx: SignedInContext,
  locationId: string,
  input: z.output<typeof api.ClosureInput>,
): Promise<Closure> {
  const orgId = ctx.actor.organizationId;
  if (!(await loadDirectory(db, orgId)).locations.has(locationId)) throw DomainError.notFound('location');
  const id = newId();
  const added = await insertClosure(db, {
    id,
    organization_id: orgId,
    location_id: locationId,
    closed_on: input.date,
    reason: input.reason,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (!added) {
    throw new DomainError('conflict', `The location is already closed on ${input.date}.`, [
      { field: 'date', message: 'Already a closure day.' },
    ]);
  }
  await recordAuditEvent(db, ctx, {
    action: 'closure.create',
    resourceType: 'location',
    resourceId: locationId,
    details: { date: input.date },
  });
  return { id, locationId, date: input.date, reason: input.reason };
}

export async function getClosures(
  db: Kysely<DB>,
  organizationId: string,
  locationId: string,
  range: { from: string; to: string },
): Promise<Closure[]> {
  const rows = await listClosures(db, organizationId, [locationId], range);
  return rows.map((r) => ({ id: r.id, locationId: r.location_id, date: r.closed_on, reason: r.reason }));
}

/** A closure entered by mistake, or a holiday the program now works: its sessions are back. */
export async function removeClosure(
  db: Kysely<DB>,
  ctx: SignedInContext,
  locationId: string,
  id: string,
): Promise<Closure> {
  const removed = await deleteClosure(db, ctx.actor.organizationId, locationId, id);
  if (!removed) throw DomainError.notFound('closure day');
  await recordAuditEvent(db, ctx, {
    action: 'closure.delete',
    resourceType: 'location',
    resourceId: locationId,
    details: { date: removed.closed_on },
  });
  return { id: removed.id, locationId: removed.location_id, date: removed.closed_on, reason: removed.reason };
}
