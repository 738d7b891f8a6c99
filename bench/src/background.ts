import type { DirectDb } from './direct.js';

const REMINDER_SCAN = 'reminders.scan';

async function hasJobTable(direct: DirectDb): Promise<boolean> {
  const rows = await direct.rows<{ present: boolean }>(`select to_regclass('job') is not null as present`);
  return rows[0]?.present === true;
}

/**
 * Keeps the server's recurring reminder scan from starting while scenarios are timed: its job is
 * moved a day ahead (or queued a day ahead if none is queued; the runner then finds its unique
 * key taken and queues no other). The scan is measured on its own instead (measureReminderScan).
 * Returns whether the server has a job table at all.
 */
export async function holdReminderScan(direct: DirectDb): Promise<boolean> {
  if (!(await hasJobTable(direct))) return false;
  await direct.query(
    `update job set run_at = now() + interval '1 day', locked_until = null, status = 'pending', updated_at = now()
     where unique_key = $1 and status in ('pending', 'running')`,
    [REMINDER_SCAN],
  );
  await direct.query(
    `insert into job (id, organization_id, kind, unique_key, payload, run_at, created_at, updated_at)
     values (gen_random_uuid(), null, $1, $1, '{}', now() + interval '1 day', now(), now())
     on conflict (unique_key) do nothing`,
    [REMINDER_SCAN],
  );
  // The reminders an earlier run's scan measurement queued would be delivered (one transaction
  // each) while this run's scenarios are timed: they are set aside, undelivered.
  await direct.query(
    `update outbox_message set status = 'undeliverable', updated_at = now() where status in ('pending', 'sending')`,
    [],
  );
  return true;
}

export interface ScanMeasurement {
  seconds: number;
  statements: number;
  messagesQueued: number;
}

/** Lets the reminder scan run now and waits for it: how long it takes and what it writes. */
export async function measureReminderScan(
  direct: DirectDb,
  statements: () => number,
  timeoutMs = 150_000,
): Promise<ScanMeasurement | null> {
  if (!(await hasJobTable(direct))) return null;
  const before = await direct.rows<{ n: number }>('select count(*)::int as n from outbox_message');
  const jobs = await direct.rows<{ id: string }>(
    `update job set run_at = now(), updated_at = now() where unique_key = $1 and status = 'pending' returning id`,
    [REMINDER_SCAN],
  );
  const id = jobs[0]?.id;
  if (!id) return null;
  const deadline = Date.now() + timeoutMs;
  let startedAt = 0;
  let startCount = 0;
  for (;;) {
    const rows = await direct.rows<{ status: string }>('select status from job where id = $1', [id]);
    const status = rows[0]?.status;
    if (status === 'running' && startedAt === 0) {
      startedAt = performance.now();
      startCount = statements();
    }
    if (status === 'done' || status === 'failed') break;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (startedAt === 0) {
    startedAt = performance.now();
    startCount = statements();
  }
  const after = await direct.rows<{ n: number }>('select count(*)::int as n from outbox_message');
  return {
    seconds: Math.round((performance.now() - startedAt) / 10) / 100,
    statements: statements() - startCount,
    messagesQueued: (after[0]?.n ?? 0) - (before[0]?.n ?? 0),
  };
}
