import {
  addDays,
  type api,
  DISCHARGE_FOLLOW_UP_DAYS,
  type DueMeasure,
  dueMeasures,
  type InstrumentCode,
  zonedDate,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { readPatientLabels } from '../patients/index.js';
import { episodesWithSchedule, latestAdministrations } from './repo.js';
import { storedRules } from './schedule.js';

type Query = z.output<typeof api.DueMeasuresQuery>;
type Result = z.infer<typeof api.DueMeasures>;

/**
 * The measures due and overdue today: the clinician's own episodes (mine) or the
 * organization's (optionally one track). Two queries whatever the number of patients — the
 * episodes with their track's schedule, then every patient's latest score per scheduled
 * instrument — and the pure rule (dueMeasures) per episode. One audit event names the
 * patients listed.
 */
export async function listDueMeasures(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  query: Query,
): Promise<Result> {
  const orgId = ctx.actor.organizationId;
  const timeZone = await organizationTimeZone(db, orgId);
  const today = zonedDate(ctx.now, timeZone);
  const episodes = await episodesWithSchedule(db, orgId, {
    primaryClinicianId: query.mine ? ctx.actor.userId : undefined,
    trackId: query.trackId,
    dischargedSince: addDays(today, -DISCHARGE_FOLLOW_UP_DAYS),
  });
  const instruments = [...new Set(episodes.flatMap((e) => e.rules.map((r) => r.instrument)))];
  const latest = await latestAdministrations(
    db,
    orgId,
    [...new Set(episodes.map((e) => e.patient_id))],
    instruments,
  );
  const byPatient = new Map<string, Partial<Record<InstrumentCode, Date>>>();
  for (const row of latest) {
    const entry = byPatient.get(row.patient_id) ?? {};
    entry[row.instrument_code as InstrumentCode] = row.administered_at;
    byPatient.set(row.patient_id, entry);
  }

  const all: (DueMeasure & { episode: (typeof episodes)[number] })[] = [];
  for (const episode of episodes) {
    const due = dueMeasures({
      episode: {
        admissionDate: episode.admission_date,
        dischargeDate: episode.discharge_date,
        status: episode.status,
      },
      schedule: storedRules(episode.rules),
      lastAdministered: byPatient.get(episode.patient_id) ?? {},
      now: ctx.now,
      timeZone,
    });
    for (const item of due) all.push({ ...item, episode });
  }
  all.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.episode.patient_id.localeCompare(b.episode.patient_id) ||
      a.instrument.localeCompare(b.instrument),
  );
  const page = all.slice(0, query.limit);
  const names = await readPatientLabels(
    db,
    orgId,
    page.map((i) => i.episode.patient_id),
  );
  const items = page.map(({ episode, ...item }) => ({
    ...item,
    patientId: episode.patient_id,
    patientName: names.get(episode.patient_id)?.displayName ?? '',
    episodeId: episode.id,
    trackId: episode.track_id,
    primaryClinicianId: episode.primary_clinician_id,
  }));
  const patientIds = [...new Set(items.map((i) => i.patientId))];
  await recordAuditEvent(db, ctx, {
    action: 'measure.due.list',
    resourceType: 'measure_due_list',
    details: { mine: query.mine, trackId: query.trackId ?? null, count: items.length, patientIds },
  });
  return { items, total: all.length, overdue: all.filter((i) => i.status === 'overdue').length, today };
}
