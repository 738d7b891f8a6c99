import {
  type AssessmentContent,
  type AssessmentSections,
  type api,
  missingForSignature,
  recommendLevelOfCare,
} from '@trellis/domain';
import type { AddendumRow, AssessmentRow } from './tables.js';

export function contentOf(row: AssessmentRow): AssessmentContent {
  return {
    sections: row.sections as AssessmentSections,
    asam: { edition: row.asam_edition, ratings: row.asam_ratings },
    levelOfCare: { chosen: row.chosen_level, overrideReason: row.override_reason },
    diagnoses: row.diagnoses,
  };
}

/**
 * Exactly what a signature covers: the whole clinical content with the recommendation the
 * clinician saw, and which patient and episode it is about. Canonical JSON of this is hashed.
 */
export function signedContent(row: AssessmentRow) {
  return {
    documentType: 'assessment',
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    sections: row.sections,
    asam: { edition: row.asam_edition, ratings: row.asam_ratings },
    levelOfCare: {
      recommended: row.recommended_level,
      chosen: row.chosen_level,
      overrideReason: row.override_reason,
    },
    diagnoses: row.diagnoses,
    administrationIds: row.administration_ids,
  };
}

export function toAssessment(
  row: AssessmentRow,
  signature: api.Signature | null,
  addenda: readonly { row: AddendumRow; signature: api.Signature }[],
): api.Assessment {
  const content = contentOf(row);
  const recommendation = recommendLevelOfCare(row.asam_edition, row.asam_ratings);
  return {
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    status: row.status,
    sections: row.sections,
    asam: { edition: row.asam_edition, ratings: row.asam_ratings },
    recommendation: recommendation ? { ...recommendation, reasons: [...recommendation.reasons] } : null,
    levelOfCare: { chosen: row.chosen_level, overrideReason: row.override_reason },
    diagnoses: row.diagnoses,
    administrationIds: row.administration_ids,
    missing: row.status === 'signed' ? [] : missingForSignature(content),
    signature,
    addenda: addenda.map((a) => ({
      id: a.row.id,
      text: a.row.text,
      createdBy: a.row.created_by,
      createdAt: a.row.created_at.toISOString(),
      signature: a.signature,
    })),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    signedAt: row.signed_at?.toISOString() ?? null,
    version: row.version,
  };
}

export function toSummary(row: AssessmentRow): api.AssessmentSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    signedAt: row.signed_at?.toISOString() ?? null,
    version: row.version,
    recommendedLevel: row.recommended_level,
    chosenLevel: row.chosen_level,
  };
}
