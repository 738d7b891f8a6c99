import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  AddendumRow,
  AssessmentRow,
  NewAssessment,
  StoredDiagnosis,
  StoredRating,
  StoredSections,
} from './tables.js';

/** Inserts unless the episode has an assessment already (then undefined: two people started one at once). */
export async function insertAssessment(
  db: Kysely<DB>,
  row: NewAssessment,
): Promise<AssessmentRow | undefined> {
  return db
    .insertInto('assessment')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'episode_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findAssessment(db: Kysely<DB>, organizationId: string, id: string) {
  return db
    .selectFrom('assessment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findEpisodeAssessment(db: Kysely<DB>, organizationId: string, episodeId: string) {
  return db
    .selectFrom('assessment')
    .select(['id'])
    .where('organization_id', '=', organizationId)
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
}

export async function listPatientAssessments(db: Kysely<DB>, organizationId: string, patientId: string) {
  return db
    .selectFrom('assessment')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export interface DraftColumns {
  sections: StoredSections;
  asam_edition: '3' | '4';
  asam_ratings: StoredRating[];
  recommended_level: string | null;
  chosen_level: string | null;
  override_reason: string | null;
  diagnoses: StoredDiagnosis[];
  administration_ids: string[];
}

/** Saves a draft at the version the writer read; undefined when it moved on or was signed. */
export async function updateDraftAtVersion(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  version: number,
  draft: DraftColumns,
  now: Date,
): Promise<AssessmentRow | undefined> {
  return db
    .updateTable('assessment')
    .set((eb) => ({
      sections: JSON.stringify(draft.sections),
      asam_edition: draft.asam_edition,
      asam_ratings: JSON.stringify(draft.asam_ratings),
      recommended_level: draft.recommended_level,
      chosen_level: draft.chosen_level,
      override_reason: draft.override_reason,
      diagnoses: JSON.stringify(draft.diagnoses),
      administration_ids: draft.administration_ids,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function markSigned(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
  version: number,
  signature: { id: string; by: string; at: Date },
): Promise<AssessmentRow | undefined> {
  return db
    .updateTable('assessment')
    .set((eb) => ({
      status: 'signed',
      signature_id: signature.id,
      signed_at: signature.at,
      signed_by: signature.by,
      updated_at: signature.at,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function insertAddendum(
  db: Kysely<DB>,
  row: {
    id: string;
    organization_id: string;
    assessment_id: string;
    text: string;
    signature_id: string;
    created_by: string;
    created_at: Date;
  },
): Promise<AddendumRow> {
  return db.insertInto('assessment_addendum').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listAddendaOf(db: Kysely<DB>, organizationId: string, assessmentId: string) {
  return db
    .selectFrom('assessment_addendum')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
