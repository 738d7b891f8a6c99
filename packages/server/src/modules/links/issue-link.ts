import { api, DomainError, type SubjectRef } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { recordAuditEvent } from '../audit/index.js';
import { insertLink as insertLinkRow } from './repo.js';
import { type LinkUse, toLinkUse } from './to-api.js';

export interface IssueLinkInput {
  purpose: api.LinkPurpose;
  subject: SubjectRef;
  patientId: string | null;
  expiresAt: Date;
  /** For join links that several sessions reuse; every other purpose is single use. */
  maxUses?: number;
  /** Needed when no one is signed in. */
  organizationId?: string;
}

export interface IssuedLink {
  /** The secret: put it in the message to the person, then forget it. It is stored only hashed. */
  token: string;
  /** The web app's page for this link, e.g. /self-report/<token>. */
  path: string;
  link: LinkUse;
}

/**
 * Issues a one-time link: 256 random bits, URL-safe. The caller delivers the token (by
 * message or on screen); the database keeps only its SHA-256, so a copy of it opens nothing.
 */
export async function issueLink(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: IssueLinkInput,
): Promise<IssuedLink> {
  const orgId = ctx.actor?.organizationId ?? input.organizationId;
  if (!orgId)
    throw new Error('A link is issued for an organization: pass organizationId when no one is signed in.');
  const { maxLifetimeHours } = api.LINK_PURPOSES[input.purpose];
  const lifetime = input.expiresAt.getTime() - ctx.now.getTime();
  if (lifetime <= 0) throw DomainError.invalid('expiresAt', 'A link must expire in the future.');
  if (lifetime > maxLifetimeHours * 3_600_000) {
    throw DomainError.invalid(
      'expiresAt',
      `A link for this purpose lives at most ${maxLifetimeHours / 24} days. Choose an earlier expiry.`,
    );
  }
  const maxUses = input.maxUses ?? 1;
  if (maxUses !== 1 && input.purpose !== 'virtual_join') {
    throw DomainError.invalid('maxUses', 'Only a join link may be used more than once.');
  }
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 1000) {
    throw DomainError.invalid('maxUses', 'Use a whole number from 1 to 1000.');
  }
  const token = newSecretToken();
  const row = await insertLinkRow(db, {
    id: newId(),
    organization_id: orgId,
    token_hash: hashToken(token),
    purpose: input.purpose,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    patient_id: input.patientId,
    expires_at: input.expiresAt,
    max_uses: maxUses,
    created_by: ctx.actor?.userId ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'link.issue',
    organizationId: orgId,
    resourceType: 'one_time_link',
    resourceId: row.id,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
    details: { purpose: row.purpose, subjectType: row.subject_type, subjectId: row.subject_id, maxUses },
  });
  return { token, path: api.linkPath(input.purpose, token), link: toLinkUse(row) };
}
