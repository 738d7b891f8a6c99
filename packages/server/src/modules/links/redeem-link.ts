import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { hashToken } from '../../security/tokens.js';
import { recordAuditEvent } from '../audit/index.js';
import { findLinkByTokenHash, useLink } from './repo.js';
import type { LinkRow } from './tables.js';
import { type LinkUse, toLinkUse } from './to-api.js';

/** Where the request came from, for the audit of a redeem; no one is signed in. */
export type LinkRequestContext = Pick<RequestContext, 'now' | 'ip' | 'requestId'>;

const NOT_VALID = () =>
  new DomainError(
    'not_found',
    'This link is not valid. Check that you opened the whole link from your message, or ask your care team for a new one.',
  );

/** Why a link cannot be used now, in words for the person holding it; null when it can. */
function refusal(row: LinkRow | undefined, purpose: api.LinkPurpose, now: Date): DomainError | null {
  // A link of another purpose is "not valid" here: do not confirm that the token exists.
  if (!row || row.purpose !== purpose) return NOT_VALID();
  if (row.revoked_at) {
    return new DomainError(
      'invalid_state',
      'This link was withdrawn by your care team. Ask them for a new one if you still need it.',
    );
  }
  if (row.use_count >= row.max_uses) {
    return new DomainError(
      'conflict',
      'This link has already been used. If you need to do this again, ask your care team for a new link.',
    );
  }
  if (row.expires_at.getTime() <= now.getTime()) {
    return new DomainError(
      'invalid_state',
      'This link has expired. Please ask your care team for a new one.',
    );
  }
  return null;
}

/** Checks a link without using it: to show the form before the person submits it. */
export async function peekLink(
  db: Kysely<DB>,
  token: string,
  purpose: api.LinkPurpose,
  now: Date,
): Promise<LinkUse> {
  const row = await findLinkByTokenHash(db, hashToken(token));
  const problem = refusal(row, purpose, now);
  if (problem || !row) throw problem ?? NOT_VALID();
  return toLinkUse(row);
}

/**
 * Uses a link (once, for a single-use link) and audits the use in the same transaction.
 * Call it in the transaction that saves what the link was for, so that a failed save leaves
 * the link unused.
 */
export async function redeemLink(
  db: Kysely<DB>,
  token: string,
  purpose: api.LinkPurpose,
  ctx: LinkRequestContext,
): Promise<LinkUse> {
  const tokenHash = hashToken(token);
  const row = await useLink(db, tokenHash, purpose, ctx.now);
  if (!row) {
    const current = await findLinkByTokenHash(db, tokenHash);
    throw refusal(current, purpose, ctx.now) ?? NOT_VALID();
  }
  await recordAuditEvent(
    db,
    { actor: null, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now },
    {
      action: 'link.redeem',
      organizationId: row.organization_id,
      actorLabel: 'one-time link',
      resourceType: 'one_time_link',
      resourceId: row.id,
      ...(row.patient_id ? { patientId: row.patient_id } : {}),
      details: {
        purpose: row.purpose,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        use: row.use_count,
      },
    },
  );
  return toLinkUse(row);
}
