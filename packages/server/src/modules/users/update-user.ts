import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { AppUserRow, AppUserUpdate, DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { findUser, listUsers, updateUserAtVersion } from './repo.js';
import { toStaffUser } from './to-api.js';

export type UpdateUserInput = z.output<typeof api.UpdateUserRequest>;

/** An organization must keep at least one active administrator, or nobody can fix its settings. */
async function assertAdminRemains(db: Kysely<DB>, current: AppUserRow, input: UpdateUserInput) {
  const losesAdmin =
    current.roles.includes('admin') &&
    current.active &&
    (input.active === false || (input.roles !== undefined && !input.roles.includes('admin')));
  if (!losesAdmin) return;
  const admins = (await listUsers(db, current.organization_id, {})).filter(
    (u) => u.roles.includes('admin') && u.id !== current.id,
  );
  if (admins.length === 0) {
    throw new DomainError(
      'invalid_state',
      'This is the last active administrator. Give another account the admin role first.',
      [{ field: input.active === false ? 'active' : 'roles', message: 'Last administrator.' }],
    );
  }
}

export async function updateUser(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: UpdateUserInput,
): Promise<api.StaffUser> {
  const current = await findUser(db, ctx.actor.organizationId, id);
  if (!current) throw DomainError.notFound('user');
  if (current.version !== expectedVersion) throw DomainError.stale('account', toStaffUser(current));
  await assertAdminRemains(db, current, input);

  const changes: AppUserUpdate = {};
  if (input.displayName !== undefined) changes.display_name = input.displayName;
  if (input.roles !== undefined) changes.roles = input.roles;
  if (input.credentials !== undefined) changes.credentials = input.credentials;
  if (input.active !== undefined) changes.active = input.active;
  const row = await updateUserAtVersion(db, ctx.actor.organizationId, id, expectedVersion, changes, ctx.now);
  if (!row) throw DomainError.stale('account', toStaffUser(current));

  await recordAuditEvent(db, ctx, {
    action: input.active === false ? 'user.deactivate' : 'user.update',
    resourceType: 'user',
    resourceId: id,
    details: { fields: Object.keys(input), ...(input.roles ? { roles: input.roles } : {}) },
  });
  return toStaffUser(row);
}

export async function resetUserMfa(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
): Promise<api.StaffUser> {
  const current = await findUser(db, ctx.actor.organizationId, id);
  if (!current) throw DomainError.notFound('user');
  const row = await updateUserAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    {
      mfa_secret: null,
      mfa_enabled_at: null,
      mfa_last_time_step: null,
      failed_login_count: 0,
      locked_until: null,
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('account', toStaffUser(current));
  await recordAuditEvent(db, ctx, { action: 'user.mfa_reset', resourceType: 'user', resourceId: id });
  return toStaffUser(row);
}

/**
 * Lets a person locked out after too many wrong passwords or codes try again now, rather than
 * when the lockout runs out. Their password and two-step sign-in stay as they are.
 */
export async function unlockUser(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
): Promise<api.StaffUser> {
  const current = await findUser(db, ctx.actor.organizationId, id);
  if (!current) throw DomainError.notFound('user');
  const row = await updateUserAtVersion(
    db,
    ctx.actor.organizationId,
    id,
    expectedVersion,
    { failed_login_count: 0, locked_until: null },
    ctx.now,
  );
  if (!row) throw DomainError.stale('account', toStaffUser(current));
  await recordAuditEvent(db, ctx, {
    action: 'user.unlock',
    resourceType: 'user',
    resourceId: id,
    details: { wasLockedUntil: current.locked_until?.toISOString() ?? null },
  });
  return toStaffUser(row);
}
