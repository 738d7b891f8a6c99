import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  NewPlan,
  NewVersion,
  PlanRow,
  PlanTemplateTable,
  ReviewRow,
  StoredProgress,
  TreatmentPlanTable,
  TreatmentPlanVersionTable,
  VersionRow,
} from './tables.js';

// ---- Plans ----

/** Inserts unless the episode has a plan already (then undefined: two people started one at once). */
export async function insertPlan(db: Kysely<DB>, row: NewPlan): Promise<PlanRow | undefined> {
  return db
    .insertInto('treatment_plan')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'episode_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findPlan(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('treatment_plan')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findEpisodePlan(db: Kysely<DB>, organizationId: string, episodeId: string) {
  return db
    .selectFrom('treatment_plan')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
}

/**
 * Moves the plan to its next version number (the If-Match counter) when it is still at the
 * version the writer read; undefined when someone else wrote first. The row stays locked until
 * the transaction ends, so concurrent writers of one plan queue behind each other.
 */
export async function bumpPlanAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<TreatmentPlanTable>, 'version' | 'updated_at'>,
  now: Date,
): Promise<PlanRow | undefined> {
  return db
    .updateTable('treatment_plan')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---- Versions ----

export async function insertVersion(db: Kysely<DB>, row: NewVersion): Promise<VersionRow> {
  return db.insertInto('treatment_plan_version').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findVersion(db: Kysely<DB>, organizationId: string, planId: string, number: number) {
  return db
    .selectFrom('treatment_plan_version')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function listVersionRows(db: Kysely<DB>, organizationId: string, planId: string) {
  return db
    .selectFrom('treatment_plan_version')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
}

export async function updateVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  changes: Omit<Updateable<TreatmentPlanVersionTable>, 'updated_at'>,
  now: Date,
): Promise<VersionRow> {
  return db
    .updateTable('treatment_plan_version')
    .set({ ...changes, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- Revisions (content after each save) ----

export async function insertRevision(
  db: Kysely<DB>,
  row: {
    organization_id: string;
    plan_id: string;
    plan_version: number;
    version_number: number;
    content: string;
    saved_by: string;
    saved_at: Date;
  },
) {
  await db.insertInto('treatment_plan_revision').values(row).execute();
}

/** The content as it was at a plan version: the last save at or before it. */
export async function findRevisionAt(
  db: Kysely<DB>,
  organizationId: string,
  planId: string,
  planVersion: number,
) {
  return db
    .selectFrom('treatment_plan_revision')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .where('plan_version', '<=', planVersion)
    .orderBy('plan_version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function latestRevision(db: Kysely<DB>, organizationId: string, planId: string) {
  return db
    .selectFrom('treatment_plan_revision')
    .select(['saved_by', 'saved_at', 'plan_version'])
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('plan_version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ---- Reviews ----

export async function insertReview(
  db: Kysely<DB>,
  row: {
    id: string;
    organization_id: string;
    plan_id: string;
    reviewed_number: number;
    resulting_number: number;
    reviewed_on: string;
    summary: string;
    participant_comment: string;
    progress: StoredProgress[];
    reviewed_by: string;
    created_at: Date;
  },
): Promise<ReviewRow> {
  await db
    .insertInto('plan_review')
    .values({ ...row, progress: JSON.stringify(row.progress) })
    .execute();
  return row;
}

const reviewColumns = [
  'id',
  'organization_id',
  'plan_id',
  'reviewed_number',
  'resulting_number',
  'summary',
  'participant_comment',
  'progress',
  'reviewed_by',
  'created_at',
] as const;

export async function listReviewRows(db: Kysely<DB>, organizationId: string, planId: string) {
  return db
    .selectFrom('plan_review')
    .select((eb) => [
      ...reviewColumns,
      eb.fn<string>('to_char', ['reviewed_on', eb.val('YYYY-MM-DD')]).as('reviewed_on'),
    ])
    .where('organization_id', '=', organizationId)
    .where('plan_id', '=', planId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ---- Signature links ----

export async function insertSignatureLink(
  db: Kysely<DB>,
  row: {
    link_id: string;
    organization_id: string;
    plan_id: string;
    version_number: number;
    created_by: string;
    created_at: Date;
  },
) {
  await db.insertInto('plan_signature_link').values(row).execute();
}

export async function findSignatureLink(db: Kysely<DB>, organizationId: string, linkId: string) {
  return db
    .selectFrom('plan_signature_link')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('link_id', '=', linkId)
    .executeTakeFirst();
}

// ---- Templates ----

export async function listTemplateRows(db: Kysely<DB>, organizationId: string, includeArchived: boolean) {
  let query = db.selectFrom('plan_template').selectAll().where('organization_id', '=', organizationId);
  if (!includeArchived) query = query.where('active', '=', true);
  return query.orderBy('title').orderBy('id').execute();
}

export async function starterKeysOf(db: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_template')
    .select('starter_key')
    .where('organization_id', '=', organizationId)
    .where('starter_key', 'is not', null)
    .execute();
  return rows.map((r) => r.starter_key as string);
}

export async function findTemplate(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('plan_template')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findTemplates(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('plan_template')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

export interface NewTemplateValues {
  id: string;
  organization_id: string;
  starter_key: string | null;
  title: string;
  description: string;
  content: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Inserts templates; a starter the organization already has (by key) is left alone. */
export async function insertTemplates(db: Kysely<DB>, rows: NewTemplateValues[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('plan_template')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['organization_id', 'starter_key']).where('starter_key', 'is not', null).doNothing(),
    )
    .returningAll()
    .execute();
}

export async function updateTemplateAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<PlanTemplateTable>, 'version' | 'updated_at'>,
  now: Date,
) {
  return db
    .updateTable('plan_template')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---- Settings ----

export async function findSettings(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('plan_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export interface SettingsValues {
  sign_deadline_days: number;
  review_cadence_days: number;
  cosignature_required: boolean;
}

export async function insertSettings(
  db: Kysely<DB>,
  organizationId: string,
  values: SettingsValues,
  now: Date,
) {
  return db
    .insertInto('plan_settings')
    .values({ organization_id: organizationId, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateSettingsAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  expectedVersion: number,
  values: SettingsValues,
  now: Date,
) {
  return db
    .updateTable('plan_settings')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---- Due list ----

/**
 * The open episodes (the caller's caseload, or all) with their plan's state: one query over the
 * plan_episode view and treatment_plan, whatever the number of patients.
 */
export async function openEpisodesWithPlans(
  db: Kysely<DB>,
  organizationId: string,
  filter: { primaryClinicianId?: string | undefined },
) {
  let query = db
    .selectFrom('plan_episode as e')
    .leftJoin('treatment_plan as p', (join) =>
      join.onRef('p.organization_id', '=', 'e.organization_id').onRef('p.episode_id', '=', 'e.id'),
    )
    .select([
      'e.id as episode_id',
      'e.patient_id',
      'e.primary_clinician_id',
      'e.admission_date',
      'p.id as plan_id',
      'p.status as plan_status',
      'p.effective_signed_at',
    ])
    .where('e.organization_id', '=', organizationId);
  if (filter.primaryClinicianId)
    query = query.where('e.primary_clinician_id', '=', filter.primaryClinicianId);
  return query.execute();
}
