import { administrationToFhir, type api, DomainError, getInstrument } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { findAdministration, findAdministrations, listPatientAdministrations } from './repo.js';
import type { AdministrationRow } from './tables.js';
import { toAdministration } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** A patient's administrations, newest first; one audit event names the entries shown. */
export async function listAdministrations(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  query: z.output<typeof api.AdministrationHistoryQuery>,
): Promise<api.Administration[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await listPatientAdministrations(db, orgId, patientId, {
    instrument: query.instrument,
    includeSuperseded: query.includeSuperseded,
    limit: query.limit,
  });
  await recordAuditEvent(db, ctx, {
    action: 'measure.list',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: {
      instrument: query.instrument ?? null,
      count: rows.length,
      administrationIds: rows.map((r) => r.id),
    },
  });
  return rows.map(toAdministration);
}

async function readOne(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  format: 'json' | 'fhir',
): Promise<AdministrationRow> {
  const row = await findAdministration(db, ctx.actor.organizationId, id);
  if (!row) throw DomainError.notFound('measure');
  await recordAuditEvent(db, ctx, {
    action: 'measure.read',
    resourceType: 'measure_administration',
    resourceId: id,
    patientId: row.patient_id,
    details: { instrument: row.instrument_code, format },
  });
  return row;
}

export async function getAdministration(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Administration> {
  return toAdministration(await readOne(db, ctx, id, 'json'));
}

/**
 * One administration as FHIR R4: a collection Bundle with the QuestionnaireResponse and the
 * survey Observation of its total (administrationToFhir). A score from a Part 2 episode carries
 * the 42 CFR Part 2 security labels on both resources.
 */
export async function getAdministrationAsFhir(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.FhirBundle> {
  const row = await readOne(db, ctx, id, 'fhir');
  const admin = toAdministration(row);
  const resources = administrationToFhir({
    instrument: getInstrument(admin.instrument),
    answers: admin.answers,
    score: {
      instrumentCode: admin.instrument,
      version: admin.instrumentVersion,
      total: admin.total,
      band: admin.band,
      flags: admin.flags.map(({ itemId, ...flag }) => (itemId ? { ...flag, itemId } : flag)),
      settingsUsed: admin.settingsUsed,
    },
    patientRef: `Patient/${admin.patientId}`,
    authoredAt: row.administered_at,
    id: admin.id,
    valueAs: 'quantity',
    part2: admin.part2,
  });
  // No fullUrl: Trellis has no public FHIR base yet, and Observation.derivedFrom names the
  // response by its type and id, which a reader resolves within the bundle.
  const entry = [resources.questionnaireResponse, resources.observation].map((resource) => ({
    resource: resource as unknown as Record<string, unknown>,
  }));
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** For the assessments module: this patient's administrations by id (the caller audits its read). */
export async function administrationsOf(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  ids: readonly string[],
): Promise<api.Administration[]> {
  const rows = await findAdministrations(db, organizationId, ids);
  return rows.filter((r) => r.patient_id === patientId).map(toAdministration);
}
