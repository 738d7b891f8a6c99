import { z } from 'zod';
import { SIGNATURE_METHODS, SIGNER_ROLES } from '../signatures/rules.js';
import { Id, Instant } from './common.js';

export const SignerRole = z.enum(SIGNER_ROLES);
export const SignatureMethod = z.enum(SIGNATURE_METHODS);

/** One immutable signature over the SHA-256 of a document's canonical JSON. */
export const Signature = z.object({
  id: Id,
  documentType: z.string(),
  documentId: Id,
  documentVersion: z.number().int(),
  contentHash: z.string(),
  signerRole: SignerRole,
  method: SignatureMethod,
  /** The staff member who signed, or who recorded an in-person signature of a patient. */
  signerUserId: Id.nullable(),
  recordedByUserId: Id.nullable(),
  typedName: z.string(),
  attestation: z.string(),
  signedAt: Instant,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  cosignsSignatureId: Id.nullable(),
  addendumTo: z.object({ documentType: z.string(), documentId: Id }).nullable(),
});
export type Signature = z.infer<typeof Signature>;

/**
 * The signing part of a request in which staff sign (author, co-signer, witness): the typed
 * name and the password entered again. Fields are optional here so that a missing one is
 * answered with 422 naming it, like every other rule of signing.
 */
export const StaffSignatureInput = z.strictObject({
  typedName: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
});

/** The signing part of a request in which a patient or representative signs in front of staff. */
export const PersonSignatureInput = z.strictObject({
  signerRole: z.enum(['patient', 'guardian']).default('patient'),
  method: z.literal('in_person').default('in_person'),
  typedName: z.string().max(200).optional(),
});
