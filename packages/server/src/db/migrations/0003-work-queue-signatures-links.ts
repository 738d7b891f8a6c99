import { type Kysely, sql } from 'kysely';

/**
 * The three shared mechanisms of DESIGN.md, built once for every module:
 * - task: the one work queue. "My open tasks, urgent first, then by due time" is an index
 *   scan on a partial index (open tasks only) in exactly the list's order; so are a role's
 *   queue and the whole open queue. Tasks without a due time sort last (coalesce to infinity).
 *   idempotency_key (kind|subject|period) is unique per organization: the same due item is
 *   queued once.
 * - signature: append-only, like audit_event. A signed document is never changed; a
 *   co-signature and an addendum are new rows that refer to the original.
 * - one_time_link: only the SHA-256 of the token is stored; redeeming is one conditional
 *   update, so two clicks on a single-use link cannot both succeed.
 * patient_id columns carry no foreign key: the patient registry is another module's table,
 * and each module checks the patient through that module's use cases. Who created or resolved
 * a task or a link is provenance, like audit_event.actor_user_id: no foreign key, so a job or
 * the demo seed acting without an account can queue work. Owners and staff signers are real
 * accounts and keep theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table task (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      kind text not null check (kind ~ '^[a-z][a-z0-9_]*$'),
      priority text not null check (priority in ('urgent', 'high', 'normal')),
      priority_rank smallint not null,
      subject_type text not null,
      subject_id uuid not null,
      patient_id uuid,
      title text not null check (length(title) between 1 and 200),
      owner_user_id uuid references app_user(id),
      owner_role text check (owner_role in ('admin', 'director', 'clinician', 'intake', 'billing', 'front_desk')),
      due_at timestamptz,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      idempotency_key text,
      resolution_note text,
      resolved_by uuid,
      resolved_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (priority_rank = case priority when 'urgent' then 0 when 'high' then 1 else 2 end),
      check ((status = 'open') = (resolved_at is null))
    );
    create unique index task_idempotency_key on task (organization_id, idempotency_key);
    create index task_owner_open_idx on task
      (organization_id, owner_user_id, priority_rank, (coalesce(due_at, 'infinity'::timestamptz)), id)
      where status = 'open';
    create index task_role_open_idx on task
      (organization_id, owner_role, priority_rank, (coalesce(due_at, 'infinity'::timestamptz)), id)
      where status = 'open' and owner_user_id is null;
    create index task_open_idx on task
      (organization_id, priority_rank, (coalesce(due_at, 'infinity'::timestamptz)), id)
      where status = 'open';
    create index task_patient_idx on task (organization_id, patient_id) where patient_id is not null;
    create index task_subject_idx on task (organization_id, subject_type, subject_id);

    create table one_time_link (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      purpose text not null,
      subject_type text not null,
      subject_id uuid not null,
      patient_id uuid,
      expires_at timestamptz not null,
      max_uses integer not null default 1 check (max_uses between 1 and 1000),
      use_count integer not null default 0 check (use_count between 0 and max_uses),
      last_used_at timestamptz,
      consumed_at timestamptz,
      revoked_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((consumed_at is not null) = (use_count = max_uses))
    );
    create index one_time_link_subject_idx on one_time_link (organization_id, subject_type, subject_id);

    create table signature (
      id uuid primary key,
      organization_id uuid not null references organization(id),
      document_type text not null,
      document_id uuid not null,
      document_version integer not null check (document_version > 0),
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      patient_id uuid,
      signer_role text not null check (signer_role in ('author', 'cosigner', 'patient', 'guardian', 'witness')),
      method text not null check (method in ('password', 'in_person', 'one_time_link')),
      signer_user_id uuid references app_user(id),
      recorded_by_user_id uuid references app_user(id),
      typed_name text not null check (length(typed_name) between 2 and 200),
      attestation text not null check (length(attestation) > 0),
      signed_at timestamptz not null,
      ip text,
      user_agent text,
      cosigns_signature_id uuid references signature(id),
      addendum_of_type text,
      addendum_of_id uuid,
      link_id uuid references one_time_link(id),
      created_at timestamptz not null default now(),
      check ((signer_role in ('author', 'cosigner', 'witness')) = (signer_user_id is not null)),
      check ((signer_role = 'cosigner') = (cosigns_signature_id is not null)),
      check ((method = 'one_time_link') = (link_id is not null)),
      check ((addendum_of_type is null) = (addendum_of_id is null))
    );
    create index signature_document_idx on signature
      (organization_id, document_type, document_id, document_version);
    create index signature_addendum_idx on signature (organization_id, addendum_of_type, addendum_of_id)
      where addendum_of_id is not null;
    -- A staff member signs a version of a document once in each role.
    create unique index signature_once_per_signer_key on signature
      (organization_id, document_type, document_id, document_version, signer_role, signer_user_id)
      where signer_user_id is not null;

    -- Signatures are append-only: what was signed, by whom and when never changes.
    create function signature_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'signature is append-only: a signed record is never changed or removed'
        using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger signature_no_update_or_delete
      before update or delete on signature
      for each row execute function signature_is_append_only();
    create trigger signature_no_truncate
      before truncate on signature
      for each statement execute function signature_is_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Signatures and the work queue are clinical records: this migration is not reverted.');
}
