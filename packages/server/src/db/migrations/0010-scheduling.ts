import { type Kysely, sql } from 'kysely';

/**
 * Scheduling. A group series is stored as its definition; occurrences are expanded on read
 * (domain: expandAllSeries) and are not stored, except that an occurrence something is recorded
 * against (attendance, a note) gets a row in series_occurrence on first use, keyed by its stable
 * key (series id + original date). See docs/decisions/0020-scheduling-occurrences.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table group_series (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      track_id uuid not null references track(id),
      location_id uuid not null references location(id),
      title text not null,
      kind text not null,
      weekdays smallint[] not null,
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      duration_minutes integer not null check (duration_minutes between 15 and 1440),
      start_date date not null,
      end_date date check (end_date is null or end_date >= start_date - 1),
      room_id uuid references room(id),
      facilitator_ids uuid[] not null,
      capacity integer not null check (capacity between 1 and 500),
      curriculum jsonb not null default '[]',
      curriculum_start_module integer not null default 0,
      previous_series_id uuid references group_series(id),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index group_series_location_idx on group_series (organization_id, location_id);
    create index group_series_track_idx on group_series (organization_id, track_id);

    -- Cancel, move or substitute one occurrence, keyed by its original date. A later exception of
    -- the same kind replaces the earlier one (domain rule), so one row per kind and date.
    create table series_exception (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      series_id uuid not null references group_series(id),
      original_date date not null,
      kind text not null check (kind in ('cancel', 'move', 'substitute')),
      detail jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index series_exception_key on series_exception (series_id, original_date, kind);
    create index series_exception_series_idx on series_exception (organization_id, series_id);

    create table location_closure (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      location_id uuid not null references location(id),
      closed_on date not null,
      reason text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (location_id, closed_on)
    );
    create index location_closure_org_idx on location_closure (organization_id, location_id, closed_on);

    -- An occurrence made concrete because something is recorded against it (attendance, notes).
    create table series_occurrence (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      series_id uuid not null references group_series(id),
      original_date date not null,
      occurrence_key text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, occurrence_key)
    );
    create index series_occurrence_series_idx on series_occurrence (organization_id, series_id, original_date);

    -- A participant in a track's groups, from the start date, on their own weekdays (null: all).
    create table enrollment (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      episode_id uuid not null references episode(id),
      patient_id uuid not null references patient(id),
      track_id uuid not null references track(id),
      start_date date not null,
      end_date date check (end_date is null or end_date >= start_date - 1),
      weekdays smallint[],
      below_minimum_reason text,
      availability jsonb,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index enrollment_episode_key on enrollment (organization_id, episode_id);
    create index enrollment_track_idx on enrollment (organization_id, track_id, start_date);
    create index enrollment_patient_idx on enrollment (organization_id, patient_id);

    create table appointment (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      location_id uuid not null references location(id),
      kind text not null check (kind in ('individual', 'family', 'assessment', 'medication_management')),
      status text not null default 'scheduled'
        check (status in ('scheduled', 'completed', 'cancelled', 'no_show')),
      clinician_id uuid not null references app_user(id),
      participant_ids uuid[] not null check (cardinality(participant_ids) >= 1),
      room_id uuid references room(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      cancel_reason text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index appointment_time_idx on appointment (organization_id, starts_at);
    create index appointment_participants_idx on appointment using gin (participant_ids);

    create table clinician_working_hours (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      clinician_id uuid not null references app_user(id),
      weekday smallint not null check (weekday between 1 and 7),
      start_time text not null,
      end_time text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index clinician_working_hours_idx on clinician_working_hours (organization_id, clinician_id);

    create table calendar_feed (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      owner text not null check (owner in ('clinician', 'participant')),
      subject_id uuid not null,
      token_hash text not null unique,
      created_by uuid,
      revoked_at timestamptz,
      last_read_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index calendar_feed_subject_idx on calendar_feed (organization_id, owner, subject_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Schedules are program history and are never dropped.');
}
