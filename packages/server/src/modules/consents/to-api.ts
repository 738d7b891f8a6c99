import {
  type api,
  type ConsentRecipient,
  type ConsentTerms,
  consentStatusAt,
  type DisclosurePurpose,
  type InformationKind,
} from '@trellis/domain';
import type { ConsentRow } from './tables.js';

export function recipientOf(row: ConsentRow): ConsentRecipient | null {
  if (row.recipient_kind === 'named') return { kind: 'named', name: row.recipient_name ?? '' };
  if (row.recipient_kind === 'tpo_designation') {
    return { kind: 'tpo_designation', description: row.recipient_description ?? '' };
  }
  return null;
}

/** The consent as the coverage rule of the domain sees it. */
export function toConsentTerms(row: ConsentRow): ConsentTerms {
  return {
    id: row.id,
    kind: row.kind,
    signedAt: row.signed_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
    recipient: recipientOf(row),
    purposes: row.purposes as DisclosurePurpose[],
    informationKinds: row.information_kinds as InformationKind[],
  };
}

export function toConsent(row: ConsentRow, signature: api.Signature, now: Date): api.Consent {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    status: consentStatusAt(toConsentTerms(row), now),
    title: row.title,
    templateVersion: row.template_version,
    text: row.text_shown,
    recipient: recipientOf(row),
    purposes: row.purposes as DisclosurePurpose[],
    informationKinds: row.information_kinds as InformationKind[],
    informationDescription: row.information_description,
    expiresOn: row.expires_on,
    expiryEvent: row.expiry_event,
    expiresAt: row.expires_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    signedAt: row.signed_at.toISOString(),
    signature,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedOn: row.revoked_on,
    revocationReceivedVia: row.revocation_received_via,
    revocationNote: row.revocation_note,
    revokedBy: row.revoked_by,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}
