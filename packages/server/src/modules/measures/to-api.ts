import type { api, InstrumentCode, OutcomePoint } from '@trellis/domain';
import type { AdministrationRow } from './tables.js';

export function toAdministration(row: AdministrationRow): api.Administration {
  return {
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    instrument: row.instrument_code as InstrumentCode,
    instrumentVersion: row.instrument_version,
    answers: row.answers,
    total: row.total,
    band: { code: row.band_code, label: row.band_label },
    flags: row.flags,
    subscales: row.subscales,
    settingsUsed: row.settings_used,
    administeredAt: row.administered_at.toISOString(),
    source: row.source,
    enteredBy: row.entered_by,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by_id,
    correctionReason: row.correction_reason,
    part2: row.part2,
    alertTaskIds: row.alert_task_ids,
    createdAt: row.created_at.toISOString(),
  };
}

/** A stored score as the outcome rules take it. */
export function toOutcomePoint(row: {
  id: string;
  total: number | null;
  band_code: string;
  band_label: string;
  administered_at: Date;
}): OutcomePoint {
  return {
    id: row.id,
    administeredAt: row.administered_at,
    total: row.total,
    band: { code: row.band_code, label: row.band_label },
  };
}

export function pointToApi(point: OutcomePoint) {
  return {
    id: point.id,
    administeredAt: point.administeredAt.toISOString(),
    total: point.total,
    band: point.band,
  };
}
