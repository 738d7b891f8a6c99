import { allowedActions } from '../access/can.js';
import type { Role } from '../access/roles.js';
import { DomainError } from '../errors.js';
import type { PlanSignerSlot, PlanVersionStatus } from './model.js';

/**
 * The life of a plan version and who signs it.
 *
 *   draft ──(clinician signs, or submit: content checked)──▶ awaiting_signatures
 *   awaiting_signatures ──(clinician + participant [+ supervisor when required])──▶ signed
 *
 * A signed version never changes. Any change to the plan is a new draft version, started from
 * the version in effect; a review produces one too. A change to a version awaiting signatures
 * reopens it when no one has signed yet, and otherwise voids it (kept, its signatures no longer
 * count) and starts a new draft.
 */

export type SaveEffect =
  /** The current version is a draft: it is changed in place. */
  | 'edit_draft'
  /** Awaiting signatures, none given yet: it goes back to draft, changed in place. */
  | 'reopen_draft'
  /** Awaiting signatures with signatures given: it is voided and a new draft version holds the change. */
  | 'void_and_new_version'
  /** Signed: a new draft version holds the change; the signed one stays in effect until it is signed. */
  | 'new_version';

export function saveEffect(status: PlanVersionStatus, signaturesGiven: number): SaveEffect {
  switch (status) {
    case 'draft':
      return 'edit_draft';
    case 'awaiting_signatures':
      return signaturesGiven === 0 ? 'reopen_draft' : 'void_and_new_version';
    case 'signed':
    case 'voided':
      return 'new_version';
  }
}

/** Which of a version's signatures are present. */
export type SignedSlots = Readonly<Record<PlanSignerSlot, boolean>>;

/** Who still has to sign; the version is in effect when this is empty. */
export function missingSignatures(signed: SignedSlots, cosignatureRequired: boolean): PlanSignerSlot[] {
  const out: PlanSignerSlot[] = [];
  if (!signed.clinician) out.push('clinician');
  if (!signed.participant) out.push('participant');
  if (cosignatureRequired && !signed.supervisor) out.push('supervisor');
  return out;
}

export function statusAfterSignatures(signed: SignedSlots, cosignatureRequired: boolean): PlanVersionStatus {
  return missingSignatures(signed, cosignatureRequired).length === 0 ? 'signed' : 'awaiting_signatures';
}

/**
 * A supervisor, for co-signing plans, is someone whose role holds co-signature rights
 * (clinical.cosign): today the program director. Trellis has no separate supervisor flag; an
 * organization that wants a senior clinician to co-sign gives them the director role too.
 */
export function isSupervisor(roles: readonly Role[]): boolean {
  return roles.some((role) => allowedActions(role).includes('clinical.cosign'));
}

export interface SignAttempt {
  slot: PlanSignerSlot;
  status: PlanVersionStatus;
  signed: SignedSlots;
  /** For a co-signature: whether the signer is a supervisor, and whether they signed as the clinician. */
  signerIsSupervisor?: boolean;
  signerIsClinicianSigner?: boolean;
}

/**
 * Whether this signature may be added now; the refusal says what to do instead. The clinician
 * may sign a draft (it is checked and frozen first); the participant signs a version awaiting
 * signatures; the supervisor co-signs after the clinician, never their own signature.
 */
export function checkSignAttempt(attempt: SignAttempt): DomainError | null {
  const { slot, status, signed } = attempt;
  if (status === 'voided') {
    return new DomainError(
      'invalid_state',
      'This version was replaced by a newer one. Open the current version of the plan to sign it.',
    );
  }
  if (slot === 'supervisor') {
    if (!attempt.signerIsSupervisor) {
      return new DomainError(
        'forbidden',
        'Only a supervisor (a program director) can co-sign a treatment plan. Ask one to co-sign it.',
      );
    }
    if (!signed.clinician) {
      return new DomainError(
        'invalid_state',
        'The clinician signs first: a co-signature stands behind the clinician’s signature.',
      );
    }
    if (attempt.signerIsClinicianSigner) {
      return new DomainError(
        'validation',
        'You signed this plan as its clinician; the co-signature must come from another supervisor.',
        [{ field: 'typedName', message: 'Ask another supervisor to co-sign.' }],
      );
    }
    if (signed.supervisor)
      return new DomainError('conflict', 'A supervisor has already co-signed this version.');
    return null;
  }
  if (status === 'signed') {
    return new DomainError(
      'invalid_state',
      'This version is signed and in effect. To change the plan, edit it: that starts a new version.',
    );
  }
  if (slot === 'clinician') {
    if (signed.clinician)
      return new DomainError('conflict', 'The clinician has already signed this version.');
    return null;
  }
  if (status === 'draft') {
    return new DomainError(
      'invalid_state',
      'The plan is still a draft. The clinician signs it (or sends it for signatures) before the participant signs.',
    );
  }
  if (signed.participant)
    return new DomainError('conflict', 'The participant has already signed this version.');
  return null;
}

/**
 * A review is of the plan in effect: the current version must be signed. A draft or a version
 * awaiting signatures on top of it must be finished first, so two next versions never compete.
 */
export function checkReviewable(
  currentStatus: PlanVersionStatus,
  effectiveVersion: number | null,
): DomainError | null {
  if (currentStatus === 'signed') return null;
  if (effectiveVersion === null) {
    return new DomainError(
      'invalid_state',
      'This plan has not been signed yet. A review looks at a signed plan: finish and sign the plan first.',
    );
  }
  return new DomainError(
    'invalid_state',
    `A newer version of the plan is open (not signed yet). Finish and sign it, or review after it is signed; version ${effectiveVersion} is the one in effect.`,
  );
}
