import type { api } from '@trellis/domain';
import { DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { signDocument } from '../signatures/index.js';
import { findOrThrow, present } from './load-assessment.js';
import { insertAddendum } from './repo.js';

/**
 * Appends a signed addendum to a signed assessment: its own document, signed by the person
 * adding it, pointing at the original. The original stays exactly as signed.
 */
export async function addAddendum(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  assessmentId: string,
  input: z.output<typeof api.AddAddendumRequest>,
): Promise<api.Assessment> {
  const orgId = ctx.actor.organizationId;
  const assessment = await findOrThrow(db, orgId, assessmentId);
  if (assessment.status !== 'signed') {
    throw new DomainError(
      'invalid_state',
      'This assessment is still a draft: change it directly. Addenda are for signed assessments.',
    );
  }
  const id = newId();
  const signature = await signDocument(db, ctx, {
    documentType: 'addendum',
    documentId: id,
    documentVersion: 1,
    content: {
      documentType: 'addendum',
      id,
      addendumTo: { documentType: 'assessment', id: assessmentId },
      text: input.text,
    },
    signerRole: 'author',
    method: 'password',
    typedName: input.typedName,
    password: input.password,
    patientId: assessment.patient_id,
    addendumTo: { documentType: 'assessment', documentId: assessmentId },
  });
  await insertAddendum(db, {
    id,
    organization_id: orgId,
    assessment_id: assessmentId,
    text: input.text,
    signature_id: signature.id,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'assessment.addendum',
    resourceType: 'assessment',
    resourceId: assessmentId,
    patientId: assessment.patient_id,
    details: { addendumId: id, signatureId: signature.id },
  });
  return present(db, assessment);
}
