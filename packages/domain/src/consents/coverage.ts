import {
  type ConsentKind,
  type DisclosurePurpose,
  INFORMATION_LABELS,
  type InformationKind,
  kindCovers,
  PURPOSE_LABELS,
  type RecipientRelationship,
  TPO_PURPOSES,
  TPO_RELATIONSHIPS,
} from './kinds.js';

export type ConsentRecipient =
  | { kind: 'named'; name: string }
  /** The 2024 rule's single TPO consent: recipients described as a class, not by name. */
  | { kind: 'tpo_designation'; description: string };

/** A signed consent as the coverage rule needs it. */
export interface ConsentTerms {
  id: string;
  kind: ConsentKind;
  signedAt: Date;
  revokedAt: Date | null;
  /** The end of the last day the consent runs, as an instant. */
  expiresAt: Date | null;
  /** Set when the expiry event (e.g. the end of treatment) happened. */
  endedAt: Date | null;
  recipient: ConsentRecipient | null;
  purposes: readonly DisclosurePurpose[];
  informationKinds: readonly InformationKind[];
}

export interface DisclosureRequest {
  recipient: { name: string; relationship: RecipientRelationship };
  purpose: DisclosurePurpose;
  informationKinds: readonly InformationKind[];
  /**
   * Whether the information comes from SUD records protected by 42 CFR Part 2. Unless told
   * otherwise the rule assumes it does: only a Part 2 consent then covers it.
   */
  part2Protected?: boolean;
  now: Date;
}

export type DisclosureCoverageReason =
  | 'no_consent'
  | 'recipient_not_named'
  | 'purpose_not_covered'
  | 'information_not_covered'
  | 'not_yet_signed'
  | 'revoked'
  | 'expired';

export type DisclosureCoverage =
  | { covered: true; consentId: string }
  | { covered: false; code: DisclosureCoverageReason; reason: string; consentId?: string };

/** Names compare without case, spacing or punctuation: "Dr. Ana Ruiz" is "dr ana ruiz". */
export function normalizeRecipientName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function recipientMatches(consent: ConsentTerms, request: DisclosureRequest): boolean {
  const recipient = consent.recipient;
  if (!recipient) return false;
  if (recipient.kind === 'named') {
    return normalizeRecipientName(recipient.name) === normalizeRecipientName(request.recipient.name);
  }
  return TPO_RELATIONSHIPS.includes(request.recipient.relationship);
}

function purposeCovered(consent: ConsentTerms, purpose: DisclosurePurpose): boolean {
  if (consent.recipient?.kind === 'tpo_designation' && !TPO_PURPOSES.includes(purpose)) return false;
  return consent.purposes.includes(purpose);
}

function endOf(consent: ConsentTerms): { at: Date; code: 'revoked' | 'expired' } | null {
  const ends = [
    consent.revokedAt ? { at: consent.revokedAt, code: 'revoked' as const } : null,
    consent.expiresAt ? { at: consent.expiresAt, code: 'expired' as const } : null,
    consent.endedAt ? { at: consent.endedAt, code: 'expired' as const } : null,
  ].filter((end) => end !== null);
  ends.sort((a, b) => a.at.getTime() - b.at.getTime());
  return ends[0] ?? null;
}

/** How far a consent gets through the checks; the furthest one explains a refusal best. */
function evaluate(
  consent: ConsentTerms,
  request: DisclosureRequest,
): { stage: number; result: DisclosureCoverage } {
  const who = request.recipient.name;
  if (!recipientMatches(consent, request)) {
    return {
      stage: 1,
      result: {
        covered: false,
        code: 'recipient_not_named',
        reason: `No consent on file permits disclosures to ${who}. Ask the patient for a consent that names this recipient.`,
      },
    };
  }
  if (!purposeCovered(consent, request.purpose)) {
    return {
      stage: 2,
      result: {
        covered: false,
        code: 'purpose_not_covered',
        consentId: consent.id,
        reason: `The patient's consent for ${who} does not cover ${PURPOSE_LABELS[request.purpose]}.`,
      },
    };
  }
  const missing = request.informationKinds.filter((kind) => !kindCovers(consent.informationKinds, kind));
  if (missing.length > 0) {
    return {
      stage: 3,
      result: {
        covered: false,
        code: 'information_not_covered',
        consentId: consent.id,
        reason: `The patient's consent for ${who} does not include ${missing.map((k) => INFORMATION_LABELS[k]).join(', ')}.`,
      },
    };
  }
  if (consent.signedAt.getTime() > request.now.getTime()) {
    return {
      stage: 4,
      result: {
        covered: false,
        code: 'not_yet_signed',
        consentId: consent.id,
        reason:
          'The consent that would cover this was signed later; it does not cover an earlier disclosure.',
      },
    };
  }
  const end = endOf(consent);
  if (end && end.at.getTime() <= request.now.getTime()) {
    return {
      stage: 5,
      result: {
        covered: false,
        code: end.code,
        consentId: consent.id,
        reason:
          end.code === 'revoked'
            ? `The patient revoked the consent for ${who}; it no longer permits disclosures. Ask for a new consent if one is needed.`
            : `The consent for ${who} has expired; it no longer permits disclosures. Ask for a new consent if one is needed.`,
      },
    };
  }
  return { stage: 6, result: { covered: true, consentId: consent.id } };
}

/**
 * Whether a disclosure may go out under a consent on file, at `now`. A revoked or expired
 * consent stops covering new disclosures from the instant it ends. Consents to treatment and
 * telehealth never permit disclosures; a release of information covers only information that
 * is not protected by Part 2.
 */
export function consentCoversDisclosure(
  consents: readonly ConsentTerms[],
  request: DisclosureRequest,
): DisclosureCoverage {
  const part2 = request.part2Protected ?? true;
  const eligible = consents.filter(
    (c) => c.kind === 'part2' || (c.kind === 'release_of_information' && !part2),
  );
  if (request.informationKinds.length === 0) {
    return {
      covered: false,
      code: 'information_not_covered',
      reason: 'Say which information is to be disclosed.',
    };
  }
  let best: { stage: number; result: DisclosureCoverage } | null = null;
  for (const consent of eligible) {
    const outcome = evaluate(consent, request);
    if (outcome.result.covered) return outcome.result;
    if (!best || outcome.stage > best.stage) best = outcome;
  }
  if (best) return best.result;
  return {
    covered: false,
    code: 'no_consent',
    reason: part2
      ? 'No 42 CFR Part 2 consent on file permits disclosing these records. Ask the patient for a consent that names the recipient, the purpose and the information.'
      : 'No consent on file permits this disclosure. Ask the patient for a release of information that names the recipient, the purpose and the information.',
  };
}

/** The status a person sees, at `now`. */
export function consentStatusAt(
  consent: Pick<ConsentTerms, 'revokedAt' | 'expiresAt' | 'endedAt'>,
  now: Date,
): 'active' | 'revoked' | 'expired' {
  if (consent.revokedAt && consent.revokedAt.getTime() <= now.getTime()) return 'revoked';
  const ended = [consent.expiresAt, consent.endedAt].some((at) => at && at.getTime() <= now.getTime());
  return ended ? 'expired' : 'active';
}
