import type { FieldProblem } from '../errors.js';

/** Documents signed through the one signature mechanism. Modules add theirs (the column is text). */
export const SIGNED_DOCUMENT_TYPES = [
  'assessment',
  'treatment_plan',
  'note',
  'consent',
  'discharge_summary',
  'aftercare_plan',
  'addendum',
] as const;
export type SignedDocumentType = (typeof SIGNED_DOCUMENT_TYPES)[number];

export const SIGNER_ROLES = ['author', 'cosigner', 'patient', 'guardian', 'witness'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/** Staff sign by entering their password again; patients and representatives sign in person or by link. */
export const SIGNATURE_METHODS = ['password', 'in_person', 'one_time_link'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const STAFF_SIGNER_ROLES: readonly SignerRole[] = ['author', 'cosigner', 'witness'];

export function isStaffSignerRole(role: SignerRole): boolean {
  return STAFF_SIGNER_ROLES.includes(role);
}

/**
 * Default attestation texts, written for Trellis. The exact text shown is what the signature
 * records, so a module may show its own wording instead.
 */
export const DEFAULT_ATTESTATIONS: Record<SignerRole, string> = {
  author:
    'I attest that I wrote this document, that it is accurate and complete to the best of my knowledge, ' +
    'and that typing my name and entering my password is my electronic signature.',
  cosigner:
    'I have reviewed this document and agree with it. Typing my name and entering my password is my ' +
    'electronic co-signature.',
  patient:
    'I have read this document, or had it read to me, and I had the chance to ask questions. ' +
    'Typing my name is my electronic signature and has the same effect as signing on paper.',
  guardian:
    'I am the parent, guardian or legal representative of the person named in this document and may sign ' +
    'for them. I have read this document and had the chance to ask questions. Typing my name is my ' +
    'electronic signature and has the same effect as signing on paper.',
  witness:
    'I was present when the signer signed this document and saw them sign it. Typing my name and entering ' +
    'my password is my electronic signature as a witness.',
};

export interface SignatureRequestShape {
  signerRole: SignerRole;
  method: SignatureMethod;
  typedName?: string | null | undefined;
  attestation?: string | null | undefined;
  /** Whether a signed-in staff member is making this request. */
  staffPresent: boolean;
  viaLink: boolean;
  passwordGiven: boolean;
  cosigns: boolean;
}

/**
 * Who may sign how. Staff roles (author, cosigner, witness) re-enter their password: the
 * signature must be theirs, not a session left open. A patient or guardian signs in front of
 * staff (in person) or through a one-time link sent to them, never on a staff password.
 * `prefix` names the fields as the caller's request does (e.g. "signature.").
 */
export function checkSignatureRequest(request: SignatureRequestShape, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const typedName = request.typedName?.trim() ?? '';
  if (typedName.length < 2) {
    problems.push({
      field: `${prefix}typedName`,
      message: 'Type the full name of the person signing: the typed name is the signature.',
    });
  } else if (typedName.length > 200) {
    problems.push({ field: `${prefix}typedName`, message: 'Use at most 200 characters.' });
  }
  if ((request.attestation?.trim() ?? '').length === 0) {
    problems.push({
      field: `${prefix}attestation`,
      message: 'Record the attestation text the signer was shown.',
    });
  }
  if (isStaffSignerRole(request.signerRole)) {
    if (request.method !== 'password') {
      problems.push({
        field: `${prefix}method`,
        message: 'Staff sign by entering their password again (method "password").',
      });
    } else if (!request.staffPresent) {
      problems.push({ field: `${prefix}method`, message: 'Sign in to sign as staff.' });
    } else if (!request.passwordGiven) {
      problems.push({
        field: `${prefix}password`,
        message: 'Enter your password again to sign.',
      });
    }
  } else if (request.method === 'password') {
    problems.push({
      field: `${prefix}method`,
      message:
        'A patient or representative signs in person or through a link sent to them, not with a staff password.',
    });
  } else if (request.method === 'in_person' && !request.staffPresent) {
    problems.push({
      field: `${prefix}method`,
      message: 'An in-person signature is recorded by a signed-in staff member.',
    });
  } else if (request.method === 'one_time_link' && !request.viaLink) {
    problems.push({
      field: `${prefix}method`,
      message: 'A signature by link is made through the link sent to the signer.',
    });
  }
  if (request.signerRole === 'cosigner' && !request.cosigns) {
    problems.push({
      field: `${prefix}cosignsSignatureId`,
      message: 'Name the signature you are co-signing.',
    });
  }
  if (request.signerRole !== 'cosigner' && request.cosigns) {
    problems.push({
      field: `${prefix}signerRole`,
      message: 'Only a co-signature refers to another signature.',
    });
  }
  return problems;
}

export interface SignedRecord {
  id: string;
  documentType: string;
  documentId: string;
  documentVersion: number;
  contentHash: string;
  signerRole: SignerRole;
  signerUserId: string | null;
}

export type CosignatureProblem =
  | { code: 'not_author_signature'; message: string }
  | { code: 'other_document'; message: string }
  | { code: 'content_changed'; message: string }
  | { code: 'same_signer'; message: string };

/** A co-signature stands behind the author's signature over exactly the same content. */
export function checkCosignature(
  original: SignedRecord,
  cosign: {
    documentType: string;
    documentId: string;
    documentVersion: number;
    contentHash: string;
    signerUserId: string;
  },
): CosignatureProblem | null {
  if (original.signerRole !== 'author') {
    return {
      code: 'not_author_signature',
      message: "Co-sign the author's signature, not another co-signature.",
    };
  }
  if (
    original.documentType !== cosign.documentType ||
    original.documentId !== cosign.documentId ||
    original.documentVersion !== cosign.documentVersion
  ) {
    return { code: 'other_document', message: 'That signature belongs to another document or version.' };
  }
  if (original.contentHash !== cosign.contentHash) {
    return {
      code: 'content_changed',
      message: 'The document is not the one the author signed. Reload it and review the signed version.',
    };
  }
  if (original.signerUserId === cosign.signerUserId) {
    return {
      code: 'same_signer',
      message: 'You signed this as its author; a co-signature must come from someone else.',
    };
  }
  return null;
}
