import { type Kysely, sql } from 'kysely';

/**
 * Consents: treatment, telehealth, 42 CFR Part 2 and release of information. The text shown
 * and the terms are stored with the consent and covered by its signature (signature table,
 * migration 0003); the database refuses to change them afterwards and never deletes a
 * consent. The only change a consent sees is its revocation, once, or the end of its expiry
 * event — and neither can be undone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      patient_id uuid not null,
      kind text not null check (kind in ('treatment', 'telehealth', 'part2', 'release_of_information')),
      template_version integer not null,
      title text not null,
      text_shown text not null,
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      recipient_kind text check (recipient_kind in ('named', 'tpo_designation')),
      recipient_name text,
      recipient_description text,
      purposes text[] not null default '{}',
      information_kinds text[] not null default '{}',
      information_description text,
      expires_on date,
      expires_at timestamptz,
      expiry_event text check (expiry_event in ('end_of_treatment')),
      ended_at timestamptz,
      signature_id uuid not null unique references signature(id),
      signed_at timestamptz not null,
      revoked_at timestamptz,
      revoked_on date,
      revocation_received_via text
        check (revocation_received_via in ('in_writing', 'verbal', 'portal', 'email', 'mail')),
      revocation_note text,
      revoked_by uuid references app_user(id),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((expires_on is null) = (expires_at is null)),
      check ((revoked_at is null) = (revoked_on is null) and (revoked_at is null) = (revocation_received_via is null)),
      check ((recipient_kind = 'named') = (recipient_name is not null) or recipient_kind is null)
    );
    create index consent_patient_idx on consent (organization_id, patient_id, kind, signed_at desc);

    -- A signed consent says what it said: only revocation and the end of its expiry event may
    -- be recorded, once each; nothing is ever deleted.
    create function consent_is_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'consent records are never deleted' using errcode = 'insufficient_privilege';
      end if;
      if (new.id, new.organization_id, new.patient_id, new.kind, new.template_version, new.title,
          new.text_shown, new.content_hash, new.recipient_kind, new.recipient_name,
          new.recipient_description, new.purposes, new.information_kinds, new.information_description,
          new.expires_on, new.expires_at, new.expiry_event, new.signature_id, new.signed_at,
          new.created_by, new.created_at)
         is distinct from
         (old.id, old.organization_id, old.patient_id, old.kind, old.template_version, old.title,
          old.text_shown, old.content_hash, old.recipient_kind, old.recipient_name,
          old.recipient_description, old.purposes, old.information_kinds, old.information_description,
          old.expires_on, old.expires_at, old.expiry_event, old.signature_id, old.signed_at,
          old.created_by, old.created_at) then
        raise exception 'a signed consent is immutable: record a new consent instead'
          using errcode = 'insufficient_privilege';
      end if;
      if old.revoked_at is not null and (new.revoked_at, new.revoked_on, new.revocation_received_via,
          new.revocation_note, new.revoked_by) is distinct from (old.revoked_at, old.revoked_on,
          old.revocation_received_via, old.revocation_note, old.revoked_by) then
        raise exception 'a revocation cannot be changed or undone' using errcode = 'insufficient_privilege';
      end if;
      if old.ended_at is not null and new.ended_at is distinct from old.ended_at then
        raise exception 'the end of a consent cannot be changed or undone' using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
    create trigger consent_immutable
      before update or delete on consent
      for each row execute function consent_is_immutable();
    create function consent_is_never_deleted() returns trigger language plpgsql as $$
    begin
      raise exception 'consent records are never deleted' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger consent_no_truncate
      before truncate on consent
      for each statement execute function consent_is_never_deleted();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Consents are clinical records: this migration is not reverted.');
}
