import { z } from 'zod';
import {
  CONSENT_KINDS,
  DISCLOSURE_PURPOSES,
  EXPIRY_EVENTS,
  INFORMATION_KINDS,
  RECIPIENT_RELATIONSHIPS,
  REVOCATION_CHANNELS,
} from '../consents/kinds.js';
import { Id, Instant } from './common.js';
import { PersonSignatureInput, Signature } from './signatures.js';

export const ConsentKind = z.enum(CONSENT_KINDS);
export const DisclosurePurpose = z.enum(DISCLOSURE_PURPOSES);
export const InformationKind = z.enum(INFORMATION_KINDS);
export const ExpiryEvent = z.enum(EXPIRY_EVENTS);
export const RevocationChannel = z.enum(REVOCATION_CHANNELS);
export const RecipientRelationship = z.enum(RECIPIENT_RELATIONSHIPS);

/** 'YYYY-MM-DD', a day in the organization's zone. */
const Day = z.iso.date({ error: 'Use a date such as 2027-06-30.' });

export const ConsentRecipientInput = z.strictObject({
  /** named: a person or organization by name; tpo_designation: the 2024 rule's general designation. */
  kind: z.enum(['named', 'tpo_designation']),
  name: z.string().max(300).nullable().optional(),
  description: z.string().max(500).nullable().optional(),
});

const consentTerms = {
  kind: ConsentKind,
  recipient: ConsentRecipientInput.nullable().optional(),
  purposes: z.array(DisclosurePurpose).max(DISCLOSURE_PURPOSES.length).optional(),
  informationKinds: z.array(InformationKind).max(INFORMATION_KINDS.length).optional(),
  informationDescription: z.string().trim().max(1000).nullable().optional(),
  expiresOn: Day.nullable().optional(),
  expiryEvent: ExpiryEvent.nullable().optional(),
};

/** The terms of a consent, to show the patient the exact text before signing. */
export const ConsentPreviewRequest = z.strictObject(consentTerms);

export const ConsentPreview = z.object({
  title: z.string(),
  paragraphs: z.array(z.string()),
  templateVersion: z.number().int(),
  /** SHA-256 of the text: send it back as shownTextHash to prove the signer saw this text. */
  textHash: z.string(),
});
export type ConsentPreview = z.infer<typeof ConsentPreview>;

export const CreateConsentRequest = z.strictObject({
  ...consentTerms,
  signature: PersonSignatureInput,
  /** The textHash of the preview the signer read; refused if the text changed since. */
  shownTextHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export const RevokeConsentRequest = z.strictObject({
  /** The day the patient revoked; today when left out. */
  revokedOn: Day.optional(),
  receivedVia: RevocationChannel,
  note: z.string().trim().max(1000).optional(),
});

export const Consent = z.object({
  id: Id,
  patientId: Id,
  kind: ConsentKind,
  status: z.enum(['active', 'revoked', 'expired']),
  title: z.string(),
  templateVersion: z.number().int(),
  text: z.string(),
  recipient: z
    .union([
      z.object({ kind: z.literal('named'), name: z.string() }),
      z.object({ kind: z.literal('tpo_designation'), description: z.string() }),
    ])
    .nullable(),
  purposes: z.array(DisclosurePurpose),
  informationKinds: z.array(InformationKind),
  informationDescription: z.string().nullable(),
  expiresOn: z.string().nullable(),
  expiryEvent: ExpiryEvent.nullable(),
  expiresAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  signedAt: Instant,
  signature: Signature,
  revokedAt: Instant.nullable(),
  revokedOn: z.string().nullable(),
  revocationReceivedVia: RevocationChannel.nullable(),
  revocationNote: z.string().nullable(),
  revokedBy: Id.nullable(),
  createdBy: Id.nullable(),
  createdAt: Instant,
  version: z.number().int(),
});
export type Consent = z.infer<typeof Consent>;

export const ConsentListQuery = z.strictObject({
  kind: ConsentKind.optional(),
  status: z.enum(['active', 'revoked', 'expired', 'any']).default('any'),
});

/** A disclosure to check against the patient's consents. */
export const DisclosureCheckRequest = z.strictObject({
  recipient: z.strictObject({ name: z.string().trim().min(1).max(300), relationship: RecipientRelationship }),
  purpose: DisclosurePurpose,
  informationKinds: z.array(InformationKind).min(1).max(INFORMATION_KINDS.length),
  part2Protected: z.boolean().default(true),
});

export const DisclosureCheck = z.union([
  z.object({ covered: z.literal(true), consentId: Id }),
  z.object({ covered: z.literal(false), code: z.string(), reason: z.string(), consentId: Id.optional() }),
]);
