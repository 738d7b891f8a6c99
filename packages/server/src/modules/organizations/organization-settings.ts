import { type api, DomainError, type StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  countOrganizations,
  findOrganization,
  insertOrganization,
  listLocations,
  listOrganizationNames,
  updateOrganizationAtVersion,
} from './repo.js';
import { toOrganization } from './to-api.js';

export async function getOrganization(db: Kysely<DB>, id: string): Promise<api.Organization> {
  const row = await findOrganization(db, id);
  if (!row) throw DomainError.notFound('organization');
  return toOrganization(row);
}

/** What sign-in needs of the organization: its name, MFA rule and session limits. */
export interface SignInPolicy {
  name: string;
  mfaRequiredRoles: StaffRole[];
  idleMinutes: number;
  absoluteHours: number;
}

export async function getSignInPolicy(db: Kysely<DB>, id: string): Promise<SignInPolicy> {
  const org = await getOrganization(db, id);
  return {
    name: org.name,
    mfaRequiredRoles: org.mfaRequiredRoles,
    idleMinutes: org.sessionIdleMinutes,
    absoluteHours: org.sessionAbsoluteHours,
  };
}

/** The zone of the organization's first active location: how it reads "today". */
export async function organizationTimeZone(db: Kysely<DB>, id: string): Promise<string> {
  const locations = await listLocations(db, id);
  return locations.find((l) => l.active)?.time_zone ?? 'UTC';
}

export async function updateOrganization(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  expectedVersion: number,
  input: z.output<typeof api.UpdateOrganizationRequest>,
): Promise<api.Organization> {
  const id = ctx.actor.organizationId;
  const current = await findOrganization(db, id);
  if (!current) throw DomainError.notFound('organization');
  const row = await updateOrganizationAtVersion(
    db,
    id,
    expectedVersion,
    {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.mfaRequiredRoles !== undefined ? { mfa_required_roles: input.mfaRequiredRoles } : {}),
      ...(input.sessionIdleMinutes !== undefined ? { session_idle_minutes: input.sessionIdleMinutes } : {}),
      ...(input.sessionAbsoluteHours !== undefined
        ? { session_absolute_hours: input.sessionAbsoluteHours }
        : {}),
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('organization', toOrganization(current));
  await recordAuditEvent(db, ctx, {
    action: 'organization.update',
    resourceType: 'organization',
    resourceId: id,
    details: { fields: Object.keys(input) },
  });
  return toOrganization(row);
}

/** A new tenant. Used by the installer, the demo seed and tests; not exposed over HTTP. */
export async function createOrganization(
  db: Kysely<DB>,
  input: { name: string; mfaRequiredRoles?: StaffRole[] },
  now: Date,
): Promise<api.Organization> {
  const row = await insertOrganization(db, {
    id: newId(),
    name: input.name,
    mfa_required_roles: input.mfaRequiredRoles ?? [],
    created_at: now,
    updated_at: now,
  });
  return toOrganization(row);
}

export async function hasAnyOrganization(db: Kysely<DB>): Promise<boolean> {
  return (await countOrganizations(db)) > 0;
}

/** Every tenant of this installation, by id and name (for operators' commands). */
export async function listOrganizations(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return listOrganizationNames(db);
}
