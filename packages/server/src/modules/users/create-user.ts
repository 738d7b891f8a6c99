import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAuditEvent } from '../audit/index.js';
import { emailTaken, insertUser } from './repo.js';
import { toStaffUser } from './to-api.js';

export type CreateUserInput = z.output<typeof api.CreateUserRequest>;

export function emailInUse(): DomainError {
  return new DomainError(
    'conflict',
    'An account with this email already exists. Use another email, or find and edit that account.',
    [{ field: 'email', message: 'Already used by another account.' }],
  );
}

export async function createUser(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> },
  input: CreateUserInput,
): Promise<api.StaffUser> {
  if (await emailTaken(db, input.email)) throw emailInUse();
  const row = await insertUser(db, {
    id: newId(),
    organization_id: ctx.actor.organizationId,
    email: input.email,
    display_name: input.displayName,
    roles: input.roles,
    credentials: input.credentials ?? null,
    password_hash: await hashPassword(input.password),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'user.create',
    resourceType: 'user',
    resourceId: row.id,
    details: { roles: input.roles },
  });
  return toStaffUser(row);
}
