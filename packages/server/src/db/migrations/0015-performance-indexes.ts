import { type Kysely, sql } from 'kysely';

/**
 * Indexes and one view that the benchmark (docs/performance.md, 10,000 patients on PostgreSQL)
 * showed the daily screens need, each checked with EXPLAIN ANALYZE:
 * - patient_first_prefix_idx, patient_last_prefix_idx: name search as you type is a prefix of a
 *   first or last name; a btree range scan (text_pattern_ops, so LIKE 'ab%' uses it whatever the
 *   collation) instead of a scan of the whole registry on every keystroke;
 * - audit_event_org_seq_idx: the audit log is searched newest first within one organization;
 *   walking the primary key backwards read past every other tenant's newer events;
 * - episode_clinician_idx: a clinician's episodes (their measures due: open ones and those
 *   discharged lately, an OR a partial index on open episodes cannot serve), instead of a scan
 *   of every episode of the organization;
 * - appointment_at_most_a_day: an appointment ends within a day of its start (the API allows 8
 *   hours), so "appointments overlapping these days" can bound starts_at on both sides and use
 *   appointment_time_idx as a range instead of reading every earlier appointment; and
 *   appointment_clinician_time_idx for a clinician's own calendar;
 * - sign_in_account: the account fields sign-in and every session check read, a view owned by
 *   the users module, so that the auth module resolves a session and its account in one
 *   statement without reading app_user itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index patient_first_prefix_idx on patient (organization_id, first_name_norm text_pattern_ops);
    create index patient_last_prefix_idx on patient (organization_id, last_name_norm text_pattern_ops);
    create index audit_event_org_seq_idx on audit_event (organization_id, seq desc);
    create index episode_clinician_idx on episode (organization_id, primary_clinician_id);
    alter table appointment add constraint appointment_at_most_a_day
      check (ends_at <= starts_at + interval '1 day');
    create index appointment_clinician_time_idx on appointment (organization_id, clinician_id, starts_at);

    create view sign_in_account as
      select id, organization_id, email, display_name, roles, active, password_hash, mfa_secret,
        failed_login_count, locked_until
      from app_user;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop view sign_in_account;
    drop index appointment_clinician_time_idx;
    alter table appointment drop constraint appointment_at_most_a_day;
    drop index episode_clinician_idx;
    drop index audit_event_org_seq_idx;
    drop index patient_last_prefix_idx;
    drop index patient_first_prefix_idx;
  `.execute(db);
}
