import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  AppointmentTable,
  CalendarFeedTable,
  EnrollmentTable,
  GroupSeriesTable,
  NewSeries,
  SeriesExceptionTable,
} from './tables.js';

/** Dates as 'YYYY-MM-DD' text: drivers would turn a date into a midnight instant. */
const asDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const asNullableDate = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

// ---- Group series ----

function seriesColumns() {
  return [
    'id',
    'organization_id',
    'track_id',
    'location_id',
    'title',
    'kind',
    'weekdays',
    'start_time',
    'duration_minutes',
    asDate('start_date').as('start_date'),
    asNullableDate('end_date').as('end_date'),
    'room_id',
    'facilitator_ids',
    'capacity',
    'curriculum',
    'curriculum_start_module',
    'previous_series_id',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ] as const;
}

export async function insertSeries(db: Kysely<DB>, series: NewSeries) {
  await db.insertInto('group_series').values(series).execute();
  return (await findSeries(db, series.organization_id, series.id)) as NonNullable<
    Awaited<ReturnType<typeof findSeries>>
  >;
}

export async function findSeries(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('group_series')
    .select(seriesColumns())
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Locks the series for the rest of the transaction: changes to one series are serialized. */
export async function lockSeries(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('group_series')
    .select(seriesColumns())
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listSeries(
  db: Kysely<DB>,
  organizationId: string,
  filter: { trackId?: string | undefined; locationId?: string | undefined; activeFrom?: string } = {},
) {
  let query = db
    .selectFrom('group_series')
    .select(seriesColumns())
    .where('organization_id', '=', organizationId);
  if (filter.trackId) query = query.where('track_id', '=', filter.trackId);
  if (filter.locationId) query = query.where('location_id', '=', filter.locationId);
  if (filter.activeFrom) {
    const from = filter.activeFrom;
    query = query.where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]));
  }
  return query.orderBy('start_date').orderBy('id').limit(2000).execute();
}

export async function updateSeriesAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<GroupSeriesTable>,
  now: Date,
) {
  const result = await db
    .updateTable('group_series')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? findSeries(db, organizationId, id) : undefined;
}

// ---- Exceptions, closures, materialized occurrences ----

export async function listExceptions(db: Kysely<DB>, organizationId: string, seriesIds: readonly string[]) {
  if (seriesIds.length === 0) return [];
  return db
    .selectFrom('series_exception')
    .select(['series_id', 'kind', 'detail', asDate('original_date').as('original_date')])
    .where('organization_id', '=', organizationId)
    .where('series_id', 'in', seriesIds)
    .orderBy('created_at')
    .execute();
}

/** A later exception of the same kind for the same date replaces the earlier one. */
export async function saveException(db: Kysely<DB>, row: Insertable<SeriesExceptionTable>) {
  await db
    .insertInto('series_exception')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['series_id', 'original_date', 'kind']).doUpdateSet((eb) => ({
        detail: eb.ref('excluded.detail'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`series_exception.version + 1`,
      })),
    )
    .execute();
}

export async function listClosures(
  db: Kysely<DB>,
  organizationId: string,
  locationIds: readonly string[],
  range?: { from: string; to: string },
) {
  if (locationIds.length === 0) return [];
  let query = db
    .selectFrom('location_closure')
    .select(['id', 'location_id', 'reason', asDate('closed_on').as('closed_on')])
    .where('organization_id', '=', organizationId)
    .where('location_id', 'in', locationIds);
  if (range) query = query.where('closed_on', '>=', range.from).where('closed_on', '<=', range.to);
  return query.orderBy('closed_on').execute();
}

export async function insertClosure(db: Kysely<DB>, row: Insertable<DB['location_closure']>) {
  const inserted = await db
    .insertInto('location_closure')
    .values(row)
    .onConflict((oc) => oc.columns(['location_id', 'closed_on']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Removes a closure day; answers the removed row (none when it was not there). */
export async function deleteClosure(db: Kysely<DB>, organizationId: string, locationId: string, id: string) {
  return db
    .deleteFrom('location_closure')
    .where('organization_id', '=', organizationId)
    .where('location_id', '=', locationId)
    .where('id', '=', id)
    .returning(['id', 'location_id', 'reason', asDate('closed_on').as('closed_on')])
    .executeTakeFirst();
}

export async function findOccurrenceRecord(db: Kysely<DB>, organizationId: string, key: string) {
  return db
    .selectFrom('series_occurrence')
    .select(['id', 'series_id', 'occurrence_key', asDate('original_date').as('original_date')])
    .where('organization_id', '=', organizationId)
    .where('occurrence_key', '=', key)
    .executeTakeFirst();
}

export async function insertOccurrenceRecord(db: Kysely<DB>, row: Insertable<DB['series_occurrence']>) {
  await db
    .insertInto('series_occurrence')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'occurrence_key']).doNothing())
    .execute();
}

/** Materialized occurrences of a series on or after a date (a split must leave them in place). */
export async function occurrenceRecordsFrom(
  db: Kysely<DB>,
  organizationId: string,
  seriesId: string,
  from: string,
) {
  return db
    .selectFrom('series_occurrence')
    .select([asDate('original_date').as('original_date')])
    .where('organization_id', '=', organizationId)
    .where('series_id', '=', seriesId)
    .where('original_date', '>=', from)
    .orderBy('original_date')
    .execute();
}

