import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import {
  countPatientEpisodes,
  findEpisode,
  findOpenEpisode,
  listDiagnoses,
  listPatientEpisodes,
  listStatusChanges,
  patientsWithActiveEpisode,
} from './repo.js';
import { toEpisode } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** One episode with its diagnoses and status history; the read is audited. */
export async function getEpisode(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Episode> {
  const orgId = ctx.actor.organizationId;
  const row = await findEpisode(db, orgId, id);
  if (!row) throw DomainError.notFound('episode of care');
  const episode = toEpisode(
    row,
    await listDiagnoses(db, orgId, [id]),
    await listStatusChanges(db, orgId, id),
  );
  await recordAuditEvent(db, ctx, {
    action: 'episode.read',
    resourceType: 'episode',
    resourceId: id,
    patientId: row.patient_id,
  });
  return episode;
}

/** A patient's episodes, newest first; one audit event lists the episodes shown. */
export async function listEpisodes(db: Kysely<DB>, ctx: Ctx, patientId: string): Promise<api.Episode[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await listPatientEpisodes(db, orgId, patientId);
  const diagnoses = await listDiagnoses(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  await recordAuditEvent(db, ctx, {
    action: 'episode.list',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: { episodeIds: rows.map((r) => r.id) },
  });
  return rows.map((row) => toEpisode(row, diagnoses));
}

/**
 * The patient's open episode (pending, active or on hold), or null. Not audited: the caller
 * reads it as part of a request that audits its own access.
 */
export async function getActiveEpisode(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
): Promise<api.Episode | null> {
  const row = await findOpenEpisode(db, organizationId, patientId);
  if (!row) return null;
  return toEpisode(row, await listDiagnoses(db, organizationId, [row.id]));
}

/**
 * One episode with its diagnoses, by id, or null. Not audited: for a module whose own record
 * belongs to the episode (a treatment plan) and audits its own read, including reads made
 * through a one-time link, where no one is signed in.
 */
export async function readEpisode(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<api.Episode | null> {
  const row = await findEpisode(db, organizationId, id);
  if (!row) return null;
  return toEpisode(row, await listDiagnoses(db, organizationId, [id]));
}

/** How many episodes the patient has had (for the chart's tab counts). Not audited. */
export async function countEpisodes(db: Kysely<DB>, organizationId: string, patientId: string) {
  return countPatientEpisodes(db, organizationId, patientId);
}

/**
 * What the chart header needs of a patient's episodes, without auditing (the chart audits its
 * own read): the open episode, how many there were, and whether any is protected by Part 2
 * (records of a past substance-use episode stay protected after discharge).
 */
export async function episodeSummary(db: Kysely<DB>, organizationId: string, patientId: string) {
  const rows = await listPatientEpisodes(db, organizationId, patientId);
  const open = rows.find((r) => r.status !== 'discharged');
  return {
    open: open ? toEpisode(open, await listDiagnoses(db, organizationId, [open.id])) : null,
    count: rows.length,
    part2: rows.some((r) => r.part2),
  };
}

/**
 * episodeSummary without the open episode's diagnoses, in one query (the chart header shows
 * neither): the open episode, how many there were, and whether any is protected by Part 2.
 */
export async function episodeHeaderSummary(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
): Promise<{ open: Omit<api.Episode, 'diagnoses'> | null; count: number; part2: boolean }> {
  const rows = await listPatientEpisodes(db, organizationId, patientId);
  const open = rows.find((r) => r.status !== 'discharged');
  let header: Omit<api.Episode, 'diagnoses'> | null = null;
  if (open) {
    const { diagnoses: _none, ...rest } = toEpisode(open, []);
    header = rest;
  }
  return { open: header, count: rows.length, part2: rows.some((r) => r.part2) };
}

/** Of these patients, those whose episode is active now (one query). Not audited. */
export async function activePatients(
  db: Kysely<DB>,
  organizationId: string,
  patientIds: readonly string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < patientIds.length; i += 1000) {
    for (const id of await patientsWithActiveEpisode(db, organizationId, patientIds.slice(i, i + 1000))) {
      ids.add(id);
    }
  }
  return ids;
}
