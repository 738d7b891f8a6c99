import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  BenefitCheckRow,
  BenefitCheckUpdate,
  CoverageRow,
  CoverageUpdate,
  NewBenefitCheck,
  NewCoverage,
} from './tables.js';

/** Whose coverages: a patient's, or an inquiry's before admission. */
export type CoverageOwner = { patientId: string } | { inquiryId: string };

const asDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** Every column, dates as 'YYYY-MM-DD' text (drivers would turn a date into a midnight instant). */
function coverageSelection() {
  return [
    'id',
    'organization_id',
    'patient_id',
    'inquiry_id',
    'payer_name',
    'payer_id',
    'plan_name',
    'member_id',
    'group_number',
    'subscriber_name',
    asDate('subscriber_date_of_birth').as('subscriber_date_of_birth'),
    'relationship',
    'priority',
    asDate('effective_date').as('effective_date'),
    asDate('termination_date').as('termination_date'),
    'status',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ] as const;
}

export async function insertCoverage(db: Kysely<DB>, coverage: NewCoverage): Promise<CoverageRow> {
  await db.insertInto('coverage').values(coverage).execute();
  return (await findCoverage(db, coverage.organization_id, coverage.id)) as CoverageRow;
}

export async function findCoverage(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('coverage')
    .select(coverageSelection())
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<CoverageRow | undefined>;
}

/** A patient's or an inquiry's coverages, in the order of benefits, newest first within it. */
export async function listCoverageRows(
  db: Kysely<DB>,
  organizationId: string,
  owner: CoverageOwner,
): Promise<CoverageRow[]> {
  let query = db
    .selectFrom('coverage')
    .select(coverageSelection())
    .where('organization_id', '=', organizationId);
  query =
    'patientId' in owner
      ? query.where('patient_id', '=', owner.patientId)
      : query.where('inquiry_id', '=', owner.inquiryId);
  return query
    .orderBy(sql`case priority when 'primary' then 0 when 'secondary' then 1 else 2 end`)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute() as Promise<CoverageRow[]>;
}

export async function updateCoverageAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: CoverageUpdate,
  now: Date,
): Promise<CoverageRow | undefined> {
  const updated = await db
    .updateTable('coverage')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
  return updated ? findCoverage(db, organizationId, id) : undefined;
}

export async function insertBenefitCheck(db: Kysely<DB>, check: NewBenefitCheck): Promise<BenefitCheckRow> {
  return db.insertInto('benefit_check').values(check).returningAll().executeTakeFirstOrThrow();
}

export async function findBenefitCheck(
  db: Kysely<DB>,
  organizationId: string,
  coverageId: string,
  id: string,
) {
  return db
    .selectFrom('benefit_check')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('coverage_id', '=', coverageId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listBenefitCheckRows(db: Kysely<DB>, organizationId: string, coverageId: string) {
  return db
    .selectFrom('benefit_check')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('coverage_id', '=', coverageId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The newest check of each coverage. */
export async function latestBenefitCheckRows(
  db: Kysely<DB>,
  organizationId: string,
  coverageIds: readonly string[],
): Promise<BenefitCheckRow[]> {
  if (coverageIds.length === 0) return [];
  return db
    .selectFrom('benefit_check')
    .selectAll()
    .distinctOn('coverage_id')
    .where('organization_id', '=', organizationId)
    .where('coverage_id', 'in', coverageIds)
    .orderBy('coverage_id')
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateBenefitCheckAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: BenefitCheckUpdate,
  now: Date,
) {
  return db
    .updateTable('benefit_check')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Whether any coverage of the inquiry carries a benefit check. */
export async function inquiryHasBenefitCheck(
  db: Kysely<DB>,
  organizationId: string,
  inquiryId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('benefit_check')
    .innerJoin('coverage', 'coverage.id', 'benefit_check.coverage_id')
    .select('benefit_check.id')
    .where('coverage.organization_id', '=', organizationId)
    .where('benefit_check.organization_id', '=', organizationId)
    .where('coverage.inquiry_id', '=', inquiryId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
