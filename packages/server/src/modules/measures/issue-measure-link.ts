import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { issueLink } from '../links/index.js';
import { assertPatientExists } from '../patients/index.js';
import { resolveEpisode } from './episode-ref.js';
import { insertMeasureRequest } from './repo.js';

/**
 * Sends questionnaires to fill in on a phone, with no account: a self-report request and its
 * one-time link (links module, purpose self_report: random token stored hashed, single use,
 * expiry). The token is in the answer once, for the message to the patient.
 */
export async function issueMeasureLink(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  patientId: string,
  input: z.output<typeof api.IssueMeasureLinkRequest>,
): Promise<z.infer<typeof api.MeasureLink>> {
  const orgId = ctx.actor.organizationId;
  await assertPatientExists(db, orgId, patientId);
  const { episode } = await resolveEpisode(db, ctx, patientId, input.episodeId);
  const id = newId();
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInHours * 3_600_000);
  const issued = await issueLink(db, ctx, {
    purpose: 'self_report',
    subject: { type: 'measure_request', id },
    patientId,
    expiresAt,
  });
  await insertMeasureRequest(db, {
    id,
    organization_id: orgId,
    patient_id: patientId,
    episode_id: episode?.id ?? null,
    instruments: [...input.instruments],
    link_id: issued.link.id,
    expires_at: expiresAt,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'measure.link.issue',
    resourceType: 'measure_request',
    resourceId: id,
    patientId,
    details: { instruments: input.instruments, linkId: issued.link.id, expiresAt: expiresAt.toISOString() },
  });
  return {
    requestId: id,
    token: issued.token,
    path: issued.path,
    instruments: input.instruments,
    expiresAt: expiresAt.toISOString(),
  };
}
