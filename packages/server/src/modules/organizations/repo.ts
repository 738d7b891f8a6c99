import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, LocationTable, OrganizationTable, RoomTable } from '../../db/schema.js';

export async function insertOrganization(db: Kysely<DB>, org: Insertable<OrganizationTable>) {
  return db.insertInto('organization').values(org).returningAll().executeTakeFirstOrThrow();
}

export async function findOrganization(db: Kysely<DB>, id: string) {
  return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countOrganizations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateOrganizationAtVersion(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  changes: Updateable<OrganizationTable>,
  now: Date,
) {
  return db
    .updateTable('organization')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function listLocations(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('location')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export async function findLocation(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('location')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertLocation(db: Kysely<DB>, location: Insertable<LocationTable>) {
  return db.insertInto('location').values(location).returningAll().executeTakeFirstOrThrow();
}

export async function updateLocationAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<LocationTable>,
  now: Date,
) {
  return db
    .updateTable('location')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function listRooms(db: Kysely<DB>, organizationId: string, locationId?: string) {
  let query = db.selectFrom('room').selectAll().where('organization_id', '=', organizationId);
  if (locationId) query = query.where('location_id', '=', locationId);
  return query.orderBy('name').execute();
}

export async function findRoom(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('room')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertRoom(db: Kysely<DB>, room: Insertable<RoomTable>) {
  return db.insertInto('room').values(room).returningAll().executeTakeFirstOrThrow();
}

export async function updateRoomAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<RoomTable>,
  now: Date,
) {
  return db
    .updateTable('room')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function listOrganizationNames(db: Kysely<DB>) {
  return db.selectFrom('organization').select(['id', 'name']).orderBy('created_at').execute();
}
