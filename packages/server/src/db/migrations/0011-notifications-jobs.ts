import { type Kysely, sql } from 'kysely';

/**
 * Outbound messages through an outbox, and background jobs. Both are claimed with
 * `select … for update skip locked`, which PostgreSQL and PGlite both accept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Written in the same transaction as whatever causes the message; sent later by the runner.
    create table outbox_message (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      -- One message per reminder: occurrence key + participant + kind. A second insert is a no-op.
      idempotency_key text not null,
      kind text not null,
      patient_id uuid,
      channel text,
      subject text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'undeliverable')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      locked_until timestamptz,
      sent_at timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, idempotency_key)
    );
    create index outbox_message_due_idx on outbox_message (next_attempt_at) where status in ('pending', 'sending');

    -- The development channel: what would have been sent, recorded instead of sent.
    create table dev_message (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      idempotency_key text not null,
      channel text not null,
      address text not null,
      subject text not null,
      body text not null,
      sent_at timestamptz not null,
      unique (organization_id, idempotency_key)
    );

    -- Background work, due at run_at; a recurring job schedules its next run when it finishes.
    create table job (
      id uuid primary key,
      organization_id uuid references organization(id),
      kind text not null,
      unique_key text unique,
      payload jsonb not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
      run_at timestamptz not null,
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index job_due_idx on job (run_at) where status in ('pending', 'running');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The outbox and job history are kept: they record what was sent.');
}
