import { DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newTotpSecret, totpUri, verifyTotp } from '../../security/totp.js';
import { recordAuditEvent } from '../audit/index.js';
import { getSignInPolicy } from '../organizations/index.js';
import { enableMfa, noteFailedSignIn, noteSuccessfulSignIn } from '../users/index.js';
import { deleteSession, updateSession } from './repo.js';
import type { ResolvedSession, SessionRow } from './sessions.js';
import { startSession } from './sessions.js';

/** A fresh secret for the authenticator app, held on the session until a code confirms it. */
export async function beginMfaEnrollment(db: Kysely<DB>, ctx: RequestContext, resolved: ResolvedSession) {
  if (resolved.session.state === 'mfa_required') {
    throw new DomainError(
      'invalid_state',
      'Enter the code from your authenticator app to finish signing in.',
    );
  }
  if (resolved.session.state === 'active' && resolved.account.mfaSecret) {
    throw new DomainError(
      'invalid_state',
      'Two-step sign-in is already set up. Ask an administrator to reset it if you changed phones.',
    );
  }
  const secret = newTotpSecret();
  await updateSession(db, resolved.session.id, { pending_mfa_secret: secret });
  await recordAuditEvent(db, ctx, {
    action: 'auth.mfa_enrollment_started',
    organizationId: resolved.account.organizationId,
    actorUserId: resolved.account.id,
    actorLabel: resolved.account.email,
  });
  return { secret, otpauthUri: totpUri(secret, resolved.account.email) };
}

export type SecondFactorResult =
  | { ok: true; token: string; session: SessionRow }
  | { ok: false; locked: boolean };

/**
 * Checks a code: finishes a sign-in waiting for it, or confirms a new enrollment. A finished
 * sign-in gets a new session id, so a token seen before the second factor is worth nothing.
 */
export async function verifySecondFactor(
  db: Kysely<DB>,
  ctx: RequestContext,
  resolved: ResolvedSession,
  code: string,
): Promise<SecondFactorResult> {
  const { session, account } = resolved;
  const enrolling = session.state === 'mfa_enrollment_required' || session.state === 'active';
  const secret = enrolling ? session.pending_mfa_secret : account.mfaSecret;
  if (!secret) {
    throw new DomainError('invalid_state', 'Start setting up two-step sign-in first.');
  }
  const who = { organizationId: account.organizationId, actorUserId: account.id, actorLabel: account.email };
  // A new secret has no codes used yet; a known one takes only codes after the last accepted.
  const timeStep = await verifyTotp(secret, code, ctx.now, enrolling ? null : account.mfaLastTimeStep);
  if (timeStep === null) {
    const next = await noteFailedSignIn(db, account, ctx.now);
    const locked = next.lockedUntil !== null;
    if (locked && session.state !== 'active') await deleteSession(db, session.id);
    await recordAuditEvent(db, ctx, {
      action: 'auth.mfa',
      outcome: 'failure',
      reason: locked ? 'wrong code; account now locked' : 'wrong code',
      ...who,
    });
    return { ok: false, locked };
  }
  if (enrolling) await enableMfa(db, account, secret, ctx.now);
  await noteSuccessfulSignIn(db, account, ctx.now, timeStep);
  await recordAuditEvent(db, ctx, { action: enrolling ? 'auth.mfa_enrolled' : 'auth.mfa', ...who });
  if (session.state === 'active') {
    await updateSession(db, session.id, { pending_mfa_secret: null });
    return { ok: true, token: '', session: { ...session, pending_mfa_secret: null } };
  }
  await deleteSession(db, session.id);
  const policy = await getSignInPolicy(db, account.organizationId);
  const started = await startSession(
    db,
    { ...account, mfaSecret: secret },
    policy,
    'active',
    ctx.now,
    ctx.ip,
  );
  await recordAuditEvent(db, ctx, { action: 'auth.login', ...who, details: { mfa: true } });
  return { ok: true, ...started };
}

export async function signOut(db: Kysely<DB>, ctx: RequestContext, resolved: ResolvedSession) {
  await deleteSession(db, resolved.session.id);
  await recordAuditEvent(db, ctx, {
    action: 'auth.logout',
    organizationId: resolved.account.organizationId,
    actorUserId: resolved.account.id,
    actorLabel: resolved.account.email,
  });
}
