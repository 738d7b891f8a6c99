import {
  type api,
  type InstrumentCode,
  type OutcomePoint,
  outcomeSeries,
  summarizeOutcomes,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { getTrackName } from '../programs/index.js';
import { settingsFor } from './instrument-settings.js';
import { activeEpisodesOfTrack, episodeEnds, listSeries } from './repo.js';
import { pointToApi, toOutcomePoint } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

function changeToApi(change: ReturnType<typeof outcomeSeries>['change']) {
  if (!change) return null;
  const { baseline, current, difference, reliableChange, rci, response, remission, settingsUsed } = change;
  return { baseline, current, difference, reliableChange, rci, response, remission, settingsUsed };
}

/**
 * One patient's series of an instrument for the outcome chart: points, bands for shading,
 * baseline, latest, and the change classified (reliable change, response, remission) with the
 * organization's criterion. Audited.
 */
export async function patientOutcome(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  query: z.output<typeof api.PatientOutcomeQuery>,
): Promise<z.infer<typeof api.PatientOutcome>> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await listSeries(db, orgId, {
    patientId,
    instrument: query.instrument,
    episodeId: query.episodeId,
  });
  const settings = await settingsFor(db, orgId, query.instrument);
  const series = outcomeSeries(query.instrument, rows.map(toOutcomePoint), settings.change);
  await recordAuditEvent(db, ctx, {
    action: 'measure.outcome.read',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: { instrument: query.instrument, episodeId: query.episodeId ?? null, count: rows.length },
  });
  return {
    patientId,
    instrument: series.instrument,
    title: series.title,
    range: series.range,
    bands: [...series.bands],
    points: series.points.map(pointToApi),
    baseline: series.baseline ? pointToApi(series.baseline) : null,
    latest: series.latest ? pointToApi(series.latest) : null,
    change: changeToApi(series.change),
    changeNotApplicable: series.changeNotApplicable,
  };
}

/**
 * The same for every active patient of a track, latest against baseline within each episode,
 * counted per classification. Two queries however large the track: its active episodes, then
 * the first and last score of each in one window pass.
 */
export async function trackOutcome(
  db: Kysely<DB>,
  ctx: Ctx,
  trackId: string,
  instrument: InstrumentCode,
): Promise<z.infer<typeof api.TrackOutcome>> {
  const orgId = ctx.actor.organizationId;
  await getTrackName(db, orgId, trackId); // that it exists here (404 otherwise); not its census
  const episodes = await activeEpisodesOfTrack(db, orgId, trackId);
  const ends = await episodeEnds(
    db,
    orgId,
    episodes.map((e) => e.id),
    instrument,
  );
  const byEpisode = new Map<string, { baseline?: OutcomePoint; latest?: OutcomePoint; count: number }>();
  for (const row of ends) {
    const entry = byEpisode.get(row.episode_id) ?? { count: row.n };
    if (row.first_rank === 1) entry.baseline = toOutcomePoint(row);
    if (row.last_rank === 1) entry.latest = toOutcomePoint(row);
    byEpisode.set(row.episode_id, entry);
  }
  const settings = await settingsFor(db, orgId, instrument);
  const summary = summarizeOutcomes(
    instrument,
    episodes.map((e) => {
      const entry = byEpisode.get(e.id);
      return {
        patientId: e.patient_id,
        episodeId: e.id,
        baseline: entry?.baseline ?? null,
        latest: entry?.latest ?? null,
        count: entry?.count ?? 0,
      };
    }),
    settings.change,
  );
  await recordAuditEvent(db, ctx, {
    action: 'measure.outcome.track',
    resourceType: 'track',
    resourceId: trackId,
    details: { instrument, count: episodes.length, patientIds: episodes.map((e) => e.patient_id) },
  });
  return {
    trackId,
    instrument,
    title: summary.title,
    changeNotApplicable: summary.changeNotApplicable,
    activePatients: episodes.length,
    counts: summary.counts,
    responders: summary.responders,
    remitted: summary.remitted,
    patients: summary.patients.map((p) => ({
      patientId: p.patientId,
      episodeId: p.episodeId,
      count: p.count,
      baseline: p.baseline ? pointToApi(p.baseline) : null,
      latest: p.latest ? pointToApi(p.latest) : null,
      classification: p.classification,
      difference: p.difference,
      response: p.response,
      remission: p.remission,
    })),
  };
}
