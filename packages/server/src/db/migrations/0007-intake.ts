import { type Kysely, sql } from 'kysely';

/**
 * The intake pipeline: referral partners, inquiries (from the phone, the public form or a
 * referral), every stage change with who and when, and pre-admission phone screenings.
 * Insurance as told lives in the coverage tables (0008), owned by the inquiry until conversion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table referral_source (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      name text not null,
      kind text not null check (kind in
        ('hospital', 'detox', 'outpatient_therapist', 'pcp', 'eap', 'court', 'school', 'self', 'other')),
      contact_name text,
      phone text,
      email text,
      notes text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index referral_source_name_key on referral_source (organization_id, lower(name));

    create table inquiry (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      reference text not null,
      source text not null check (source in ('phone', 'web_form', 'referral')),
      stage text not null check (stage in
        ('new', 'contacted', 'screened', 'benefits_checked', 'assessment_booked', 'admitted', 'closed')),
      first_name text not null,
      last_name text not null,
      phone text check (phone ~ '^[0-9]{10}$'),
      email text,
      preferred_contact_method text check (preferred_contact_method in ('phone', 'text', 'email')),
      best_time_to_contact text,
      date_of_birth date,
      address_line1 text,
      address_line2 text,
      city text,
      region text,
      postal_code text,
      help_wanted text not null check (help_wanted in ('mental_health', 'substance_use', 'both', 'unsure')),
      preferred_schedule text[] not null default '{}',
      referral_source_id uuid references referral_source(id),
      notes text,
      coordinator_id uuid references app_user(id),
      assessment_at timestamptz,
      self_pay boolean not null default false,
      urgent boolean not null default false,
      closed_reason text check (closed_reason in
        ('not_a_fit', 'referred_elsewhere', 'no_response', 'chose_another_program', 'other')),
      closed_reason_text text,
      patient_id uuid references patient(id),
      -- The episode the admission created (episodes module); checked there, not by a key here.
      episode_id uuid,
      converted_at timestamptz,
      consent_to_contact_at timestamptz,
      stage_changed_at timestamptz not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      unique (organization_id, reference),
      check ((stage = 'closed') = (closed_reason is not null)),
      check (stage <> 'assessment_booked' or assessment_at is not null),
      check (stage <> 'admitted' or (patient_id is not null and episode_id is not null)),
      check (phone is not null or email is not null)
    );
    -- The board: counts per stage and the newest cards of each, fast at tens of thousands.
    create index inquiry_board_idx on inquiry (organization_id, stage, updated_at desc, id desc);
    -- The list without a stage filter, newest activity first (the cursor is updated_at, id).
    create index inquiry_recent_idx on inquiry (organization_id, updated_at desc, id desc);
    create index inquiry_patient_idx on inquiry (organization_id, patient_id) where patient_id is not null;
    create index inquiry_coordinator_idx on inquiry (organization_id, coordinator_id, stage)
      where coordinator_id is not null;
    create index inquiry_phone_idx on inquiry (organization_id, phone) where phone is not null;
    create index inquiry_name_trgm_idx on inquiry
      using gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);

    -- Append-only: every stage change, with who made it and when.
    create table inquiry_stage_change (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      inquiry_id uuid not null references inquiry(id),
      from_stage text not null,
      to_stage text not null,
      reason text,
      reason_text text,
      assessment_at timestamptz,
      changed_by uuid references app_user(id),
      changed_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index inquiry_stage_change_idx on inquiry_stage_change (organization_id, inquiry_id, changed_at, id);

    create table inquiry_screening (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      inquiry_id uuid not null references inquiry(id),
      answers jsonb not null,
      urgent boolean not null,
      reasons text[] not null default '{}',
      suggested_level text check (suggested_level in ('emergency', 'withdrawal_management', 'iop')),
      urgent_task_id uuid,
      screened_by uuid not null references app_user(id),
      screened_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index inquiry_screening_idx on inquiry_screening (organization_id, inquiry_id, screened_at desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The intake migration cannot be reverted: inquiries and their history are never dropped.');
}
