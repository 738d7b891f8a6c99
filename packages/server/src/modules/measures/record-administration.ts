import {
  administrationSettings,
  checkAnswers,
  DomainError,
  getInstrument,
  type InstrumentCode,
  isNewDeterioration,
  riskAlertReasons,
  scoreInstrument,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { readPatient } from '../patients/index.js';
import { settingsFor } from './instrument-settings.js';
import { insertAdministration, seriesNeighbours } from './repo.js';
import { openRiskAlerts } from './risk-alerts.js';
import type { AdministrationRow } from './tables.js';
import { toOutcomePoint } from './to-api.js';

/** The episode a score belongs to, as far as measuring needs it. */
export interface EpisodeRef {
  id: string;
  part2: boolean;
  /** Null when unknown: the alert then goes to the clinicians' team. */
  primaryClinicianId: string | null;
}

export interface AdministrationToStore {
  organizationId: string;
  patientId: string;
  instrument: InstrumentCode;
  /** As given: checked here against the definition (a missing, extra or out-of-range answer → 422). */
  answers: unknown;
  administeredAt: Date;
  episode: EpisodeRef | null;
  /** Part 2 protection when there is no episode (any SUD episode of the patient protects). */
  part2WithoutEpisode: boolean;
  source: 'staff' | 'self_report';
  measureRequestId?: string | null;
  /** A correction: the entry it replaces and why. */
  supersedes?: { id: string; reason: string } | null;
}

/** Answers a clock a few minutes fast may stamp "now"; later than that is a typing error. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Scores and stores one administration, immutably, with the organization's settings and the
 * instrument version recorded with it, and opens its risk alert in the same transaction: a
 * critical answer, or a score that newly shows reliable deterioration against the series'
 * baseline (the episode's first score, or the patient's first when there is no episode).
 * Audited as measure.create, with the link as actor when no one is signed in.
 */
export async function storeAdministration(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: AdministrationToStore,
): Promise<AdministrationRow> {
  const orgId = input.organizationId;
  const code = input.instrument;
  const def = getInstrument(code);
  if (input.administeredAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
    throw DomainError.invalid(
      'administeredAt',
      'The time the answers were given is in the future. Check the date and time.',
    );
  }
  const patient = await readPatient(db, orgId, input.patientId);
  const answers = checkAnswers(def, input.answers);
  const settings = await settingsFor(db, orgId, code);
  const score = scoreInstrument(code, answers, administrationSettings(code, settings.score, patient));

  const id = newId();
  const { baseline, previous } = await seriesNeighbours(db, orgId, {
    patientId: input.patientId,
    instrument: code,
    episodeId: input.episode?.id,
    before: input.administeredAt,
    excludeId: input.supersedes?.id,
  });
  const current = { id, administeredAt: input.administeredAt, total: score.total, band: score.band };
  const deterioration =
    baseline && baseline.administered_at.getTime() <= input.administeredAt.getTime()
      ? isNewDeterioration(
          code,
          {
            baseline: toOutcomePoint(baseline),
            previous: previous ? toOutcomePoint(previous) : null,
            current,
          },
          settings.change,
        )
      : null;
  const reasons = riskAlertReasons(score.flags, deterioration);
  const alertTaskIds = await openRiskAlerts(db, ctx, {
    organizationId: orgId,
    administrationId: id,
    patientId: input.patientId,
    instrument: code,
    reasons,
    primaryClinicianId: input.episode?.primaryClinicianId ?? null,
  });

  const row = await insertAdministration(db, {
    id,
    organization_id: orgId,
    patient_id: input.patientId,
    episode_id: input.episode?.id ?? null,
    instrument_code: code,
    instrument_version: score.version,
    answers: JSON.stringify(answers),
    total: score.total,
    band_code: score.band.code,
    band_label: score.band.label,
    flags: JSON.stringify(score.flags),
    subscales: JSON.stringify(score.subscales ?? null),
    settings_used: JSON.stringify(score.settingsUsed),
    administered_at: input.administeredAt,
    source: input.source,
    entered_by: ctx.actor?.userId ?? null,
    measure_request_id: input.measureRequestId ?? null,
    supersedes_id: input.supersedes?.id ?? null,
    correction_reason: input.supersedes?.reason ?? null,
    part2: input.episode ? input.episode.part2 : input.part2WithoutEpisode,
    alert_task_ids: alertTaskIds,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'measure.create',
    organizationId: orgId,
    ...(ctx.actor ? {} : { actorLabel: 'one-time link' }),
    resourceType: 'measure_administration',
    resourceId: id,
    patientId: input.patientId,
    details: {
      instrument: code,
      version: score.version,
      episodeId: input.episode?.id ?? null,
      source: input.source,
      flags: score.flags.map((f) => f.code),
      alerts: reasons.map((r) => r.code),
      alertTaskIds,
      ...(input.measureRequestId ? { measureRequestId: input.measureRequestId } : {}),
      ...(input.supersedes ? { supersedesId: input.supersedes.id } : {}),
    },
  });
  return row;
}
