import {
  type api,
  DomainError,
  diffPlanContent,
  localDateOf,
  type PlanDue,
  type PlanSettingsValues,
  planDue,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readEpisode } from '../episodes/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { listSignatures } from '../signatures/index.js';
import { findPlan, findRevisionAt, findVersion, latestRevision, listVersionRows } from './repo.js';
import { planSettingsValues } from './settings.js';
import type { PlanRow, VersionRow } from './tables.js';
import { DOCUMENT_TYPE, toPlan } from './to-api.js';

export async function findOrThrow(db: Kysely<DB>, organizationId: string, id: string): Promise<PlanRow> {
  const row = await findPlan(db, organizationId, id);
  if (!row) throw DomainError.notFound('treatment plan');
  return row;
}

export async function versionOrThrow(db: Kysely<DB>, plan: PlanRow, number: number): Promise<VersionRow> {
  const row = await findVersion(db, plan.organization_id, plan.id, number);
  if (!row) throw DomainError.notFound(`version ${number} of this plan`);
  return row;
}

export async function currentVersion(db: Kysely<DB>, plan: PlanRow): Promise<VersionRow> {
  return versionOrThrow(db, plan, plan.current_number);
}

export interface EpisodeFacts {
  id: string;
  patientId: string;
  primaryClinicianId: string;
  admissionDate: string;
  open: boolean;
  diagnosisCodes: string[];
  diagnoses: api.Episode['diagnoses'];
}

export async function episodeFacts(
  db: Kysely<DB>,
  organizationId: string,
  episodeId: string,
): Promise<EpisodeFacts> {
  const episode = await readEpisode(db, organizationId, episodeId);
  if (!episode) throw DomainError.notFound('episode of care');
  return {
    id: episode.id,
    patientId: episode.patientId,
    primaryClinicianId: episode.primaryClinicianId,
    admissionDate: episode.admissionDate,
    open: episode.status !== 'discharged',
    diagnosisCodes: episode.diagnoses.map((d) => d.code),
    diagnoses: episode.diagnoses,
  };
}

/** Today where the organization is, and what is due for the plan (or the missing plan) of an episode. */
export async function dueOf(
  db: Kysely<DB>,
  organizationId: string,
  episode: EpisodeFacts,
  plan: PlanRow | null,
  settings: PlanSettingsValues,
  now: Date,
): Promise<PlanDue | null> {
  const timeZone = await organizationTimeZone(db, organizationId);
  return planDue({
    admissionDate: episode.admissionDate,
    episodeOpen: episode.open,
    lastSignedOn: plan?.effective_signed_at ? localDateOf(plan.effective_signed_at, timeZone) : null,
    settings,
    today: localDateOf(now, timeZone),
  });
}

/** The plan as the API shows it: current version, versions, signatures, what is missing, what is due. Not audited. */
export async function present(db: Kysely<DB>, plan: PlanRow, now: Date): Promise<api.TreatmentPlan> {
  const orgId = plan.organization_id;
  const [versions, signatures, settings, episode] = [
    await listVersionRows(db, orgId, plan.id),
    await listSignatures(db, orgId, DOCUMENT_TYPE, plan.id),
    await planSettingsValues(db, orgId),
    await episodeFacts(db, orgId, plan.episode_id),
  ];
  const due = await dueOf(db, orgId, episode, plan, settings, now);
  return toPlan(plan, versions, signatures, { settings, diagnosisCodes: episode.diagnosisCodes, due });
}

/**
 * The 409 of a write made on an old version of the plan: the current plan, and what changed
 * since the version the writer read (from the saved revisions), so the editor can show it and
 * nothing typed is lost.
 */
export async function stalePlan(
  db: Kysely<DB>,
  plan: PlanRow,
  readVersion: number,
  now: Date,
): Promise<DomainError> {
  const orgId = plan.organization_id;
  const current = await present(db, plan, now);
  const then = readVersion < plan.version ? await findRevisionAt(db, orgId, plan.id, readVersion) : undefined;
  const last = await latestRevision(db, orgId, plan.id);
  const changes = then ? diffPlanContent(then.content, current.current.content) : null;
  return new DomainError(
    'stale',
    'Someone else changed this plan since you opened it. Your changes were not saved; review what changed and apply them again.',
    [],
    {
      current,
      changes,
      changedBy: last && last.plan_version > readVersion ? last.saved_by : null,
      changedAt: last && last.plan_version > readVersion ? last.saved_at.toISOString() : null,
    },
  );
}
