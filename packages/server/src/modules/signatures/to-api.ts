import type { api } from '@trellis/domain';
import type { SignatureRow } from './tables.js';

export function toSignature(row: SignatureRow): api.Signature {
  return {
    id: row.id,
    documentType: row.document_type,
    documentId: row.document_id,
    documentVersion: row.document_version,
    contentHash: row.content_hash,
    signerRole: row.signer_role,
    method: row.method,
    signerUserId: row.signer_user_id,
    recordedByUserId: row.recorded_by_user_id,
    typedName: row.typed_name,
    attestation: row.attestation,
    signedAt: row.signed_at.toISOString(),
    ip: row.ip,
    userAgent: row.user_agent,
    cosignsSignatureId: row.cosigns_signature_id,
    addendumTo:
      row.addendum_of_type && row.addendum_of_id
        ? { documentType: row.addendum_of_type, documentId: row.addendum_of_id }
        : null,
  };
}
