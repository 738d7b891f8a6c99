import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { createLocation, createOrganization } from '../modules/organizations/index.js';
import { createUser } from '../modules/users/index.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestOrganization {
  organizationId: string;
  locationId: string;
  admin: TestUser;
  /** A context that acts as the organization's admin, for calling use cases directly. */
  ctx: RequestContext & { actor: StaffActor };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: StaffRole[];
}

const unique = () => randomBytes(4).toString('hex');

/** A tenant of its own for each test: no test depends on another's rows. */
export async function createTestOrganization(
  db: Kysely<DB>,
  options: { now?: Date; mfaRequiredRoles?: StaffRole[] } = {},
): Promise<TestOrganization> {
  const now = options.now ?? new Date('2026-11-30T15:00:00Z');
  const org = await createOrganization(
    db,
    { name: `Test Program ${unique()}`, mfaRequiredRoles: options.mfaRequiredRoles ?? [] },
    now,
  );
  const seedCtx = {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      organizationId: org.id,
      roles: ['admin'] as StaffRole[],
      label: 'test',
    },
    ip: null,
    requestId: 'test',
    now,
  };
  const location = await createLocation(db, seedCtx, { name: 'Main', timeZone: 'America/Chicago' });
  const admin = await aUser(db, seedCtx, ['admin']);
  return {
    organizationId: org.id,
    locationId: location.id,
    admin,
    ctx: { ...seedCtx, actor: { ...seedCtx.actor, userId: admin.id, label: admin.email } },
  };
}

export async function aUser(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  roles: StaffRole[],
  overrides: { email?: string; displayName?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `${roles[0] ?? 'user'}-${unique()}@test.example`;
  const user = await createUser(db, ctx, {
    email,
    displayName: overrides.displayName ?? `Test ${roles.join(' ')}`,
    roles,
    password: TEST_PASSWORD,
  });
  return { id: user.id, email, password: TEST_PASSWORD, roles };
}
