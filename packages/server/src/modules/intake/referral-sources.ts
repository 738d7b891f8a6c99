import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  findReferralSource,
  findReferralSourceByName,
  insertReferralSource,
  listReferralSourceRows,
  updateReferralSourceAtVersion,
} from './repo.js';
import { toReferralSource } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };
type SourceInput = z.output<typeof api.ReferralSourceInput>;
type SourceUpdate = z.output<typeof api.UpdateReferralSourceRequest>;

function nameTaken(): DomainError {
  return new DomainError(
    'conflict',
    'A referral source with this name is already on the list. Use that one, or choose a different name.',
    [{ field: 'name', message: 'Already on the list.' }],
  );
}

/** The organization's referral partners, by name. Not personal health information: no audit of reads. */
export async function listReferralSources(
  db: Kysely<DB>,
  organizationId: string,
  includeInactive = false,
): Promise<api.ReferralSource[]> {
  return (await listReferralSourceRows(db, organizationId, includeInactive)).map(toReferralSource);
}

export async function getReferralSource(db: Kysely<DB>, organizationId: string, id: string) {
  const row = await findReferralSource(db, organizationId, id);
  if (!row) throw DomainError.notFound('referral source');
  return toReferralSource(row);
}

export async function createReferralSource(db: Kysely<DB>, ctx: Ctx, input: SourceInput) {
  const orgId = ctx.actor.organizationId;
  if (await findReferralSourceByName(db, orgId, input.name)) throw nameTaken();
  const row = await insertReferralSource(db, {
    id: newId(),
    organization_id: orgId,
    name: input.name,
    kind: input.kind,
    contact_name: input.contactName ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    notes: input.notes ?? null,
    ...(input.active !== undefined ? { active: input.active } : {}),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'referral_source.create',
    resourceType: 'referral_source',
    resourceId: row.id,
    details: { kind: row.kind },
  });
  return toReferralSource(row);
}

/** Changes or deactivates a referral source (If-Match). Sources are never deleted: inquiries point at them. */
export async function updateReferralSource(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: SourceUpdate,
) {
  const orgId = ctx.actor.organizationId;
  const current = await findReferralSource(db, orgId, id);
  if (!current) throw DomainError.notFound('referral source');
  if (current.version !== expectedVersion)
    throw DomainError.stale('referral source', toReferralSource(current));
  if (input.name !== undefined) {
    const same = await findReferralSourceByName(db, orgId, input.name);
    if (same && same.id !== id) throw nameTaken();
  }
  const row = await updateReferralSourceAtVersion(
    db,
    orgId,
    id,
    expectedVersion,
    {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    },
    ctx.now,
  );
  if (!row) throw DomainError.stale('referral source', toReferralSource(current));
  await recordAuditEvent(db, ctx, {
    action: input.active === false ? 'referral_source.deactivate' : 'referral_source.update',
    resourceType: 'referral_source',
    resourceId: id,
    details: { fields: Object.keys(input) },
  });
  return toReferralSource(row);
}

/** For inquiries and admissions: a referral source of this organization, or a 422 on the field. */
export async function assertReferralSource(db: Kysely<DB>, organizationId: string, id: string) {
  const row = await findReferralSource(db, organizationId, id);
  if (!row)
    throw DomainError.invalid('referralSourceId', 'Choose a referral source from your organization’s list.');
  return row;
}
