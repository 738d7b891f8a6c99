import { afterFailedSignIn, type Role } from '@trellis/domain';
import type { Kysely, Selectable } from 'kysely';
import type { DB, SignInAccountView } from '../../db/schema.js';
import { findUser, findUserByEmail, setMfaSecret, setPasswordHash, setSignInState } from './repo.js';

/** What the sign-in flow needs to know of an account; the auth module never reads app_user. */
export interface SignInAccount {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  passwordHash: string;
  mfaSecret: string | null;
  failedCount: number;
  lockedUntil: Date | null;
  /** The time step of the last sign-in code accepted: codes of that step or earlier are refused. */
  mfaLastTimeStep: number | null;
}

/** The sign_in_account view's columns (migration 0015): app_user's sign-in fields. */
export type SignInAccountRow = Selectable<SignInAccountView>;

/**
 * An account from a row of the sign_in_account view, for a module that reads the view in a
 * query of its own (the session check joins it to the session in one statement).
 */
export function signInAccountOf(row: SignInAccountRow): SignInAccount {
  return toAccount(row);
}

function toAccount(row: SignInAccountRow): SignInAccount {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles as Role[],
    active: row.active,
    passwordHash: row.password_hash,
    mfaSecret: row.mfa_secret,
    failedCount: row.failed_login_count,
    lockedUntil: row.locked_until,
    mfaLastTimeStep: row.mfa_last_time_step,
  };
}

export async function findSignInAccount(db: Kysely<DB>, email: string): Promise<SignInAccount | null> {
  const row = await findUserByEmail(db, email);
  return row ? toAccount(row) : null;
}

export async function getSignInAccount(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<SignInAccount | null> {
  const row = await findUser(db, organizationId, id);
  return row ? toAccount(row) : null;
}

/** Counts a failure and returns whether the account is now locked. */
export async function noteFailedSignIn(db: Kysely<DB>, account: SignInAccount, now: Date) {
  const next = afterFailedSignIn({ failedCount: account.failedCount, lockedUntil: account.lockedUntil }, now);
  await setSignInState(db, account.id, {
    failed_login_count: next.failedCount,
    locked_until: next.lockedUntil,
  });
  return next;
}

/** A sign-in that passed; with the time step of the code it used, when a second factor did. */
export async function noteSuccessfulSignIn(
  db: Kysely<DB>,
  account: SignInAccount,
  now: Date,
  codeTimeStep?: number,
) {
  await setSignInState(db, account.id, {
    failed_login_count: 0,
    locked_until: null,
    last_login_at: now,
    ...(codeTimeStep === undefined ? {} : { mfa_last_time_step: codeTimeStep }),
  });
}

export async function enableMfa(db: Kysely<DB>, account: SignInAccount, secret: string, now: Date) {
  await setMfaSecret(db, account.id, secret, now);
}

/** A new password, already hashed by the caller (the auth module checked the old one). */
export async function changeAccountPassword(
  db: Kysely<DB>,
  account: SignInAccount,
  passwordHash: string,
  now: Date,
) {
  await setPasswordHash(db, account.id, passwordHash, now);
}

/** A password set through an administrator's link also lifts a lockout: the person proved who they are. */
export async function clearSignInFailures(db: Kysely<DB>, account: SignInAccount) {
  await setSignInState(db, account.id, { failed_login_count: 0, locked_until: null });
}
