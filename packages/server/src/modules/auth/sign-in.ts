import { type api, isLocked } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { verifyAgainstDecoy, verifyPassword } from '../../security/passwords.js';
import { recordAuditEvent } from '../audit/index.js';
import { getSignInPolicy } from '../organizations/index.js';
import { findSignInAccount, noteFailedSignIn, noteSuccessfulSignIn } from '../users/index.js';
import { type SessionRow, type SessionStatus, startSession } from './sessions.js';

export type SignInResult = { ok: true; token: string; session: SessionRow } | { ok: false };

/**
 * Checks the password and opens a session, full or waiting for the second factor. Every
 * failure looks the same to the caller, whatever its cause, and every attempt is audited.
 */
export async function signIn(
  db: Kysely<DB>,
  ctx: RequestContext,
  credentials: z.output<typeof api.LoginRequest>,
): Promise<SignInResult> {
  const account = await findSignInAccount(db, credentials.email);
  const fail = async (reason: string) => {
    await recordAuditEvent(db, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      reason,
      organizationId: account?.organizationId ?? null,
      actorUserId: account?.id ?? null,
      actorLabel: credentials.email.slice(0, 254),
    });
    return { ok: false } as const;
  };

  if (!account) {
    await verifyAgainstDecoy(credentials.password);
    return fail('unknown account');
  }
  const passwordOk = await verifyPassword(account.passwordHash, credentials.password);
  if (isLocked({ failedCount: account.failedCount, lockedUntil: account.lockedUntil }, ctx.now)) {
    return fail('account locked');
  }
  if (!account.active) return fail('account deactivated');
  if (!passwordOk) {
    const next = await noteFailedSignIn(db, account, ctx.now);
    return fail(next.lockedUntil ? 'wrong password; account now locked' : 'wrong password');
  }

  const policy = await getSignInPolicy(db, account.organizationId);
  const state: SessionStatus = account.mfaSecret
    ? 'mfa_required'
    : account.roles.some((role) => policy.mfaRequiredRoles.includes(role as never))
      ? 'mfa_enrollment_required'
      : 'active';
  if (state === 'active') await noteSuccessfulSignIn(db, account, ctx.now);
  const { token, session } = await startSession(db, account, policy, state, ctx.now, ctx.ip);
  await recordAuditEvent(db, ctx, {
    action: state === 'active' ? 'auth.login' : 'auth.password_accepted',
    organizationId: account.organizationId,
    actorUserId: account.id,
    actorLabel: account.email,
    details: { next: state },
  });
  return { ok: true, token, session };
}
