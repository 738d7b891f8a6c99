import { type Kysely, sql } from 'kysely';

/**
 * Measurement-based care: instrument administrations, self-report requests, track schedules and
 * the organization's instrument settings.
 * - measure_administration is a clinical record and immutable: answers, score, settings used and
 *   the instrument version never change (trigger). A correction is a new row that supersedes the
 *   old one (supersedes_id, with a reason); the old row only gains superseded_by_id, once.
 *   Current scores are read through partial indexes "where superseded_by_id is null":
 *   - (organization_id, patient_id, instrument_code, administered_at desc): a patient's history,
 *     and the latest per patient and instrument for the due list (DISTINCT ON walks it);
 *   - (organization_id, episode_id, instrument_code, administered_at): an episode's series and
 *     its baseline/latest for the track outcome view.
 * - measure_request is a self-report sent by one-time link: the instruments asked, the draft the
 *   person saved so far (a phone that loses its connection keeps what was entered), and what
 *   the submission stored. The link itself lives in one_time_link (links module).
 * - measure_schedule: one per track, keyed by track id (the track table is the programs module's).
 * - measurement_episode: a read-only view of the episode columns the due list needs.
 * - instrument_setting: the organization's choices where sources disagree (AUDIT band set,
 *   PCL-5 cut-point, reliable-change criterion), recorded into each score's settings_used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table measure_administration (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      episode_id uuid,
      instrument_code text not null,
      instrument_version text not null,
      answers jsonb not null,
      total integer,
      band_code text not null,
      band_label text not null,
      flags jsonb not null default '[]',
      subscales jsonb,
      settings_used jsonb not null,
      administered_at timestamptz not null,
      source text not null check (source in ('staff', 'self_report')),
      entered_by uuid references app_user(id),
      measure_request_id uuid,
      supersedes_id uuid references measure_administration(id),
      superseded_by_id uuid references measure_administration(id),
      correction_reason text,
      part2 boolean not null default false,
      alert_task_ids uuid[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((supersedes_id is null) = (correction_reason is null)),
      check (superseded_by_id is null or superseded_by_id <> id)
    );
    create index measure_administration_patient_idx on measure_administration
      (organization_id, patient_id, instrument_code, administered_at desc)
      where superseded_by_id is null;
    create index measure_administration_episode_idx on measure_administration
      (organization_id, episode_id, instrument_code, administered_at)
      where superseded_by_id is null and episode_id is not null;
    create unique index measure_administration_superseded_once on measure_administration (supersedes_id)
      where supersedes_id is not null;

    create function measure_administration_is_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'measure_administration rows are clinical records and are never deleted'
          using errcode = 'insufficient_privilege';
      end if;
      if old.superseded_by_id is not null
        or new.id <> old.id
        or new.organization_id <> old.organization_id
        or new.patient_id <> old.patient_id
        or new.episode_id is distinct from old.episode_id
        or new.instrument_code <> old.instrument_code
        or new.instrument_version <> old.instrument_version
        or new.answers <> old.answers
        or new.total is distinct from old.total
        or new.band_code <> old.band_code
        or new.band_label <> old.band_label
        or new.subscales is distinct from old.subscales
        or new.source <> old.source
        or new.correction_reason is distinct from old.correction_reason
        or new.flags <> old.flags
        or new.settings_used <> old.settings_used
        or new.administered_at <> old.administered_at
        or new.supersedes_id is distinct from old.supersedes_id
        or new.alert_task_ids <> old.alert_task_ids then
        raise exception 'measure_administration is immutable: record a correction instead'
          using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
    create trigger measure_administration_immutable
      before update or delete on measure_administration
      for each row execute function measure_administration_is_immutable();

    create table measure_request (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      episode_id uuid,
      instruments text[] not null,
      link_id uuid not null,
      expires_at timestamptz not null,
      draft jsonb not null default '{}',
      draft_saved_at timestamptz,
      status text not null default 'open' check (status in ('open', 'submitted')),
      submitted_at timestamptz,
      administration_ids uuid[] not null default '{}',
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'submitted') = (submitted_at is not null))
    );
    create index measure_request_patient_idx on measure_request (organization_id, patient_id, created_at desc);

    create table measure_schedule (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      track_id uuid not null references track(id),
      rules jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, track_id)
    );

    -- The episodes this module measures, read through a view named for the purpose (DESIGN.md:
    -- cross-module reads go through services or views named for the purpose): only the columns
    -- the due list and the track outcome view need. It belongs with the episodes module; it is
    -- here until that module offers the same read (see modules/measures/index.ts).
    create view measurement_episode as
      select id, organization_id, patient_id, track_id, primary_clinician_id, status,
        admission_date, discharge_date, part2
      from episode;

    create table instrument_setting (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      instrument_code text not null,
      score_settings jsonb not null default '{}',
      reliable_change jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, instrument_code)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Measures are clinical history and are never dropped.');
}
