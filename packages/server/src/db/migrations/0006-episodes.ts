import { type Kysely, sql } from 'kysely';

/**
 * Episodes of care: one admission of a patient into a track, from pending to discharged.
 * A readmission or a step up/down is a new row (linked by previous_episode_id), so history
 * is kept. At most one open episode (pending, active or on hold) per patient: the partial
 * unique index is the last guard behind the domain rule, against two concurrent admissions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table episode (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      track_id uuid not null references track(id),
      level_of_care text not null check (level_of_care in ('outpatient', 'iop', 'php')),
      status text not null check (status in ('pending', 'active', 'on_hold', 'discharged')),
      admission_date date not null,
      discharge_date date,
      discharge_reason text,
      -- The discharge summary is a signed document of a later module; it will point here.
      discharge_summary_id uuid,
      primary_clinician_id uuid not null references app_user(id),
      referral_source_id uuid,
      referral_source_text text,
      payer_note text,
      part2 boolean not null default false,
      previous_episode_id uuid references episode(id),
      entry_kind text not null default 'admission'
        check (entry_kind in ('admission', 'readmission', 'step_up', 'step_down', 'transfer')),
      status_changed_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'discharged') = (discharge_date is not null)),
      check (discharge_date is null or discharge_date >= admission_date)
    );
    create unique index episode_one_open_per_patient on episode (organization_id, patient_id)
      where status <> 'discharged';
    create index episode_patient_idx on episode (organization_id, patient_id, admission_date desc);
    create index episode_track_open_idx on episode (organization_id, track_id) where status <> 'discharged';

    -- Diagnoses are never deleted: a removed one keeps its row with removed_at, so the record
    -- shows what was diagnosed when.
    create table episode_diagnosis (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      episode_id uuid not null references episode(id),
      position integer not null,
      code text not null,
      description text not null,
      is_primary boolean not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      removed_at timestamptz,
      removed_by uuid
    );
    create unique index episode_diagnosis_code_key on episode_diagnosis (episode_id, code)
      where removed_at is null;
    create unique index episode_diagnosis_one_primary on episode_diagnosis (episode_id)
      where is_primary and removed_at is null;
    create index episode_diagnosis_episode_idx on episode_diagnosis (organization_id, episode_id, position);

    -- Every status change, with who, when and why: the episode's own history.
    create table episode_status_change (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      episode_id uuid not null references episode(id),
      from_status text,
      to_status text not null,
      reason text,
      changed_by uuid,
      changed_at timestamptz not null
    );
    create index episode_status_change_idx on episode_status_change (organization_id, episode_id, changed_at);

    -- Places taken per track, for the programs module (census against capacity, archive check):
    -- a view named for its purpose, so programs never reads the episode table itself.
    create view track_census as
      select organization_id, track_id,
        count(*)::integer as open_count,
        (count(*) filter (where status = 'active'))::integer as active_count,
        (count(*) filter (where status = 'pending'))::integer as pending_count,
        (count(*) filter (where status = 'on_hold'))::integer as on_hold_count
      from episode
      where status <> 'discharged'
      group by organization_id, track_id;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Episodes of care are clinical history and are never dropped.');
}
