import type { api, StaffRole } from '@trellis/domain';
import type { Selectable } from 'kysely';
import type { LocationTable, OrganizationTable, RoomTable } from '../../db/schema.js';

export function toOrganization(row: Selectable<OrganizationTable>): api.Organization {
  return {
    id: row.id,
    name: row.name,
    mfaRequiredRoles: row.mfa_required_roles as StaffRole[],
    sessionIdleMinutes: row.session_idle_minutes,
    sessionAbsoluteHours: row.session_absolute_hours,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toLocation(row: Selectable<LocationTable>): api.Location {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    addressLine: row.address_line,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    phone: row.phone,
    active: row.active,
    version: row.version,
  };
}

export function toRoom(row: Selectable<RoomTable>) {
  return {
    id: row.id,
    locationId: row.location_id,
    name: row.name,
    capacity: row.capacity,
    active: row.active,
    version: row.version,
  };
}
