import { type Kysely, sql } from 'kysely';

/**
 * Treatment plans (decision 0024).
 * - treatment_plan: one per episode of care. `version` is the plan's one concurrency counter
 *   (every save, signature and review bumps it; clients send it as If-Match). current_number is
 *   the latest version, effective_number the latest signed one (the plan in effect) and
 *   effective_signed_at when it was signed: the due list reads these without opening versions.
 * - treatment_plan_version: each version's content as one JSONB document (problems → goals →
 *   objectives, interventions), since a version is written, hashed, signed, compared and printed
 *   as a whole. Once awaiting signatures its content never changes; signed and voided versions
 *   never change at all (trigger).
 * - treatment_plan_revision: the content after every save, by plan version, so a stale save
 *   (409) can show what the other person changed since the version the editor read.
 * - plan_review: a review of a signed version with progress per objective; append-only.
 * - plan_signature_link: which version a participant's one-time signing link is for.
 * - plan_template: the organization's template library, seeded from the starter library.
 * - plan_settings: the organization's deadlines and co-signature rule (no row: the defaults).
 * - plan_episode: a view of the episode columns the plans module reads (open episodes only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table treatment_plan (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      episode_id uuid not null references episode(id),
      current_number integer not null default 1,
      status text not null default 'draft'
        check (status in ('draft', 'awaiting_signatures', 'signed', 'voided')),
      effective_number integer,
      effective_signed_at timestamptz,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((effective_number is null) = (effective_signed_at is null))
    );
    create unique index treatment_plan_one_per_episode on treatment_plan (organization_id, episode_id);
    create index treatment_plan_patient_idx on treatment_plan (organization_id, patient_id);

    create table treatment_plan_version (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      plan_id uuid not null references treatment_plan(id),
      number integer not null,
      status text not null default 'draft'
        check (status in ('draft', 'awaiting_signatures', 'signed', 'voided')),
      content jsonb not null,
      cosignature_required boolean not null default false,
      based_on_number integer,
      review_id uuid,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      signed_at timestamptz,
      unique (plan_id, number),
      check ((status = 'signed') = (signed_at is not null))
    );
    create index treatment_plan_version_org_idx on treatment_plan_version (organization_id, plan_id, number);

    create function treatment_plan_version_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'treatment plan versions are clinical records and are never deleted'
          using errcode = 'insufficient_privilege';
      end if;
      if old.status in ('signed', 'voided') then
        raise exception 'a signed or voided plan version is immutable: change the plan in a new version'
          using errcode = 'insufficient_privilege';
      end if;
      if old.status = 'awaiting_signatures' and new.content <> old.content then
        raise exception 'a plan version awaiting signatures keeps its content'
          using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
    create trigger treatment_plan_version_guarded
      before update or delete on treatment_plan_version
      for each row execute function treatment_plan_version_guard();

    create table treatment_plan_revision (
      organization_id uuid not null references organization(id),
      plan_id uuid not null references treatment_plan(id),
      plan_version integer not null,
      version_number integer not null,
      content jsonb not null,
      saved_by uuid not null references app_user(id),
      saved_at timestamptz not null,
      primary key (plan_id, plan_version)
    );

    create table plan_review (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      plan_id uuid not null references treatment_plan(id),
      reviewed_number integer not null,
      resulting_number integer not null,
      reviewed_on date not null,
      summary text not null,
      participant_comment text not null,
      progress jsonb not null,
      reviewed_by uuid not null references app_user(id),
      created_at timestamptz not null default now()
    );
    create index plan_review_plan_idx on plan_review (organization_id, plan_id, created_at desc);

    create function plan_review_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'plan_review is append-only' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger plan_review_no_update_or_delete
      before update or delete on plan_review
      for each row execute function plan_review_is_append_only();

    create table plan_signature_link (
      link_id uuid primary key,
      organization_id uuid not null references organization(id),
      plan_id uuid not null references treatment_plan(id),
      version_number integer not null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null default now()
    );

    create table plan_template (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      starter_key text,
      title text not null,
      description text not null default '',
      content jsonb not null,
      active boolean not null default true,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index plan_template_starter_key on plan_template (organization_id, starter_key)
      where starter_key is not null;
    create index plan_template_org_idx on plan_template (organization_id, title);

    create table plan_settings (
      organization_id uuid primary key references organization(id),
      sign_deadline_days integer not null check (sign_deadline_days between 1 and 30),
      review_cadence_days integer not null check (review_cadence_days between 7 and 180),
      cosignature_required boolean not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );

    -- The episode columns plans read, open episodes only: a view named for its purpose, so the
    -- plans module never reads the episode table itself (episode_open_by_clinician_idx serves it).
    create view plan_episode as
      select id, organization_id, patient_id, primary_clinician_id, status,
        to_char(admission_date, 'YYYY-MM-DD') as admission_date
      from episode
      where status <> 'discharged';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Treatment plans are clinical history and are never dropped.');
}
