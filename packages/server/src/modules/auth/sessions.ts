import { type Role, sessionLiveness } from '@trellis/domain';
import type { Kysely, Selectable } from 'kysely';
import type { StaffActor } from '../../context.js';
import type { DB, UserSessionTable } from '../../db/schema.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { recordAuditEvent } from '../audit/index.js';
import type { SignInPolicy } from '../organizations/index.js';
import { type SignInAccount, signInAccountOf } from '../users/index.js';
import { deleteSession, findSessionWithAccount, insertSession, updateSession } from './repo.js';

export type SessionRow = Selectable<UserSessionTable>;
export type SessionStatus = UserSessionTable['state'];

/** A second step (code or enrollment) must be finished within this many minutes. */
const PENDING_MINUTES = 10;
/** last_seen_at is written at most this often: idle timeout is exact to within it. */
const TOUCH_EVERY_MS = 30_000;

export async function startSession(
  db: Kysely<DB>,
  account: SignInAccount,
  policy: SignInPolicy,
  state: SessionStatus,
  now: Date,
  ip: string | null,
): Promise<{ token: string; session: SessionRow }> {
  const token = newSecretToken();
  const pending = state !== 'active';
  const session: SessionRow = {
    id: hashToken(token),
    organization_id: account.organizationId,
    user_id: account.id,
    state,
    csrf_token: newSecretToken(),
    pending_mfa_secret: null,
    idle_minutes: pending ? PENDING_MINUTES : policy.idleMinutes,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(
      now.getTime() + (pending ? PENDING_MINUTES * 60_000 : policy.absoluteHours * 3_600_000),
    ),
    ip,
  };
  await insertSession(db, session);
  return { token, session };
}

export interface ResolvedSession {
  session: SessionRow;
  account: SignInAccount;
  actor: StaffActor;
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'ended'; reason: 'idle_timeout' | 'absolute_timeout' | 'account_inactive' }
  | ({ kind: 'live' } & ResolvedSession);

/**
 * Finds the live session behind a cookie token. Ends sessions that ran out or whose account
 * was deactivated: a change of roles or status takes effect on the next request.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  now: Date,
  request: { ip: string | null; requestId: string },
): Promise<SessionLookup> {
  const row = await findSessionWithAccount(db, hashToken(token));
  if (!row) return { kind: 'none' };
  const {
    account_id,
    account_email,
    account_display_name,
    account_roles,
    account_active,
    account_password_hash,
    account_mfa_secret,
    account_failed_login_count,
    account_locked_until,
    account_mfa_last_time_step,
    ...session
  } = row;
  const liveness = sessionLiveness(
    { lastSeenAt: session.last_seen_at, expiresAt: session.expires_at, idleMinutes: session.idle_minutes },
    now,
  );
  const account =
    account_id === null
      ? null
      : signInAccountOf({
          id: account_id,
          organization_id: session.organization_id,
          email: account_email ?? '',
          display_name: account_display_name ?? '',
          roles: account_roles ?? [],
          active: account_active ?? false,
          password_hash: account_password_hash ?? '',
          mfa_secret: account_mfa_secret,
          failed_login_count: account_failed_login_count ?? 0,
          locked_until: account_locked_until,
          mfa_last_time_step: account_mfa_last_time_step,
        });
  if (liveness !== 'live' || !account?.active) {
    const reason = liveness !== 'live' ? liveness : 'account_inactive';
    await deleteSession(db, session.id);
    await recordAuditEvent(
      db,
      { actor: null, ip: request.ip, requestId: request.requestId, now },
      {
        action: 'auth.session_end',
        reason,
        organizationId: session.organization_id,
        actorUserId: session.user_id,
        actorLabel: account?.email ?? null,
      },
    );
    return { kind: 'ended', reason };
  }
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await updateSession(db, session.id, { last_seen_at: now });
  }
  return {
    kind: 'live',
    session,
    account,
    actor: {
      userId: account.id,
      organizationId: account.organizationId,
      roles: account.roles as Role[],
      label: account.email,
    },
  };
}
