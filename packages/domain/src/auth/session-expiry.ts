export interface SessionTimes {
  lastSeenAt: Date;
  /** The absolute end, set at sign-in (a working day by default). */
  expiresAt: Date;
  idleMinutes: number;
}

export type SessionLiveness = 'live' | 'idle_timeout' | 'absolute_timeout';

/** HIPAA automatic logoff: a session ends after its idle minutes, and at its absolute end. */
export function sessionLiveness(times: SessionTimes, now: Date): SessionLiveness {
  if (now.getTime() >= times.expiresAt.getTime()) return 'absolute_timeout';
  if (now.getTime() - times.lastSeenAt.getTime() >= times.idleMinutes * 60_000) {
    return 'idle_timeout';
  }
  return 'live';
}
