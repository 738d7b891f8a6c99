import { type Kysely, sql } from 'kysely';

/**
 * The patient registry. Search "as you type" over tens of thousands of people runs on
 * indexes, one per key the search box understands:
 * - name: a trigram GIN index on search_name (normalized legal first, preferred and last
 *   names), serving both word-prefix (regex) and fuzzy (word similarity) matches;
 * - MRN: the unique btree (organization_id, mrn);
 * - date of birth: btree (organization_id, date_of_birth);
 * - phone: btree (organization_id, phone_digits text_pattern_ops), so a prefix LIKE uses it.
 * Duplicate detection looks up (organization_id, last_name_norm, date_of_birth).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table patient (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      mrn text not null,
      legal_first_name text not null,
      legal_last_name text not null,
      preferred_name text,
      pronouns text,
      date_of_birth date not null,
      sex_assigned_at_birth text check (sex_assigned_at_birth in ('female', 'male', 'intersex', 'unknown')),
      gender_identity text,
      phone text,
      phone_digits text,
      email text,
      address_line1 text,
      address_line2 text,
      city text,
      region text,
      postal_code text,
      emergency_contact_name text,
      emergency_contact_relationship text,
      emergency_contact_phone text,
      preferred_language text,
      status text not null default 'active' check (status in ('active', 'inactive', 'deceased')),
      first_name_norm text not null,
      last_name_norm text not null,
      search_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index patient_mrn_key on patient (organization_id, mrn);
    create index patient_duplicate_idx on patient (organization_id, last_name_norm, date_of_birth);
    create index patient_dob_idx on patient (organization_id, date_of_birth);
    create index patient_phone_idx on patient (organization_id, phone_digits text_pattern_ops)
      where phone_digits is not null;
    create index patient_search_name_trgm_idx on patient using gin (search_name gin_trgm_ops);
    create index patient_recent_idx on patient (organization_id, id desc);

    -- One row per organization: the last MRN handed out. Numbers may skip (a rolled-back
    -- insert burns one) but never repeat; the unique index above is the final guard.
    create table patient_mrn_counter (
      organization_id uuid primary key references organization(id),
      last_value bigint not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The patient registry is never dropped.');
}
