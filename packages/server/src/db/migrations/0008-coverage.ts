import { type Kysely, sql } from 'kysely';

/**
 * Insurance coverages and the benefit checks made on them. A coverage belongs to a patient, or
 * (before admission) to an inquiry: conversion sets patient_id and keeps inquiry_id, so the
 * checks made before admission stay with the coverage. The two behavioural benefit lines carry
 * the X12 271 service type codes they answer for, so an electronic check can fill the same row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table coverage (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid references patient(id),
      inquiry_id uuid references inquiry(id),
      payer_name text not null,
      payer_id text,
      plan_name text,
      member_id text,
      group_number text,
      subscriber_name text,
      subscriber_date_of_birth date,
      relationship text check (relationship in ('self', 'spouse', 'child', 'other')),
      priority text not null default 'primary' check (priority in ('primary', 'secondary', 'tertiary')),
      effective_date date,
      termination_date date,
      status text not null default 'pending_verification'
        check (status in ('pending_verification', 'active', 'inactive', 'entered_in_error')),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (patient_id is not null or inquiry_id is not null),
      check (termination_date is null or effective_date is null or termination_date >= effective_date)
    );
    create index coverage_patient_idx on coverage (organization_id, patient_id, priority)
      where patient_id is not null;
    create index coverage_inquiry_idx on coverage (organization_id, inquiry_id) where inquiry_id is not null;

    create table benefit_check (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      coverage_id uuid not null references coverage(id),
      checked_at timestamptz not null,
      checked_by uuid references app_user(id),
      source text not null check (source in ('phone', 'portal', 'electronic_271')),
      coverage_active boolean not null,
      network text not null default 'unknown' check (network in ('in_network', 'out_of_network', 'unknown')),
      mh_iop_covered boolean,
      mh_service_type_codes text[] not null,
      sud_iop_covered boolean,
      sud_service_type_codes text[] not null,
      deductible_cents integer check (deductible_cents >= 0),
      deductible_met_cents integer check (deductible_met_cents >= 0),
      out_of_pocket_max_cents integer check (out_of_pocket_max_cents >= 0),
      out_of_pocket_met_cents integer check (out_of_pocket_met_cents >= 0),
      copay_cents integer check (copay_cents >= 0),
      coinsurance_percent numeric(5, 2) check (coinsurance_percent between 0 and 100),
      prior_auth_required boolean,
      prior_auth_phone text,
      prior_auth_notes text,
      limit_days integer check (limit_days >= 0),
      limit_visits integer check (limit_visits >= 0),
      limit_period text check (limit_period in ('calendar_year', 'plan_year', 'lifetime', 'per_admission')),
      reference_number text,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index benefit_check_coverage_idx on benefit_check (organization_id, coverage_id, checked_at desc, id desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error(
    'The coverage migration cannot be reverted: insurance and benefit records are never dropped.',
  );
}
