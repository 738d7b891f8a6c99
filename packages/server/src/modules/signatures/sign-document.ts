import {
  type api,
  can,
  checkCosignature,
  checkSignatureRequest,
  DEFAULT_ATTESTATIONS,
  DomainError,
  isStaffSignerRole,
  type SignatureMethod,
  type SignerRole,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { verifyPassword } from '../../security/passwords.js';
import { recordAuditEvent } from '../audit/index.js';
import type { LinkUse } from '../links/index.js';
import { getSignInAccount } from '../users/index.js';
import { contentHash } from './content-hash.js';
import { findSignature, insertSignature, signaturesOf } from './repo.js';
import type { SignatureRow } from './tables.js';
import { toSignature } from './to-api.js';

export interface SignDocumentInput {
  documentType: string;
  documentId: string;
  documentVersion: number;
  /** The exact content signed, as plain JSON: its canonical form is hashed. */
  content: unknown;
  signerRole: SignerRole;
  method: SignatureMethod;
  typedName: string | null | undefined;
  /** The attestation text the signer was shown; the role's default when left out. */
  attestation?: string;
  /** Staff re-enter their password to sign (method "password"). */
  password?: string | undefined;
  patientId?: string | null;
  /** A co-signature names the author's signature it stands behind. */
  cosignsSignatureId?: string | null;
  /** An addendum is a new document, signed on its own, that points at the signed original. */
  addendumTo?: { documentType: string; documentId: string } | null;
  /** The link a patient or representative followed to sign (method "one_time_link"), already redeemed. */
  viaLink?: LinkUse | null;
  userAgent?: string | null;
  /** How the caller's request names the signing fields, e.g. "signature." */
  fieldPrefix?: string;
}

function refuse(field: string, message: string): DomainError {
  return DomainError.invalid(field, message);
}

async function checkPassword(db: Kysely<DB>, ctx: RequestContext, password: string, field: string) {
  const actor = ctx.actor;
  if (!actor) throw refuse(field, 'Sign in to sign as staff.');
  const account = await getSignInAccount(db, actor.organizationId, actor.userId);
  if (!account?.active || !(await verifyPassword(account.passwordHash, password))) {
    throw refuse(field, 'That is not your password. Enter the password you sign in with to sign.');
  }
}

async function checkCosign(
  db: Kysely<DB>,
  ctx: RequestContext,
  orgId: string,
  input: SignDocumentInput,
  hash: string,
  prefix: string,
) {
  const actor = ctx.actor;
  const patient = input.patientId ? { patientId: input.patientId } : {};
  if (!actor || !can(actor, 'clinical.cosign', { organizationId: orgId, ...patient })) {
    throw new DomainError(
      'forbidden',
      'Co-signing needs a role with co-signature rights, such as program director. Ask one to co-sign.',
    );
  }
  const original = input.cosignsSignatureId
    ? await findSignature(db, orgId, input.cosignsSignatureId)
    : undefined;
  if (!original) throw refuse(`${prefix}cosignsSignatureId`, 'There is no such signature to co-sign.');
  const problem = checkCosignature(
    {
      id: original.id,
      documentType: original.document_type,
      documentId: original.document_id,
      documentVersion: original.document_version,
      contentHash: original.content_hash,
      signerRole: original.signer_role,
      signerUserId: original.signer_user_id,
    },
    {
      documentType: input.documentType,
      documentId: input.documentId,
      documentVersion: input.documentVersion,
      contentHash: hash,
      signerUserId: actor.userId,
    },
  );
  if (problem?.code === 'content_changed') throw new DomainError('conflict', problem.message);
  if (problem) throw refuse(`${prefix}cosignsSignatureId`, problem.message);
}

/** One version of a document carries one content: a second signer signs what the first signed. */
function checkSameContent(existing: SignatureRow[], hash: string, actorId: string | null, role: SignerRole) {
  if (existing.some((s) => s.content_hash !== hash)) {
    throw new DomainError(
      'conflict',
      'This version was signed with different content. Save the change as a new version (or an addendum) and sign that.',
    );
  }
  if (actorId && existing.some((s) => s.signer_user_id === actorId && s.signer_role === role)) {
    throw new DomainError('conflict', 'You already signed this version.');
  }
}

/**
 * Signs the exact content of a document version: stores an immutable signature over the
 * SHA-256 of its canonical JSON, with who signed, how, the typed name, the attestation shown,
 * when, and from where. Audited in the caller's transaction.
 */
export async function signDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: SignDocumentInput,
): Promise<api.Signature> {
  const prefix = input.fieldPrefix ?? '';
  const orgId = ctx.actor?.organizationId ?? input.viaLink?.organizationId;
  if (!orgId) throw new Error('A signature is made by a signed-in person or through a redeemed link.');
  const attestation = input.attestation ?? DEFAULT_ATTESTATIONS[input.signerRole];
  const problems = checkSignatureRequest(
    {
      signerRole: input.signerRole,
      method: input.method,
      typedName: input.typedName,
      attestation,
      staffPresent: ctx.actor !== null,
      viaLink: Boolean(input.viaLink),
      passwordGiven: Boolean(input.password),
      cosigns: Boolean(input.cosignsSignatureId),
    },
    prefix,
  );
  if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, problems);

  const link = input.method === 'one_time_link' ? input.viaLink : null;
  if (link && (link.subject.type !== input.documentType || link.subject.id !== input.documentId)) {
    throw new DomainError('forbidden', 'This link is for another document.');
  }
  const patientId = link ? link.patientId : (input.patientId ?? null);
  const staff = isStaffSignerRole(input.signerRole);
  if (staff) await checkPassword(db, ctx, input.password ?? '', `${prefix}password`);

  const hash = contentHash(input.content);
  if (input.signerRole === 'cosigner') await checkCosign(db, ctx, orgId, input, hash, prefix);
  if (input.addendumTo) {
    const originals = await signaturesOf(
      db,
      orgId,
      input.addendumTo.documentType,
      input.addendumTo.documentId,
    );
    if (originals.length === 0) {
      throw new DomainError(
        'invalid_state',
        'The original is not signed yet, so it can still be changed: edit it instead of adding an addendum.',
      );
    }
  }
  const existing = await signaturesOf(db, orgId, input.documentType, input.documentId, input.documentVersion);
  checkSameContent(existing, hash, staff ? (ctx.actor?.userId ?? null) : null, input.signerRole);

  const row = await insertSignature(db, {
    id: newId(),
    organization_id: orgId,
    document_type: input.documentType,
    document_id: input.documentId,
    document_version: input.documentVersion,
    content_hash: hash,
    patient_id: patientId,
    signer_role: input.signerRole,
    method: input.method,
    signer_user_id: staff ? (ctx.actor?.userId ?? null) : null,
    recorded_by_user_id: ctx.actor?.userId ?? null,
    typed_name: (input.typedName ?? '').trim(),
    attestation,
    signed_at: ctx.now,
    ip: ctx.ip,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    cosigns_signature_id: input.cosignsSignatureId ?? null,
    addendum_of_type: input.addendumTo?.documentType ?? null,
    addendum_of_id: input.addendumTo?.documentId ?? null,
    link_id: link?.id ?? null,
  });
  await recordAuditEvent(db, ctx, {
    action: 'signature.create',
    organizationId: orgId,
    ...(ctx.actor ? {} : { actorLabel: 'one-time link' }),
    resourceType: 'signature',
    resourceId: row.id,
    ...(patientId ? { patientId } : {}),
    details: {
      documentType: row.document_type,
      documentId: row.document_id,
      documentVersion: row.document_version,
      signerRole: row.signer_role,
      method: row.method,
    },
  });
  return toSignature(row);
}
