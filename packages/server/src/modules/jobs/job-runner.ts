import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { type Channel, type DeliveryResult, DevChannel, deliverDueMessages } from '../notifications/index.js';
import { DEFAULT_REMINDER_LEAD_MINUTES, scheduleSessionReminders } from '../scheduling/index.js';
import { claimDueJobs, insertJob, updateJob } from './repo.js';
import type { JobRow } from './tables.js';

/** What a job does; it may say when its kind should run next (a recurring job). */
export type JobHandler = (
  db: Kysely<DB>,
  job: JobRow,
  now: Date,
) => Promise<{ nextRunAt?: Date } | undefined>;

export interface RunnerOptions {
  /** Where messages go; the development channel unless a provider is plugged in. */
  channel?: Channel;
  /** How long before a session its reminder goes out. */
  reminderLeadMinutes?: number;
  /** How often reminders are looked for. */
  reminderScanMinutes?: number;
  /** How often the runner wakes up when started (not used by runOnce). */
  pollMs?: number;
  /** Extra handlers by job kind. */
  handlers?: Record<string, JobHandler>;
}

export interface RunReport {
  jobs: { id: string; kind: string; outcome: 'done' | 'retry' | 'failed' }[];
  messages: DeliveryResult;
}

const JOB_LEASE_MS = 10 * 60_000;
export const REMINDER_SCAN = 'reminders.scan';

/**
 * A small background runner over two tables, job and outbox_message, for PostgreSQL and PGlite
 * alike: rows are claimed with `for update skip locked` (on PGlite, one connection, the same
 * query simply finds nothing locked), so any number of runners and processes can poll at once.
 * State lives only in the database: a runner stopped half-way leaves leases that run out, and
 * the work is picked up again; messages carry idempotency keys, so nothing is sent twice.
 */
export class JobRunner {
  private readonly channel: Channel;
  private readonly handlers: Record<string, JobHandler>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly options: RunnerOptions = {},
  ) {
    this.channel = options.channel ?? new DevChannel(db);
    const scanEvery = (options.reminderScanMinutes ?? 5) * 60_000;
    this.handlers = {
      [REMINDER_SCAN]: async (db, _job, now) => {
        await scheduleSessionReminders(db, now, {
          leadMinutes: options.reminderLeadMinutes ?? DEFAULT_REMINDER_LEAD_MINUTES,
        });
        return { nextRunAt: new Date(now.getTime() + scanEvery) };
      },
      ...options.handlers,
    };
  }

  /** Makes sure the recurring reminder scan is queued (once, whatever the number of runners). */
  async ensureRecurringJobs(now: Date): Promise<void> {
    await insertJob(this.db, {
      id: newId(),
      organization_id: null,
      kind: REMINDER_SCAN,
      unique_key: REMINDER_SCAN,
      payload: '{}',
      run_at: now,
      created_at: now,
      updated_at: now,
    });
  }

  /** One pass: every due job, then every due message. Tests call this with their own clock. */
  async runOnce(now: Date): Promise<RunReport> {
    await this.ensureRecurringJobs(now);
    const jobs: RunReport['jobs'] = [];
    const claimed = await this.db
      .transaction()
      .execute((trx) => claimDueJobs(trx, now, 20, new Date(now.getTime() + JOB_LEASE_MS)));
    for (const job of claimed)
      jobs.push({ id: job.id, kind: job.kind, outcome: await this.runJob(job, now) });
    const messages = await deliverDueMessages(this.db, this.channel, now);
    return { jobs, messages };
  }

  private async runJob(job: JobRow, now: Date): Promise<'done' | 'retry' | 'failed'> {
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(this.db, job, now);
      await this.db.transaction().execute(async (trx) => {
        // Free the unique key first, so the next run of a recurring job can take it.
        await updateJob(trx, job.id, {
          status: 'done',
          unique_key: null,
          locked_until: null,
          updated_at: now,
        });
        if (result?.nextRunAt) {
          await insertJob(trx, {
            id: newId(),
            organization_id: job.organization_id,
            kind: job.kind,
            unique_key: job.unique_key,
            payload: JSON.stringify(job.payload),
            run_at: result.nextRunAt,
            created_at: now,
            updated_at: now,
          });
        }
      });
      return 'done';
    } catch (error) {
      const final = job.attempts >= job.max_attempts;
      await updateJob(this.db, job.id, {
        status: final ? 'failed' : 'pending',
        // A failed recurring job lets go of its key, so the next start queues a fresh one.
        ...(final ? { unique_key: null } : {}),
        locked_until: null,
        run_at: new Date(now.getTime() + 60_000 * 2 ** job.attempts),
        last_error: error instanceof Error ? error.message.slice(0, 500) : 'error',
        updated_at: now,
      });
      return final ? 'failed' : 'retry';
    }
  }

  /** Polls until stopped. Errors of one pass are logged by kind and the next pass goes on. */
  start(onError: (error: unknown) => void = () => {}): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce(this.clock.now())
        .catch(onError)
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 15_000);
        });
    };
    tick();
  }

  /** Stops polling and waits for the pass in progress, so the database can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** Starts the runner for a server process; returns it so the caller can stop it on shutdown. */
export function startJobRunner(
  db: Kysely<DB>,
  clock: Clock,
  onError: (error: unknown) => void = () => {},
  options: RunnerOptions = {},
): JobRunner {
  const runner = new JobRunner(db, clock, options);
  runner.start(onError);
  return runner;
}
