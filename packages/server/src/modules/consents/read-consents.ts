import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { getSignatures } from '../signatures/index.js';
import { consentsOfPatient, findConsent } from './repo.js';
import type { ConsentRow } from './tables.js';
import { toConsent } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };
export type ConsentListQuery = z.output<typeof api.ConsentListQuery>;

export async function withSignatures(
  db: Kysely<DB>,
  organizationId: string,
  rows: ConsentRow[],
  now: Date,
): Promise<api.Consent[]> {
  const signatures = await getSignatures(
    db,
    organizationId,
    rows.map((r) => r.signature_id),
  );
  return rows.map((row) => {
    const signature = signatures.get(row.signature_id);
    if (!signature) throw new Error('A consent without its signature: the signature table is append-only.');
    return toConsent(row, signature, now);
  });
}

/** The patient of a consent, to authorize a request about it before reading it. */
export async function consentPatientId(db: Kysely<DB>, organizationId: string, id: string): Promise<string> {
  const row = await findConsent(db, organizationId, id);
  if (!row) throw DomainError.notFound('consent');
  return row.patient_id;
}

/** A patient's consents, newest first, with their status now; audited as one read. */
export async function listConsents(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  query: ConsentListQuery,
): Promise<api.Consent[]> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const rows = await consentsOfPatient(db, orgId, patientId, query.kind);
  const consents = (await withSignatures(db, orgId, rows, ctx.now)).filter(
    (c) => query.status === 'any' || c.status === query.status,
  );
  await recordAuditEvent(db, ctx, {
    action: 'consent.list',
    resourceType: 'consent',
    patientId,
    details: { count: consents.length, consentIds: consents.map((c) => c.id) },
  });
  return consents;
}

/** One consent; reading it is audited. */
export async function getConsent(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Consent> {
  const row = await findConsent(db, ctx.actor.organizationId, id);
  if (!row) throw DomainError.notFound('consent');
  const [consent] = await withSignatures(db, ctx.actor.organizationId, [row], ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'consent.read',
    resourceType: 'consent',
    resourceId: id,
    patientId: row.patient_id,
  });
  return consent!;
}
