import { type Kysely, sql } from 'kysely';

/**
 * A sign-in code works once: the time step of the last code accepted for an account is kept, and
 * a code of that step or an earlier one is refused (RFC 6238 §5.2), so a code seen over someone's
 * shoulder or in a proxy log cannot be replayed within its 30–90 seconds of validity. The
 * sign_in_account view gains the column at its end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table app_user add column mfa_last_time_step integer;
    create or replace view sign_in_account as
      select id, organization_id, email, display_name, roles, active, password_hash, mfa_secret,
        failed_login_count, locked_until, mfa_last_time_step
      from app_user;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop view sign_in_account;
    create view sign_in_account as
      select id, organization_id, email, display_name, roles, active, password_hash, mfa_secret,
        failed_login_count, locked_until
      from app_user;
    alter table app_user drop column mfa_last_time_step;
  `.execute(db);
}