// ---- Enrollments ----

function enrollmentColumns() {
  return [
    'id',
    'organization_id',
    'episode_id',
    'patient_id',
    'track_id',
    asDate('start_date').as('start_date'),
    asNullableDate('end_date').as('end_date'),
    'weekdays',
    'below_minimum_reason',
    'availability',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ] as const;
}

export async function insertEnrollment(db: Kysely<DB>, row: Insertable<EnrollmentTable>) {
  await db.insertInto('enrollment').values(row).execute();
}

export async function findEnrollmentByEpisode(db: Kysely<DB>, organizationId: string, episodeId: string) {
  return db
    .selectFrom('enrollment')
    .select(enrollmentColumns())
    .where('organization_id', '=', organizationId)
    .where('episode_id', '=', episodeId)
    .forUpdate()
    .executeTakeFirst();
}

/** Enrollments running at some point of [from, to]; by track or by patient. */
export async function listEnrollments(
  db: Kysely<DB>,
  organizationId: string,
  filter: { from: string; to: string; trackIds?: readonly string[]; patientId?: string },
) {
  let query = db
    .selectFrom('enrollment')
    .select(enrollmentColumns())
    .where('organization_id', '=', organizationId)
    .where('start_date', '<=', filter.to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', filter.from)]));
  if (filter.trackIds) {
    if (filter.trackIds.length === 0) return [];
    query = query.where('track_id', 'in', filter.trackIds);
  }
  if (filter.patientId) query = query.where('patient_id', '=', filter.patientId);
  return query.orderBy('start_date').execute();
}

export async function updateEnrollmentAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<EnrollmentTable>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('enrollment')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- Appointments ----

export async function insertAppointment(db: Kysely<DB>, row: Insertable<AppointmentTable>) {
  return db.insertInto('appointment').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAppointment(db: Kysely<DB>, organizationId: string, id: string, lock = false) {
  let query = db
    .selectFrom('appointment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function updateAppointmentAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: Updateable<AppointmentTable>,
  now: Date,
) {
  return db
    .updateTable('appointment')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Appointments overlapping [from, to); cancelled ones only when asked. */
export async function listAppointments(
  db: Kysely<DB>,
  organizationId: string,
  filter: {
    from: Date;
    to: Date;
    patientId?: string;
    clinicianId?: string;
    roomId?: string;
    includeCancelled?: boolean;
  },
) {
  // An appointment lasts at most a day (constraint appointment_at_most_a_day): the lower bound on
  // starts_at makes the overlap test a range of the (organization_id, starts_at) index.
  let query = db
    .selectFrom('appointment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('starts_at', '<', filter.to)
    .where('starts_at', '>', new Date(filter.from.getTime() - 86_400_000))
    .where('ends_at', '>', filter.from);
  if (!filter.includeCancelled) query = query.where('status', '!=', 'cancelled');
  if (filter.clinicianId) query = query.where('clinician_id', '=', filter.clinicianId);
  if (filter.roomId) query = query.where('room_id', '=', filter.roomId);
  if (filter.patientId) {
    query = query.where(sql<boolean>`participant_ids @> array[${filter.patientId}]::uuid[]`);
  }
  return query.orderBy('starts_at').limit(5000).execute();
}

// ---- Working hours ----

export async function listWorkingHours(db: Kysely<DB>, organizationId: string, clinicianId: string) {
  return db
    .selectFrom('clinician_working_hours')
    .select(['weekday', 'start_time', 'end_time'])
    .where('organization_id', '=', organizationId)
    .where('clinician_id', '=', clinicianId)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
}

export async function replaceWorkingHours(
  db: Kysely<DB>,
  organizationId: string,
  clinicianId: string,
  rows: Insertable<DB['clinician_working_hours']>[],
) {
  await db
    .deleteFrom('clinician_working_hours')
    .where('organization_id', '=', organizationId)
    .where('clinician_id', '=', clinicianId)
    .execute();
  if (rows.length > 0) await db.insertInto('clinician_working_hours').values(rows).execute();
}

// ---- Calendar feeds ----

export async function insertFeed(db: Kysely<DB>, row: Insertable<CalendarFeedTable>) {
  return db.insertInto('calendar_feed').values(row).returningAll().executeTakeFirstOrThrow();
}

/** By token alone: the public feed route has no organization until the token names one. */
export async function findFeedByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('calendar_feed').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findFeed(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('calendar_feed')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listFeeds(
  db: Kysely<DB>,
  organizationId: string,
  filter: { owner?: 'clinician' | 'participant'; subjectId?: string },
) {
  let query = db.selectFrom('calendar_feed').selectAll().where('organization_id', '=', organizationId);
  if (filter.owner) query = query.where('owner', '=', filter.owner);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  return query.orderBy('created_at', 'desc').limit(200).execute();
}

export async function revokeFeedRow(db: Kysely<DB>, organizationId: string, id: string, now: Date) {
  await db
    .updateTable('calendar_feed')
    .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function touchFeed(db: Kysely<DB>, id: string, organizationId: string, now: Date) {
  await db
    .updateTable('calendar_feed')
    .set({ last_read_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}
