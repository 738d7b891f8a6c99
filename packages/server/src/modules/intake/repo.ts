import { INQUIRY_STAGES, type InquiryStage } from '@trellis/domain';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  CardRow,
  InquiryRow,
  InquiryScreeningRow,
  InquiryScreeningTable,
  InquiryStageChangeTable,
  InquiryUpdate,
  NewInquiry,
  ReferralSourceRow,
  ReferralSourceTable,
} from './tables.js';

// ---------------------------------------------------------------- referral sources

export async function insertReferralSource(db: Kysely<DB>, source: Insertable<ReferralSourceTable>) {
  return db.insertInto('referral_source').values(source).returningAll().executeTakeFirstOrThrow();
}

export async function findReferralSource(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('referral_source')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findReferralSourceByName(db: Kysely<DB>, organizationId: string, name: string) {
  return db
    .selectFrom('referral_source')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function listReferralSourceRows(
  db: Kysely<DB>,
  organizationId: string,
  includeInactive: boolean,
): Promise<ReferralSourceRow[]> {
  let query = db.selectFrom('referral_source').selectAll().where('organization_id', '=', organizationId);
  if (!includeInactive) query = query.where('active', '=', true);
  return query.orderBy('name').limit(1000).execute();
}

export async function updateReferralSourceAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<ReferralSourceTable>,
  now: Date,
) {
  return db
    .updateTable('referral_source')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---------------------------------------------------------------- inquiries

/** Every column, the date of birth as 'YYYY-MM-DD' text. */
const INQUIRY_COLUMNS = [
  'id',
  'organization_id',
  'reference',
  'source',
  'stage',
  'first_name',
  'last_name',
  'phone',
  'email',
  'preferred_contact_method',
  'best_time_to_contact',
  sql<string | null>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth'),
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
  'help_wanted',
  'preferred_schedule',
  'referral_source_id',
  'notes',
  'coordinator_id',
  'assessment_at',
  'self_pay',
  'urgent',
  'closed_reason',
  'closed_reason_text',
  'patient_id',
  'episode_id',
  'converted_at',
  'consent_to_contact_at',
  'stage_changed_at',
  'created_by',
  'created_at',
  'updated_at',
  'version',
] as const;

export async function insertInquiry(db: Kysely<DB>, inquiry: NewInquiry): Promise<InquiryRow> {
  await db.insertInto('inquiry').values(inquiry).execute();
  return (await findInquiry(db, inquiry.organization_id, inquiry.id)) as InquiryRow;
}

export async function referenceTaken(db: Kysely<DB>, organizationId: string, reference: string) {
  const row = await db
    .selectFrom('inquiry')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findInquiry(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('inquiry')
    .select(INQUIRY_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<InquiryRow | undefined>;
}

/** Reads and locks the row: stage moves, screenings and conversions of one inquiry queue up. */
export async function lockInquiry(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('inquiry')
    .select(INQUIRY_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst() as Promise<InquiryRow | undefined>;
}

export async function updateInquiryAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: InquiryUpdate,
  now: Date,
): Promise<InquiryRow | undefined> {
  const updated = await db
    .updateTable('inquiry')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
  return updated ? findInquiry(db, organizationId, id) : undefined;
}

export interface InquiryFilter {
  stage?: InquiryStage | undefined;
  source?: string | undefined;
  helpWanted?: string | undefined;
  coordinatorId?: string | undefined;
  referralSourceId?: string | undefined;
  search?: { kind: 'reference' | 'phone' | 'email' | 'name'; value: string } | undefined;
  after?: { updatedAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest activity first; the cursor is (updated_at, id) of the last row shown. */
export async function listInquiryRows(
  db: Kysely<DB>,
  organizationId: string,
  filter: InquiryFilter,
): Promise<InquiryRow[]> {
  let query = db.selectFrom('inquiry').select(INQUIRY_COLUMNS).where('organization_id', '=', organizationId);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.source) query = query.where('source', '=', filter.source as InquiryRow['source']);
  if (filter.helpWanted)
    query = query.where('help_wanted', '=', filter.helpWanted as InquiryRow['help_wanted']);
  if (filter.coordinatorId) query = query.where('coordinator_id', '=', filter.coordinatorId);
  if (filter.referralSourceId) query = query.where('referral_source_id', '=', filter.referralSourceId);
  const search = filter.search;
  if (search?.kind === 'reference') query = query.where('reference', '=', search.value);
  if (search?.kind === 'phone') query = query.where('phone', 'like', `%${search.value}%`);
  if (search?.kind === 'email') query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', search.value));
  if (search?.kind === 'name') {
    const like = `%${search.value.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where(sql<boolean>`lower(first_name || ' ' || last_name) like ${like}`);
  }
  if (filter.after) {
    const { updatedAt, id } = filter.after;
    query = query.where((eb) => eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(updatedAt, id)));
  }
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute() as Promise<
    InquiryRow[]
  >;
}

/** How many inquiries sit at each stage (the board's column heads). */
export async function countInquiriesByStage(
  db: Kysely<DB>,
  organizationId: string,
  coordinatorId?: string,
): Promise<Map<InquiryStage, number>> {
  let query = db
    .selectFrom('inquiry')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId);
  if (coordinatorId) query = query.where('coordinator_id', '=', coordinatorId);
  const rows = await query.groupBy('stage').execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/**
 * The newest cards of every stage in one statement: a lateral subquery per stage walks the
 * (organization_id, stage, updated_at) index and stops after perStage rows, so the board costs
 * the same at ten thousand inquiries as at ten.
 */
export async function boardCardRows(
  db: Kysely<DB>,
  organizationId: string,
  perStage: number,
  coordinatorId?: string,
): Promise<CardRow[]> {
  const stages = sql.join(INQUIRY_STAGES.map((stage) => sql`(${stage})`));
  const byCoordinator = coordinatorId ? sql`and i.coordinator_id = ${coordinatorId}` : sql``;
  const result = await sql<CardRow>`
    select c.* from (values ${stages}) as s(stage)
    cross join lateral (
      select i.id, i.organization_id, i.reference, i.source, i.stage, i.first_name, i.last_name,
             i.help_wanted, i.coordinator_id, i.assessment_at, i.urgent, i.stage_changed_at, i.updated_at
      from inquiry i
      where i.organization_id = ${organizationId} and i.stage = s.stage ${byCoordinator}
      order by i.updated_at desc, i.id desc
      limit ${perStage}
    ) c
  `.execute(db);
  return result.rows;
}

export async function inquiriesOfPatient(db: Kysely<DB>, organizationId: string, patientId: string) {
  return db
    .selectFrom('inquiry')
    .select(INQUIRY_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .execute() as Promise<InquiryRow[]>;
}

// ---------------------------------------------------------------- stage history

export async function insertStageChange(db: Kysely<DB>, change: Insertable<InquiryStageChangeTable>) {
  await db.insertInto('inquiry_stage_change').values(change).execute();
}

export async function listStageChanges(db: Kysely<DB>, organizationId: string, inquiryId: string) {
  return db
    .selectFrom('inquiry_stage_change')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('inquiry_id', '=', inquiryId)
    .orderBy('changed_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

// ---------------------------------------------------------------- screenings

export async function insertScreening(db: Kysely<DB>, screening: Insertable<InquiryScreeningTable>) {
  return db.insertInto('inquiry_screening').values(screening).returningAll().executeTakeFirstOrThrow();
}

export async function listScreeningRows(
  db: Kysely<DB>,
  organizationId: string,
  inquiryId: string,
): Promise<InquiryScreeningRow[]> {
  return db
    .selectFrom('inquiry_screening')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('inquiry_id', '=', inquiryId)
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

export async function latestScreeningRow(db: Kysely<DB>, organizationId: string, inquiryId: string) {
  return db
    .selectFrom('inquiry_screening')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('inquiry_id', '=', inquiryId)
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The urgent flag follows the newest screening (a change of the row: its version moves on). */
export async function setInquiryUrgent(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  urgent: boolean,
  now: Date,
) {
  await db
    .updateTable('inquiry')
    .set((eb) => ({ urgent, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}
