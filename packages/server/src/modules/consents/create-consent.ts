import { type api, checkSignatureRequest, DEFAULT_ATTESTATIONS, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { signDocument } from '../signatures/index.js';
import { type ConsentTermsInput, type PreparedConsent, prepareConsent } from './draft.js';
import { endOfDay } from './local-time.js';
import { insertConsent } from './repo.js';
import { toConsent } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };
export type CreateConsentInput = z.output<typeof api.CreateConsentRequest>;

/** The text the patient would read for these terms, with its hash to send back when signing. */
export async function previewConsent(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  input: ConsentTermsInput,
): Promise<api.ConsentPreview> {
  const prepared = await prepareConsent(db, ctx.actor.organizationId, patientId, input, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'consent.preview',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    details: { kind: input.kind },
  });
  return {
    title: prepared.rendered.title,
    paragraphs: prepared.rendered.paragraphs,
    templateVersion: prepared.rendered.templateVersion,
    textHash: prepared.textHash,
  };
}

/** What the signature covers: the exact text shown and the terms it states, about this patient. */
export function signedContent(id: string, patientId: string, prepared: PreparedConsent) {
  return {
    consentId: id,
    patientId,
    kind: prepared.kind,
    templateVersion: prepared.rendered.templateVersion,
    text: prepared.rendered.text,
    terms: prepared.terms,
  };
}

/**
 * Records a consent the patient (or their guardian) signs in front of staff: checks the terms
 * and the signature together (one 422 naming every field), renders the text, signs it through
 * the signature mechanism, and stores text, terms and signature as one immutable version.
 */
export async function createConsent(
  db: Kysely<DB>,
  ctx: Ctx,
  patientId: string,
  input: CreateConsentInput,
  userAgent: string | null = null,
): Promise<api.Consent> {
  const { signature: signing, shownTextHash, ...terms } = input;
  const signatureProblems = checkSignatureRequest(
    {
      signerRole: signing.signerRole,
      method: signing.method,
      typedName: signing.typedName,
      attestation: DEFAULT_ATTESTATIONS[signing.signerRole],
      staffPresent: true,
      viaLink: false,
      passwordGiven: false,
      cosigns: false,
    },
    'signature.',
  );
  const prepared = await prepareConsent(
    db,
    ctx.actor.organizationId,
    patientId,
    terms,
    ctx.now,
    signatureProblems,
  );
  if (shownTextHash && shownTextHash !== prepared.textHash) {
    throw new DomainError(
      'conflict',
      'The consent text changed since it was shown. Show the signer the current text and ask them to sign again.',
      [{ field: 'shownTextHash', message: 'Not the text that would be signed.' }],
    );
  }
  const id = newId();
  const content = signedContent(id, patientId, prepared);
  const signature = await signDocument(db, ctx, {
    documentType: 'consent',
    documentId: id,
    documentVersion: 1,
    content,
    signerRole: signing.signerRole,
    method: signing.method,
    typedName: signing.typedName,
    patientId,
    userAgent,
    fieldPrefix: 'signature.',
  });
  const t = prepared.terms;
  const row = await insertConsent(db, {
    id,
    organization_id: ctx.actor.organizationId,
    patient_id: patientId,
    kind: prepared.kind,
    template_version: prepared.rendered.templateVersion,
    title: prepared.rendered.title,
    text_shown: prepared.rendered.text,
    content_hash: signature.contentHash,
    recipient_kind: t.recipient?.kind ?? null,
    recipient_name: t.recipient?.kind === 'named' ? t.recipient.name : null,
    recipient_description: t.recipient?.kind === 'tpo_designation' ? t.recipient.description : null,
    purposes: t.purposes,
    information_kinds: t.informationKinds,
    information_description: t.informationDescription,
    expires_on: t.expiresOn,
    expires_at: t.expiresOn ? endOfDay(t.expiresOn, prepared.timeZone) : null,
    expiry_event: t.expiryEvent,
    signature_id: signature.id,
    signed_at: ctx.now,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'consent.create',
    resourceType: 'consent',
    resourceId: id,
    patientId,
    details: { kind: row.kind, templateVersion: row.template_version, signatureId: signature.id },
  });
  return toConsent(row, signature, ctx.now);
}
