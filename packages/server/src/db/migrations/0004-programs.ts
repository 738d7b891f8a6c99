import { type Kysely, sql } from 'kysely';

/**
 * Tracks: the program's recurring offers (adult mental health mornings, substance use
 * evenings…). A track is never deleted once it has history; it is paused or archived.
 * The weekly pattern and intensity rule are small documents read and written whole, so jsonb.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table track (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      name text not null,
      description text,
      population text not null check (population in ('mental_health', 'substance_use', 'dual_diagnosis')),
      age_group text not null check (age_group in ('adult', 'adolescent')),
      level_of_care text not null check (level_of_care in ('outpatient', 'iop', 'php')),
      modality text not null check (modality in ('in_person', 'virtual', 'hybrid')),
      location_id uuid not null references location(id),
      capacity integer not null check (capacity between 1 and 500),
      weekly_pattern jsonb not null,
      intensity jsonb not null,
      status text not null default 'active' check (status in ('active', 'paused', 'archived')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index track_name_key on track (organization_id, lower(name));
    create index track_org_status_idx on track (organization_id, status);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Tracks hold program history and are never dropped.');
}
