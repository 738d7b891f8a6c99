import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EpisodeRow, EpisodeUpdate, NewEpisode } from './tables.js';

const dateText = (column: 'admission_date' | 'discharge_date') =>
  sql<string>`to_char(${sql.ref(`episode.${column}`)}, 'YYYY-MM-DD')`.as(column);

const COLUMNS = [
  'episode.id',
  'episode.organization_id',
  'episode.patient_id',
  'episode.track_id',
  'episode.level_of_care',
  'episode.status',
  'episode.discharge_reason',
  'episode.discharge_summary_id',
  'episode.primary_clinician_id',
  'episode.referral_source_id',
  'episode.referral_source_text',
  'episode.payer_note',
  'episode.part2',
  'episode.previous_episode_id',
  'episode.entry_kind',
  'episode.status_changed_at',
  'episode.created_at',
  'episode.updated_at',
  'episode.version',
] as const;

const RETURNING = COLUMNS.map((c) => c.slice('episode.'.length) as StripTable<typeof c>);
type StripTable<C extends string> = C extends `episode.${infer Column}` ? Column : never;
const returningColumns = [
  ...RETURNING,
  sql<string>`to_char(admission_date, 'YYYY-MM-DD')`.as('admission_date'),
  sql<string | null>`to_char(discharge_date, 'YYYY-MM-DD')`.as('discharge_date'),
] as const;

/** Every column, with dates as 'YYYY-MM-DD' text whatever the driver's date parsing. */
function episodeColumns<O>(query: SelectQueryBuilder<DB, 'episode', O>) {
  return query.select([...COLUMNS, dateText('admission_date'), dateText('discharge_date')]);
}

export async function insertEpisode(db: Kysely<DB>, episode: NewEpisode): Promise<EpisodeRow> {
  return db.insertInto('episode').values(episode).returning(returningColumns).executeTakeFirstOrThrow();
}

export async function findEpisode(db: Kysely<DB>, organizationId: string, id: string) {
  return episodeColumns(db.selectFrom('episode'))
    .where('episode.organization_id', '=', organizationId)
    .where('episode.id', '=', id)
    .executeTakeFirst() as Promise<EpisodeRow | undefined>;
}

/** Locks the episode row: a status change reads, decides and writes without a concurrent one between. */
export async function lockEpisode(db: Kysely<DB>, organizationId: string, id: string) {
  return episodeColumns(db.selectFrom('episode'))
    .where('episode.organization_id', '=', organizationId)
    .where('episode.id', '=', id)
    .forUpdate()
    .executeTakeFirst() as Promise<EpisodeRow | undefined>;
}

export async function listPatientEpisodes(db: Kysely<DB>, organizationId: string, patientId: string) {
  return episodeColumns(db.selectFrom('episode'))
    .where('episode.organization_id', '=', organizationId)
    .where('episode.patient_id', '=', patientId)
    .orderBy('episode.admission_date', 'desc')
    .orderBy('episode.id', 'desc')
    .limit(200)
    .execute() as Promise<EpisodeRow[]>;
}

export async function findOpenEpisode(db: Kysely<DB>, organizationId: string, patientId: string) {
  return episodeColumns(db.selectFrom('episode'))
    .where('episode.organization_id', '=', organizationId)
    .where('episode.patient_id', '=', patientId)
    .where('episode.status', '<>', 'discharged')
    .executeTakeFirst() as Promise<EpisodeRow | undefined>;
}

/** Which of these patients have an episode that is active now (not pending, on hold or discharged). */
export async function patientsWithActiveEpisode(
  db: Kysely<DB>,
  organizationId: string,
  patientIds: readonly string[],
): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const rows = await db
    .selectFrom('episode')
    .select('patient_id')
    .where('organization_id', '=', organizationId)
    .where('patient_id', 'in', [...patientIds])
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.patient_id);
}

export async function countPatientEpisodes(db: Kysely<DB>, organizationId: string, patientId: string) {
  const row = await db
    .selectFrom('episode')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateEpisodeAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  expectedVersion: number,
  changes: EpisodeUpdate,
  now: Date,
): Promise<EpisodeRow | undefined> {
  return db
    .updateTable('episode')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(returningColumns)
    .executeTakeFirst();
}

/** The current (not removed) diagnoses of the episodes, in their order. */
export async function listDiagnoses(db: Kysely<DB>, organizationId: string, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return [];
  return db
    .selectFrom('episode_diagnosis')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('episode_id', 'in', episodeIds)
    .where('removed_at', 'is', null)
    .orderBy('episode_id')
    .orderBy('position')
    .execute();
}

/**
 * Makes the episode's current diagnoses the given list: kept codes get their new order and
 * primary flag, dropped ones are marked removed (never deleted), new ones are added.
 */
export async function setDiagnoses(
  db: Kysely<DB>,
  organizationId: string,
  episodeId: string,
  diagnoses: { code: string; text: string; primary: boolean }[],
  by: { userId: string; now: Date; newId: () => string; fresh?: boolean },
) {
  // A new episode has no diagnoses yet: nothing to read, clear or remove.
  const current = by.fresh ? [] : await listDiagnoses(db, organizationId, [episodeId]);
  const wanted = new Map(diagnoses.map((d, position) => [d.code, { ...d, position }]));
  const scope = db
    .updateTable('episode_diagnosis')
    .where('organization_id', '=', organizationId)
    .where('episode_id', '=', episodeId)
    .where('removed_at', 'is', null);
  // Clear the primary flag first: the one-primary index is checked row by row.
  if (current.length > 0) await scope.set({ is_primary: false }).execute();
  const dropped = current.filter((d) => !wanted.has(d.code)).map((d) => d.id);
  if (dropped.length > 0) {
    await scope.set({ removed_at: by.now, removed_by: by.userId }).where('id', 'in', dropped).execute();
  }
  for (const row of current) {
    const next = wanted.get(row.code);
    if (!next) continue;
    await scope.set({ position: next.position, is_primary: next.primary }).where('id', '=', row.id).execute();
    wanted.delete(row.code);
  }
  if (wanted.size === 0) return;
  await db
    .insertInto('episode_diagnosis')
    .values(
      [...wanted.values()].map((d) => ({
        id: by.newId(),
        organization_id: organizationId,
        episode_id: episodeId,
        position: d.position,
        code: d.code,
        description: d.text,
        is_primary: d.primary,
        created_at: by.now,
        created_by: by.userId,
      })),
    )
    .execute();
}

export async function insertStatusChange(
  db: Kysely<DB>,
  change: {
    id: string;
    organization_id: string;
    episode_id: string;
    from_status: EpisodeRow['status'] | null;
    to_status: EpisodeRow['status'];
    reason: string | null;
    changed_by: string | null;
    changed_at: Date;
  },
) {
  await db.insertInto('episode_status_change').values(change).execute();
}

export async function listStatusChanges(db: Kysely<DB>, organizationId: string, episodeId: string) {
  return db
    .selectFrom('episode_status_change')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('episode_id', '=', episodeId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/** True when the error is the partial unique index refusing a second open episode. */
export function isOneOpenEpisodeViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return (
    e?.code === '23505' &&
    (e.constraint === 'episode_one_open_per_patient' ||
      (e.message ?? '').includes('episode_one_open_per_patient'))
  );
}
