import type { api } from '@trellis/domain';
import type { AppUserRow } from '../../db/schema.js';

export function toStaffUser(row: AppUserRow): api.StaffUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles as api.StaffUser['roles'],
    credentials: row.credentials,
    active: row.active,
    mfaEnabled: row.mfa_enabled_at !== null,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
