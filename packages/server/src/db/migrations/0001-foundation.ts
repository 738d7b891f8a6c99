import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organization (
      id uuid primary key,
      name text not null,
      mfa_required_roles text[] not null default '{}',
      session_idle_minutes integer not null default 15 check (session_idle_minutes between 5 and 60),
      session_absolute_hours integer not null default 12 check (session_absolute_hours between 1 and 24),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );

    create table location (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      name text not null,
      time_zone text not null,
      address_line text, city text, region text, postal_code text, phone text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, name)
    );

    create table room (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      location_id uuid not null references location(id),
      name text not null,
      capacity integer not null check (capacity > 0),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (location_id, name)
    );
    create index room_org_idx on room (organization_id, location_id);

    create table app_user (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      email text not null,
      display_name text not null,
      roles text[] not null,
      credentials text,
      password_hash text not null,
      mfa_secret text,
      mfa_enabled_at timestamptz,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    -- Sign-in is by email alone, so an email names one account across the installation.
    create unique index app_user_email_key on app_user (lower(email));
    create index app_user_org_idx on app_user (organization_id, display_name);

    create table user_session (
      id text primary key,
      organization_id uuid not null references organization(id),
      user_id uuid not null references app_user(id),
      state text not null check (state in ('active', 'mfa_required', 'mfa_enrollment_required')),
      csrf_token text not null,
      pending_mfa_secret text,
      idle_minutes integer not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text
    );
    create index user_session_user_idx on user_session (user_id);
    create index user_session_expiry_idx on user_session (expires_at);

    create table audit_event (
      seq bigint generated always as identity primary key,
      id uuid not null unique,
      chain_key text not null,
      organization_id uuid,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      actor_label text,
      action text not null,
      outcome text not null check (outcome in ('success', 'denied', 'failure')),
      resource_type text,
      resource_id text,
      patient_id uuid,
      ip text,
      request_id text,
      reason text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_event_chain_idx on audit_event (chain_key, seq desc);
    create index audit_event_org_time_idx on audit_event (organization_id, occurred_at desc);
    create index audit_event_actor_idx on audit_event (organization_id, actor_user_id, seq desc);
    create index audit_event_patient_idx on audit_event (organization_id, patient_id, seq desc)
      where patient_id is not null;

    -- Append-only: no role the application uses may change or remove an event.
    create function audit_event_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger audit_event_no_update_or_delete
      before update or delete on audit_event
      for each row execute function audit_event_is_append_only();
    create trigger audit_event_no_truncate
      before truncate on audit_event
      for each statement execute function audit_event_is_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: clinical data is never dropped.');
}
