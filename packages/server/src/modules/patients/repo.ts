import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewPatient, PatientRow, PatientUpdate } from './tables.js';

/** Every column, with the date of birth as 'YYYY-MM-DD' text whatever the driver's date parsing. */
function patientColumns<O>(query: SelectQueryBuilder<DB, 'patient', O>) {
  return query.select([
    'patient.id',
    'patient.organization_id',
    'patient.mrn',
    'patient.legal_first_name',
    'patient.legal_last_name',
    'patient.preferred_name',
    'patient.pronouns',
    sql<string>`to_char(patient.date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth'),
    'patient.sex_assigned_at_birth',
    'patient.gender_identity',
    'patient.phone',
    'patient.phone_digits',
    'patient.email',
    'patient.address_line1',
    'patient.address_line2',
    'patient.city',
    'patient.region',
    'patient.postal_code',
    'patient.emergency_contact_name',
    'patient.emergency_contact_relationship',
    'patient.emergency_contact_phone',
    'patient.preferred_language',
    'patient.status',
    'patient.first_name_norm',
    'patient.last_name_norm',
    'patient.search_name',
    'patient.created_at',
    'patient.updated_at',
    'patient.version',
  ]);
}

const RETURNING = [
  'id',
  'organization_id',
  'mrn',
  'legal_first_name',
  'legal_last_name',
  'preferred_name',
  'pronouns',
  'sex_assigned_at_birth',
  'gender_identity',
  'phone',
  'phone_digits',
  'email',
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
  'emergency_contact_name',
  'emergency_contact_relationship',
  'emergency_contact_phone',
  'preferred_language',
  'status',
  'first_name_norm',
  'last_name_norm',
  'search_name',
  'created_at',
  'updated_at',
  'version',
] as const;

const dobText = sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth');

/** The next MRN sequence number of the organization; one row per organization, locked by the upsert. */
export async function nextMrnSequence(db: Kysely<DB>, organizationId: string, now: Date): Promise<number> {
  const row = await db
    .insertInto('patient_mrn_counter')
    .values({ organization_id: organizationId, last_value: 1, updated_at: now })
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet((eb) => ({
        last_value: eb('patient_mrn_counter.last_value', '+', 1),
        updated_at: now,
      })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

export async function insertPatient(db: Kysely<DB>, patient: NewPatient): Promise<PatientRow> {
  return db
    .insertInto('patient')
    .values(patient)
    .returning([...RETURNING, dobText])
    .executeTakeFirstOrThrow();
}

export async function findPatient(db: Kysely<DB>, organizationId: string, id: string) {
  return patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where('patient.id', '=', id)
    .executeTakeFirst();
}

/** The name columns of several patients at once (lists that show names: one query, not one each). */
export async function findPatientNames(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('patient')
    .select(['id', 'mrn', 'legal_first_name', 'legal_last_name', 'preferred_name'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function patientExists(db: Kysely<DB>, organizationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('patient')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** People with the same date of birth and the same normalized names, either way round. */
export async function findSameNameAndBirth(
  db: Kysely<DB>,
  organizationId: string,
  key: { first: string; last: string; dateOfBirth: string },
  excludeId?: string,
) {
  let query = patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where('patient.date_of_birth', '=', key.dateOfBirth)
    .where((eb) =>
      eb.or([
        eb.and([eb('patient.last_name_norm', '=', key.last), eb('patient.first_name_norm', '=', key.first)]),
        eb.and([eb('patient.last_name_norm', '=', key.first), eb('patient.first_name_norm', '=', key.last)]),
      ]),
    );
  if (excludeId) query = query.where('patient.id', '<>', excludeId);
  return query.orderBy('patient.mrn').limit(10).execute();
}

export async function updatePatientAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: PatientUpdate,
  now: Date,
): Promise<PatientRow | undefined> {
  return db
    .updateTable('patient')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning([...RETURNING, dobText])
    .executeTakeFirst();
}

export async function searchByMrn(db: Kysely<DB>, organizationId: string, mrn: string, limit: number) {
  return patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where('patient.mrn', '=', mrn)
    .limit(limit)
    .execute();
}

export async function searchByDateOfBirth(
  db: Kysely<DB>,
  organizationId: string,
  date: string,
  limit: number,
) {
  return patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where('patient.date_of_birth', '=', date)
    .orderBy('patient.last_name_norm')
    .orderBy('patient.first_name_norm')
    .limit(limit)
    .execute();
}

/** Digits are only digits (the domain parsed them), so the LIKE pattern needs no escaping. */
export async function searchByPhone(db: Kysely<DB>, organizationId: string, digits: string, limit: number) {
  return patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where('patient.phone_digits', 'like', `${digits}%`)
    .orderBy('patient.phone_digits')
    .limit(limit)
    .execute();
}

/**
 * Name search in steps, each one indexed query, the later ones only when the earlier leave room:
 * 1. word prefixes where a token starts the legal first or last name (most of what is typed as
 *    you type): range scans of the btree prefix indexes (migration 0015), then every token
 *    checked against the words of the name, sorted by last and first name;
 * 2. when 1 found fewer than `limit`: every token starts a word of the name, in any order ("ann
 *    smi" finds Anna Smith; "teddy" finds a preferred name; "lewis" the second word of Day-Lewis),
 *    sorted the same way: served by the trigram GIN index on search_name (or a scan). It
 *    includes what step 1 found, so the answer is the same as if it ran alone;
 * 3. only when no name starts with what was typed (a typo: "jonh" finds John), near misses by
 *    trigram word similarity, best first: a fallback, since it reads every name of the
 *    organization (23 ms at 7,600 names). Fuzzy matching on one or two letters is noise, so
 *    short text skips it.
 * Tokens come from normalizeName: letters, digits and spaces only, so they are safe inside a
 * regex and a LIKE pattern.
 */
export async function searchByName(
  db: Kysely<DB>,
  organizationId: string,
  query: { text: string; tokens: string[] },
  limit: number,
): Promise<PatientRow[]> {
  const prefixes = query.tokens.map((token) => sql<boolean>`patient.search_name ~ ${`(^| )${token}`}`);
  const everyToken = sql<boolean>`${sql.join(prefixes, sql` and `)}`;
  // A substring test first: LIKE is far cheaper than the regex, which then runs on few rows
  // (measured on a scan of 7,600 names: 18 ms with the regex alone, 4 ms with LIKE before it).
  const contains = query.tokens.map((token) => sql<boolean>`patient.search_name like ${`%${token}%`}`);
  const startsFirstOrLast = query.tokens.flatMap((token) => [
    sql<boolean>`patient.last_name_norm like ${`${token}%`}`,
    sql<boolean>`patient.first_name_norm like ${`${token}%`}`,
  ]);
  const byFirstOrLast = await patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where(sql<boolean>`(${sql.join(startsFirstOrLast, sql` or `)})`)
    .where(everyToken)
    .orderBy('patient.last_name_norm')
    .orderBy('patient.first_name_norm')
    .orderBy('patient.id')
    .limit(limit)
    .execute();
  if (byFirstOrLast.length >= limit) return byFirstOrLast;

  // Materialized, so the matches are found first (trigram index) and sorted after. Without it
  // the planner may walk the last-name index in order hoping to meet `limit` matches soon, and
  // reads every patient of the organization when there are fewer (measured: 8 matches, 50k rows).
  const byPrefix = await db
    .with(
      (cte) => cte('prefix_match').materialized(),
      (qb) =>
        patientColumns(qb.selectFrom('patient'))
          .where('patient.organization_id', '=', organizationId)
          .where(sql<boolean>`${sql.join(contains, sql` and `)}`)
          .where(everyToken),
    )
    .selectFrom('prefix_match')
    .selectAll()
    .orderBy('last_name_norm')
    .orderBy('first_name_norm')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (byPrefix.length > 0 || query.text.replace(/ /g, '').length < 3) return byPrefix;

  // 0.5, not the default 0.6: one wrong letter in a short name ("garsia") should still be found.
  // Local to the caller's transaction, so no other query sees it.
  await sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(db);
  return patientColumns(db.selectFrom('patient'))
    .where('patient.organization_id', '=', organizationId)
    .where(sql<boolean>`${query.text} <% patient.search_name`)
    .orderBy(sql`word_similarity(${query.text}, patient.search_name)`, 'desc')
    .orderBy('patient.last_name_norm')
    .orderBy('patient.id')
    .limit(limit)
    .execute();
}

/** The newest patients, for an empty search box; the cursor is the last id seen (ids are time-ordered). */
export async function listRecentPatients(
  db: Kysely<DB>,
  organizationId: string,
  limit: number,
  before?: string,
) {
  let query = patientColumns(db.selectFrom('patient')).where('patient.organization_id', '=', organizationId);
  if (before) query = query.where('patient.id', '<', before);
  return query.orderBy('patient.id', 'desc').limit(limit).execute();
}
