import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAuditEvent } from '../audit/index.js';
import { issueLink, type LinkRequestContext, peekLink, redeemLink, revokeLinksFor } from '../links/index.js';
import { changeAccountPassword, clearSignInFailures, getSignInAccount } from '../users/index.js';
import { deleteSessionsOfUser } from './repo.js';

/** How long a link to set a new password works. */
const PASSWORD_LINK_HOURS = 72;

/**
 * An administrator gives a person who forgot their password a one-time link to set a new one
 * (shown once, to hand over in person or by phone). An earlier unused link of theirs stops
 * working. The administrator never learns the new password.
 */
export async function issuePasswordLink(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  userId: string,
): Promise<api.PasswordLinkOutput> {
  const orgId = ctx.actor.organizationId;
  const account = await getSignInAccount(db, orgId, userId);
  if (!account) throw DomainError.notFound('user');
  if (!account.active) {
    throw new DomainError(
      'invalid_state',
      'This account is deactivated. Reactivate it first, then make a password link.',
    );
  }
  const subject = { type: 'user', id: userId };
  await revokeLinksFor(db, ctx, subject, { purpose: 'password_reset' });
  const expiresAt = new Date(ctx.now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  const issued = await issueLink(db, ctx, { purpose: 'password_reset', subject, patientId: null, expiresAt });
  await recordAuditEvent(db, ctx, {
    action: 'user.password_link',
    resourceType: 'user',
    resourceId: userId,
    details: { linkId: issued.link.id, expiresAt: expiresAt.toISOString() },
  });
  return { token: issued.token, path: issued.path, expiresAt: expiresAt.toISOString() };
}

async function accountOfLink(db: Kysely<DB>, use: { organizationId: string; subject: { id: string } }) {
  const account = await getSignInAccount(db, use.organizationId, use.subject.id);
  if (!account?.active) {
    throw new DomainError('invalid_state', 'This account can no longer sign in. Ask your administrator.');
  }
  return account;
}

/** Whose password the link sets (name and email), without using the link. */
export async function openPasswordLink(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
): Promise<api.PasswordLinkInfoOutput> {
  const use = await peekLink(db, token, 'password_reset', ctx.now);
  const account = await accountOfLink(db, use);
  return { displayName: account.displayName, email: account.email, expiresAt: use.expiresAt.toISOString() };
}

/**
 * Sets the new password and uses up the link, in one transaction. Every session of the person
 * ends (whoever was signed in as them is out) and a lockout is lifted.
 */
export async function setPasswordByLink(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
  input: z.output<typeof api.SetPasswordRequest>,
): Promise<void> {
  const use = await redeemLink(db, token, 'password_reset', ctx);
  const account = await accountOfLink(db, use);
  await changeAccountPassword(db, account, await hashPassword(input.newPassword), ctx.now);
  await clearSignInFailures(db, account);
  await deleteSessionsOfUser(db, account.id);
  await recordAuditEvent(
    db,
    { actor: null, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now },
    {
      action: 'auth.password_reset',
      organizationId: account.organizationId,
      actorUserId: account.id,
      actorLabel: account.email,
      details: { linkId: use.id },
    },
  );
}
