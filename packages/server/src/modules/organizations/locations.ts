import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  findLocation,
  findRoom,
  insertLocation,
  insertRoom,
  listLocations,
  listRooms,
  updateLocationAtVersion,
  updateRoomAtVersion,
} from './repo.js';
import { toLocation, toRoom } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };
type LocationInput = z.output<typeof api.LocationInput>;
type RoomInput = z.output<typeof api.RoomInput>;

function locationColumns(input: LocationInput) {
  return {
    name: input.name,
    time_zone: input.timeZone,
    address_line: input.addressLine ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
    postal_code: input.postalCode ?? null,
    phone: input.phone ?? null,
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

function nameTaken(what: string): DomainError {
  return new DomainError('conflict', `Another ${what} already has this name. Choose a different name.`, [
    { field: 'name', message: 'Already in use.' },
  ]);
}

export async function getLocations(db: Kysely<DB>, organizationId: string) {
  return (await listLocations(db, organizationId)).map(toLocation);
}

export async function createLocation(db: Kysely<DB>, ctx: Ctx, input: LocationInput) {
  const existing = await listLocations(db, ctx.actor.organizationId);
  if (existing.some((l) => l.name.toLowerCase() === input.name.toLowerCase())) throw nameTaken('location');
  const row = await insertLocation(db, {
    id: newId(),
    organization_id: ctx.actor.organizationId,
    ...locationColumns(input),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'location.create',
    resourceType: 'location',
    resourceId: row.id,
  });
  return toLocation(row);
}

export async function updateLocation(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: LocationInput,
) {
  const current = await findLocation(db, ctx.actor.organizationId, id);
  if (!current) throw DomainError.notFound('location');
  const clash = (await listLocations(db, ctx.actor.organizationId)).some(
    (l) => l.id !== id && l.name.toLowerCase() === input.name.toLowerCase(),
  );
  if (clash) throw nameTaken('location');
  const row = await updateLocationAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    locationColumns(input),
    ctx.now,
  );
  if (!row) throw DomainError.stale('location', toLocation(current));
  await recordAuditEvent(db, ctx, { action: 'location.update', resourceType: 'location', resourceId: id });
  return toLocation(row);
}

export async function getRooms(db: Kysely<DB>, organizationId: string, locationId?: string) {
  return (await listRooms(db, organizationId, locationId)).map(toRoom);
}

async function assertRoomFits(db: Kysely<DB>, ctx: Ctx, input: RoomInput, roomId?: string) {
  const location = await findLocation(db, ctx.actor.organizationId, input.locationId);
  if (!location) throw DomainError.invalid('locationId', 'Choose a location of your organization.');
  const rooms = await listRooms(db, ctx.actor.organizationId, input.locationId);
  if (rooms.some((r) => r.id !== roomId && r.name.toLowerCase() === input.name.toLowerCase())) {
    throw nameTaken('room at this location');
  }
}

export async function createRoom(db: Kysely<DB>, ctx: Ctx, input: RoomInput) {
  await assertRoomFits(db, ctx, input);
  const row = await insertRoom(db, {
    id: newId(),
    organization_id: ctx.actor.organizationId,
    location_id: input.locationId,
    name: input.name,
    capacity: input.capacity,
    ...(input.active !== undefined ? { active: input.active } : {}),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, { action: 'room.create', resourceType: 'room', resourceId: row.id });
  return toRoom(row);
}

export async function updateRoom(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: RoomInput,
) {
  const current = await findRoom(db, ctx.actor.organizationId, id);
  if (!current) throw DomainError.notFound('room');
  await assertRoomFits(db, ctx, input, id);
  const row = await updateRoomAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    {
      location_id: input.locationId,
      name: input.name,
      capacity: input.capacity,
      ...(input.active !== undefined ? { active: input.active } : {}),
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('room', toRoom(current));
  await recordAuditEvent(db, ctx, { action: 'room.update', resourceType: 'room', resourceId: id });
  return toRoom(row);
}
