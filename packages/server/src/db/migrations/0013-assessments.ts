import { type Kysely, sql } from 'kysely';

/**
 * The initial biopsychosocial assessment of an episode of care.
 * - assessment: a draft autosaved with optimistic concurrency (version), then signed through the
 *   signatures module. Once signed it never changes (trigger): corrections are addenda.
 *   recommended_level is what the domain rule derived from the ASAM ratings when last saved,
 *   chosen_level the clinician's decision, override_reason why they differ.
 * - assessment_addendum: append-only text after signing, each signed on its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assessment (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null references patient(id),
      episode_id uuid not null references episode(id),
      status text not null default 'draft' check (status in ('draft', 'signed')),
      sections jsonb not null default '{}',
      asam_edition text not null check (asam_edition in ('3', '4')),
      asam_ratings jsonb not null default '[]',
      recommended_level text,
      chosen_level text,
      override_reason text,
      diagnoses jsonb not null default '[]',
      administration_ids uuid[] not null default '{}',
      signature_id uuid,
      signed_at timestamptz,
      signed_by uuid references app_user(id),
      created_by uuid not null references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status = 'signed') = (signature_id is not null and signed_at is not null))
    );
    create index assessment_patient_idx on assessment (organization_id, patient_id, created_at desc);
    -- One initial assessment per episode of care; a readmission is a new episode with its own.
    create unique index assessment_one_per_episode on assessment (organization_id, episode_id);

    create function assessment_signed_is_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'assessments are clinical records and are never deleted'
          using errcode = 'insufficient_privilege';
      end if;
      if old.status = 'signed' then
        raise exception 'a signed assessment is immutable: add an addendum'
          using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
    create trigger assessment_signed_immutable
      before update or delete on assessment
      for each row execute function assessment_signed_is_immutable();

    create table assessment_addendum (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      assessment_id uuid not null references assessment(id),
      text text not null,
      signature_id uuid not null,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null default now()
    );
    create index assessment_addendum_idx on assessment_addendum (organization_id, assessment_id, created_at);

    create function assessment_addendum_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'assessment_addendum is append-only' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger assessment_addendum_no_update_or_delete
      before update or delete on assessment_addendum
      for each row execute function assessment_addendum_is_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Assessments are clinical history and are never dropped.');
}
