import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, isLocked, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from './lockout.js';
import { sessionLiveness } from './session-expiry.js';

const t0 = new Date('2026-11-30T15:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('sign-in lockout', () => {
  it(`locks on the ${MAX_FAILED_SIGN_INS}th failure in a row, for ${LOCKOUT_MINUTES} minutes`, () => {
    let state = { failedCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      state = afterFailedSignIn(state, t0);
      expect(isLocked(state, t0)).toBe(false);
    }
    state = afterFailedSignIn(state, t0);
    expect(isLocked(state, t0)).toBe(true);
    expect(isLocked(state, minutes(LOCKOUT_MINUTES - 1))).toBe(true);
    expect(isLocked(state, minutes(LOCKOUT_MINUTES))).toBe(false);
  });

  it('starts a fresh count after a lock has run out', () => {
    const expired = { failedCount: MAX_FAILED_SIGN_INS, lockedUntil: minutes(-1) };
    const next = afterFailedSignIn(expired, t0);
    expect(next.failedCount).toBe(1);
    expect(isLocked(next, t0)).toBe(false);
  });
});

describe('session liveness', () => {
  const times = { lastSeenAt: t0, expiresAt: minutes(12 * 60), idleMinutes: 15 };
  it('is live inside the idle window and ends at it', () => {
    expect(sessionLiveness(times, minutes(14))).toBe('live');
    expect(sessionLiveness(times, minutes(15))).toBe('idle_timeout');
  });
  it('ends after the absolute limit even when active', () => {
    expect(sessionLiveness({ ...times, lastSeenAt: minutes(12 * 60 - 1) }, minutes(12 * 60))).toBe(
      'absolute_timeout',
    );
  });
});
