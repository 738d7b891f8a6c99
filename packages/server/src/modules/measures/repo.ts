import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  AdministrationRow,
  DraftAnswers,
  InstrumentSettingRow,
  MeasureRequestRow,
  MeasureScheduleRow,
  NewAdministration,
  StoredCriterion,
  StoredScheduleRule,
} from './tables.js';

// ---- administrations ---------------------------------------------------------------------------

export async function insertAdministration(
  db: Kysely<DB>,
  row: NewAdministration,
): Promise<AdministrationRow> {
  return db.insertInto('measure_administration').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAdministration(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('measure_administration')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findAdministrations(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('measure_administration')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Marks a row replaced by its correction, once: of two concurrent corrections one wins. */
export async function markSuperseded(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  supersededById: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('measure_administration')
    .set((eb) => ({ superseded_by_id: supersededById, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('superseded_by_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listPatientAdministrations(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  options: { instrument?: string | undefined; includeSuperseded: boolean; limit: number },
) {
  let query = db
    .selectFrom('measure_administration')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId);
  if (options.instrument) query = query.where('instrument_code', '=', options.instrument);
  if (!options.includeSuperseded) query = query.where('superseded_by_id', 'is', null);
  return query.orderBy('administered_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export interface SeriesScope {
  patientId: string;
  instrument: string;
  /** An episode's series; without it the patient's whole history. */
  episodeId?: string | null | undefined;
}

const SERIES_COLUMNS = ['id', 'total', 'band_code', 'band_label', 'administered_at'] as const;

/** The current (not superseded) scores of one series, oldest first. */
export async function listSeries(db: Kysely<DB>, organizationId: string, scope: SeriesScope) {
  let query = db
    .selectFrom('measure_administration')
    .select(SERIES_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', scope.patientId)
    .where('instrument_code', '=', scope.instrument)
    .where('superseded_by_id', 'is', null);
  if (scope.episodeId) query = query.where('episode_id', '=', scope.episodeId);
  return query.orderBy('administered_at').orderBy('id').execute();
}

/**
 * What a new score is compared with: the series' first score (baseline) and the latest one
 * given before `before`. `excludeId` leaves out the entry a correction replaces.
 */
export async function seriesNeighbours(
  db: Kysely<DB>,
  organizationId: string,
  scope: SeriesScope & { before: Date; excludeId?: string | undefined },
) {
  const base = () => {
    let query = db
      .selectFrom('measure_administration')
      .select(SERIES_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', scope.patientId)
      .where('instrument_code', '=', scope.instrument)
      .where('superseded_by_id', 'is', null);
    if (scope.episodeId) query = query.where('episode_id', '=', scope.episodeId);
    if (scope.excludeId) query = query.where('id', '<>', scope.excludeId);
    return query;
  };
  const [baseline, previous] = await Promise.all([
    base().orderBy('administered_at').orderBy('id').limit(1).executeTakeFirst(),
    base()
      .where('administered_at', '<=', scope.before)
      .orderBy('administered_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { baseline, previous };
}

/**
 * The instant of each patient's latest current score per instrument, for every patient of the
 * due list at once: one statement, one index probe (measure_administration_patient_idx, newest
 * first, LIMIT 1) per patient and instrument. DISTINCT ON over `patient_id = any(…)` looked
 * the same but PostgreSQL planned it as a parallel scan of the whole table (350 ms at 175,000
 * rows); the lateral probes stay a few milliseconds.
 */
export async function latestAdministrations(
  db: Kysely<DB>,
  organizationId: string,
  patientIds: readonly string[],
  instruments: readonly string[],
) {
  if (patientIds.length === 0 || instruments.length === 0) return [];
  const result = await sql<{ patient_id: string; instrument_code: string; administered_at: Date }>`
    select p.patient_id, i.instrument_code, m.administered_at
    from unnest(${sql.val([...patientIds])}::uuid[]) as p(patient_id)
    cross join unnest(${sql.val([...instruments])}::text[]) as i(instrument_code)
    cross join lateral (
      select administered_at from measure_administration
      where organization_id = ${organizationId}
        and patient_id = p.patient_id
        and instrument_code = i.instrument_code
        and superseded_by_id is null
      order by administered_at desc
      limit 1
    ) m
  `.execute(db);
  return result.rows;
}

export interface EpisodeEnds {
  id: string;
  episode_id: string;
  patient_id: string;
  total: number | null;
  band_code: string;
  band_label: string;
  administered_at: Date;
  first_rank: number;
  last_rank: number;
  n: number;
}

/**
 * The baseline (first) and latest current score of an instrument in each of the episodes, with
 * how many scores each has, in one pass over measure_administration_episode_idx.
 */
export async function episodeEnds(
  db: Kysely<DB>,
  organizationId: string,
  episodeIds: readonly string[],
  instrument: string,
): Promise<EpisodeEnds[]> {
  if (episodeIds.length === 0) return [];
  const result = await sql<EpisodeEnds>`
    select * from (
      select id, episode_id, patient_id, total, band_code, band_label, administered_at,
        (row_number() over (partition by episode_id order by administered_at, id))::integer as first_rank,
        (row_number() over (partition by episode_id order by administered_at desc, id desc))::integer as last_rank,
        (count(*) over (partition by episode_id))::integer as n
      from measure_administration
      where organization_id = ${organizationId}
        and episode_id = any(${sql.val([...episodeIds])}::uuid[])
        and instrument_code = ${instrument}
        and superseded_by_id is null
    ) ranked
    where first_rank = 1 or last_rank = 1
  `.execute(db);
  return result.rows;
}

// ---- episodes, through the view this module reads them by ----------------------------------------

export interface MeasuredEpisode {
  id: string;
  patient_id: string;
  track_id: string;
  primary_clinician_id: string;
  status: 'pending' | 'active' | 'on_hold' | 'discharged';
  admission_date: string;
  discharge_date: string | null;
  rules: StoredScheduleRule[];
}

/**
 * Episodes with a measurement schedule that can have something due: open ones, and those
 * discharged since `dischargedSince` (a discharge measure stays on the list a while). One query,
 * joined with the schedule of their track.
 */
export async function episodesWithSchedule(
  db: Kysely<DB>,
  organizationId: string,
  filter: { primaryClinicianId?: string | undefined; trackId?: string | undefined; dischargedSince: string },
): Promise<MeasuredEpisode[]> {
  let query = db
    .selectFrom('measurement_episode as e')
    .innerJoin('measure_schedule as s', (join) =>
      join.onRef('s.track_id', '=', 'e.track_id').onRef('s.organization_id', '=', 'e.organization_id'),
    )
    .select([
      'e.id',
      'e.patient_id',
      'e.track_id',
      'e.primary_clinician_id',
      'e.status',
      sql<string>`to_char(e.admission_date, 'YYYY-MM-DD')`.as('admission_date'),
      sql<string | null>`to_char(e.discharge_date, 'YYYY-MM-DD')`.as('discharge_date'),
      's.rules',
    ])
    .where('e.organization_id', '=', organizationId)
    .where((eb) =>
      eb.or([eb('e.status', '<>', 'discharged'), eb('e.discharge_date', '>=', filter.dischargedSince)]),
    );
  if (filter.primaryClinicianId)
    query = query.where('e.primary_clinician_id', '=', filter.primaryClinicianId);
  if (filter.trackId) query = query.where('e.track_id', '=', filter.trackId);
  return (await query.execute()) as MeasuredEpisode[];
}

/** The active episodes of a track (for its outcome view). */
export async function activeEpisodesOfTrack(db: Kysely<DB>, organizationId: string, trackId: string) {
  return db
    .selectFrom('measurement_episode')
    .select(['id', 'patient_id'])
    .where('organization_id', '=', organizationId)
    .where('track_id', '=', trackId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

// ---- self-report requests ----------------------------------------------------------------------

export async function insertMeasureRequest(
  db: Kysely<DB>,
  row: {
    id: string;
    organization_id: string;
    patient_id: string;
    episode_id: string | null;
    instruments: string[];
    link_id: string;
    expires_at: Date;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  },
): Promise<MeasureRequestRow> {
  return db.insertInto('measure_request').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findMeasureRequest(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('measure_request')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Saves the draft of an open request; undefined when it was submitted meanwhile. */
export async function saveDraft(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  draft: DraftAnswers,
  now: Date,
) {
  return db
    .updateTable('measure_request')
    .set((eb) => ({
      draft: JSON.stringify(draft),
      draft_saved_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function markSubmitted(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  administrationIds: string[],
  now: Date,
) {
  return db
    .updateTable('measure_request')
    .set((eb) => ({
      status: 'submitted',
      submitted_at: now,
      administration_ids: administrationIds,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

// ---- schedules ---------------------------------------------------------------------------------

export async function findSchedule(
  db: Kysely<DB>,
  organizationId: string,
  trackId: string,
): Promise<MeasureScheduleRow | undefined> {
  return db
    .selectFrom('measure_schedule')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('track_id', '=', trackId)
    .executeTakeFirst();
}

/** First save: undefined when someone else saved first (the caller answers stale). */
export async function insertSchedule(
  db: Kysely<DB>,
  row: { id: string; organization_id: string; track_id: string; rules: StoredScheduleRule[]; now: Date },
) {
  return db
    .insertInto('measure_schedule')
    .values({
      id: row.id,
      organization_id: row.organization_id,
      track_id: row.track_id,
      rules: JSON.stringify(row.rules),
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'track_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateScheduleAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  trackId: string,
  version: number,
  rules: StoredScheduleRule[],
  now: Date,
) {
  return db
    .updateTable('measure_schedule')
    .set((eb) => ({ rules: JSON.stringify(rules), updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('track_id', '=', trackId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- instrument settings -----------------------------------------------------------------------

export async function listInstrumentSettingRows(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('instrument_setting')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function findInstrumentSetting(
  db: Kysely<DB>,
  organizationId: string,
  instrument: string,
): Promise<InstrumentSettingRow | undefined> {
  return db
    .selectFrom('instrument_setting')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('instrument_code', '=', instrument)
    .executeTakeFirst();
}

export async function insertInstrumentSetting(
  db: Kysely<DB>,
  row: {
    id: string;
    organization_id: string;
    instrument_code: string;
    score_settings: Record<string, string | number>;
    reliable_change: StoredCriterion | null;
    now: Date;
  },
) {
  return db
    .insertInto('instrument_setting')
    .values({
      id: row.id,
      organization_id: row.organization_id,
      instrument_code: row.instrument_code,
      score_settings: JSON.stringify(row.score_settings),
      reliable_change: JSON.stringify(row.reliable_change),
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'instrument_code']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateInstrumentSettingAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  instrument: string,
  version: number,
  values: { score_settings: Record<string, string | number>; reliable_change: StoredCriterion | null },
  now: Date,
) {
  return db
    .updateTable('instrument_setting')
    .set((eb) => ({
      score_settings: JSON.stringify(values.score_settings),
      reliable_change: JSON.stringify(values.reliable_change),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('instrument_code', '=', instrument)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
