import type { api } from '@trellis/domain';
import { DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { getSignInPolicy, organizationTimeZone } from '../organizations/index.js';
import { getSignInAccount, type SignInAccount } from '../users/index.js';
import type { SessionRow } from './sessions.js';

const STATUS: Record<SessionRow['state'], api.SessionState['status']> = {
  active: 'signed_in',
  mfa_required: 'mfa_required',
  mfa_enrollment_required: 'mfa_enrollment_required',
};

/** What the web app is told about a session; the user is named only once fully signed in. */
export async function describeSession(
  db: Kysely<DB>,
  session: SessionRow,
  account: SignInAccount,
): Promise<api.SessionState> {
  const policy = await getSignInPolicy(db, account.organizationId);
  const signedIn = session.state === 'active';
  const timeZone = signedIn ? await organizationTimeZone(db, account.organizationId) : 'UTC';
  return {
    status: STATUS[session.state],
    csrfToken: session.csrf_token,
    idleTimeoutMinutes: session.idle_minutes,
    user: signedIn
      ? {
          id: account.id,
          organizationId: account.organizationId,
          organizationName: policy.name,
          email: account.email,
          displayName: account.displayName,
          roles: account.roles,
          mfaEnabled: account.mfaSecret !== null,
          timeZone,
        }
      : null,
  };
}

export async function describeSessionOf(db: Kysely<DB>, session: SessionRow): Promise<api.SessionState> {
  const account = await getSignInAccount(db, session.organization_id, session.user_id);
  if (!account) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return describeSession(db, session, account);
}
