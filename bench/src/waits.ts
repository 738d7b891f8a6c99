import type { DirectDb } from './direct.js';

export interface WaitProfile {
  samples: number;
  /** Average number of the server's backends running a statement. */
  active: number;
  /** Average number waiting for an advisory lock (the audit chain's per-organization lock). */
  advisoryLock: number;
  /** Average number waiting for any other lock. */
  otherLock: number;
  /** Average number waiting for I/O (WAL flush at commit, reads). */
  io: number;
  /** Average number idle inside a transaction: waiting for the server's next statement. */
  idleInTransaction: number;
}

/**
 * Samples pg_stat_activity every 50 ms while a scenario runs (PostgreSQL): what the server's
 * connections are doing. Backends waiting on an advisory lock are queued behind another
 * request's audit event; ones waiting on I/O are mostly flushing the WAL at commit.
 */
export class WaitSampler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private counts = { samples: 0, active: 0, advisoryLock: 0, otherLock: 0, io: 0, idleInTransaction: 0 };

  constructor(private readonly direct: DirectDb) {}

  start() {
    this.counts = { samples: 0, active: 0, advisoryLock: 0, otherLock: 0, io: 0, idleInTransaction: 0 };
    this.timer = setInterval(() => void this.sample(), 50);
  }

  private async sample() {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = await this.direct.rows<{
        state: string | null;
        wait_event_type: string | null;
        wait_event: string | null;
      }>(
        `select state, wait_event_type, wait_event from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
           and state is distinct from 'idle'`,
      );
      this.counts.samples++;
      for (const r of rows) {
        if (r.state === 'active') this.counts.active++;
        if (r.state === 'idle in transaction') this.counts.idleInTransaction++;
        if (r.wait_event_type === 'Lock' && r.wait_event === 'advisory') this.counts.advisoryLock++;
        else if (r.wait_event_type === 'Lock') this.counts.otherLock++;
        else if (r.wait_event_type === 'IO') this.counts.io++;
      }
    } catch {
      // a sample lost is no loss
    } finally {
      this.busy = false;
    }
  }

  stop(): WaitProfile {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const n = Math.max(1, this.counts.samples);
    const avg = (v: number) => Math.round((v / n) * 100) / 100;
    return {
      samples: this.counts.samples,
      active: avg(this.counts.active),
      advisoryLock: avg(this.counts.advisoryLock),
      otherLock: avg(this.counts.otherLock),
      io: avg(this.counts.io),
      idleInTransaction: avg(this.counts.idleInTransaction),
    };
  }
}
