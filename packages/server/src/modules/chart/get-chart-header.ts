import { ageAt, api, can, visibleTaskKinds } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { episodeHeaderSummary } from '../episodes/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';
import { getTrackName } from '../programs/index.js';
import { countPatientTasks } from '../tasks/index.js';
import { getUser } from '../users/index.js';

/** The task kinds that raise the safety flag when one is open and urgent for the patient. */
const RISK_KINDS = ['risk_alert', 'urgent_screening'] as const;

/**
 * The always-visible chart header, composed from the modules that own each part, read as one
 * patient.read: one query per part (patient, episodes, track name, clinician, task counts, time
 * zone), the audit event last (its chain stays taken until the transaction ends). What a role may not read stays null: the episode without episode.read, the
 * safety flag without access to risk tasks.
 */
export async function getChartHeader(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
): Promise<api.ChartHeader> {
  const orgId = ctx.actor.organizationId;
  const patient = await readPatient(db, orgId, patientId);
  const resource = { organizationId: orgId, patientId };
  const episodes = await episodeHeaderSummary(db, orgId, patientId);
  const seesEpisode = can(ctx.actor, 'episode.read', resource);

  let episode: api.ChartHeader['episode'] = null;
  if (seesEpisode && episodes.open) {
    const open = episodes.open;
    const trackName = await getTrackName(db, orgId, open.trackId);
    const clinician = await getUser(db, orgId, open.primaryClinicianId).catch(() => null);
    episode = {
      id: open.id,
      status: open.status,
      admissionDate: open.admissionDate,
      trackId: open.trackId,
      trackName,
      levelOfCare: open.levelOfCare,
      asamLevel: open.asamLevel,
      primaryClinician: clinician ? { id: clinician.id, name: clinician.displayName } : null,
    };
  }

  const visibleKinds = can(ctx.actor, 'task.read', resource) ? visibleTaskKinds(ctx.actor) : [];
  const riskKinds = RISK_KINDS.filter((k) => visibleKinds.includes(k));
  const tasks =
    visibleKinds.length === 0 ? null : await countPatientTasks(db, orgId, patientId, visibleKinds, riskKinds);
  const safetyRisk = riskKinds.length === 0 ? null : (tasks?.urgent ?? false);
  const openTasks = tasks ? tasks.open : null;

  const counts = Object.fromEntries(api.CHART_TABS.map((tab) => [tab, null])) as Record<
    api.ChartTab,
    number | null
  >;
  counts.episodes = seesEpisode ? episodes.count : null;
  counts.tasks = openTasks;
  const timeZone = await organizationTimeZone(db, orgId);

  await recordAuditEvent(db, ctx, {
    action: 'patient.read',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    reason: 'chart header',
  });
  return {
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      displayName: patient.displayName,
      preferredName: patient.preferredName,
      legalFirstName: patient.legalFirstName,
      legalLastName: patient.legalLastName,
      pronouns: patient.pronouns,
      dateOfBirth: patient.dateOfBirth,
      age: ageAt(patient.dateOfBirth, ctx.now, timeZone),
      status: patient.status,
    },
    episode,
    flags: { part2: episodes.part2, safetyRisk },
    counts,
  };
}
