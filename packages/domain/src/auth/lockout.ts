/** After this many wrong passwords or codes in a row, the account locks for a while. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export interface SignInFailureState {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: SignInFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: the count grows, and at the limit the account locks. */
export function afterFailedSignIn(state: SignInFailureState, now: Date): SignInFailureState {
  // A lock that has run out starts a fresh count rather than re-locking on the next slip.
  const base = state.lockedUntil && !isLocked(state, now) ? 0 : state.failedCount;
  const failedCount = base + 1;
  if (failedCount >= MAX_FAILED_SIGN_INS) {
    return { failedCount, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedCount, lockedUntil: isLocked(state, now) ? state.lockedUntil : null };
}
