import { ASAM_LEVEL, type api } from '@trellis/domain';
import type { EpisodeDiagnosisRow, EpisodeRow, EpisodeStatusChangeRow } from './tables.js';

export function toEpisode(
  row: EpisodeRow,
  diagnoses: readonly EpisodeDiagnosisRow[],
  history?: readonly EpisodeStatusChangeRow[],
): api.Episode {
  return {
    id: row.id,
    patientId: row.patient_id,
    trackId: row.track_id,
    levelOfCare: row.level_of_care,
    asamLevel: ASAM_LEVEL[row.level_of_care],
    status: row.status,
    admissionDate: row.admission_date,
    dischargeDate: row.discharge_date,
    dischargeReason: row.discharge_reason,
    dischargeSummaryId: row.discharge_summary_id,
    primaryClinicianId: row.primary_clinician_id,
    referralSource:
      row.referral_source_id || row.referral_source_text
        ? { id: row.referral_source_id, text: row.referral_source_text }
        : null,
    payerNote: row.payer_note,
    part2: row.part2,
    previousEpisodeId: row.previous_episode_id,
    entryKind: row.entry_kind,
    diagnoses: diagnoses
      .filter((d) => d.episode_id === row.id)
      .map((d) => ({ code: d.code, text: d.description, primary: d.is_primary })),
    ...(history
      ? {
          statusHistory: history.map((h) => ({
            from: h.from_status,
            to: h.to_status,
            reason: h.reason,
            changedBy: h.changed_by,
            changedAt: h.changed_at.toISOString(),
          })),
        }
      : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
