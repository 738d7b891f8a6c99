import { DomainError, type FieldProblem } from '../errors.js';
import type { ConsentRecipient } from './coverage.js';
import {
  type ConsentKind,
  DISCLOSING_KINDS,
  type DisclosurePurpose,
  type ExpiryEvent,
  type InformationKind,
  type RevocationChannel,
  TPO_PURPOSES,
  WRITTEN_CHANNELS,
} from './kinds.js';

export const DEFAULT_TPO_DESCRIPTION =
  'My treating providers, my health plans and other third-party payers, and the people who help ' +
  'this program operate, for treatment, payment and health care operations';

/** What staff fill in before the patient signs; checked before anything is written. */
export interface ConsentDraft {
  kind: ConsentKind;
  recipient?:
    | {
        kind: 'named' | 'tpo_designation';
        name?: string | null | undefined;
        description?: string | null | undefined;
      }
    | null
    | undefined;
  purposes?: readonly DisclosurePurpose[] | null | undefined;
  informationKinds?: readonly InformationKind[] | null | undefined;
  informationDescription?: string | null | undefined;
  /** The last day the consent runs, 'YYYY-MM-DD' in the organization's zone. */
  expiresOn?: string | null | undefined;
  expiryEvent?: ExpiryEvent | null | undefined;
}

/** The consent terms in the shape they are stored and signed. */
export interface ConsentContentTerms {
  recipient: ConsentRecipient | null;
  purposes: DisclosurePurpose[];
  informationKinds: InformationKind[];
  informationDescription: string | null;
  expiresOn: string | null;
  expiryEvent: ExpiryEvent | null;
}

/**
 * Checks a consent against what its kind requires (42 CFR §2.31 for Part 2, 45 CFR 164.508
 * for a release of information) and returns the problems, each naming its field. `today` is
 * the organization's local date.
 */
export function checkConsentDraft(draft: ConsentDraft, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const discloses = DISCLOSING_KINDS.includes(draft.kind);
  const purposes = draft.purposes ?? [];
  const kinds = draft.informationKinds ?? [];

  if (draft.expiresOn && draft.expiresOn < today) {
    add('expiresOn', 'The expiry date is in the past. Choose today or a later date, or an expiry event.');
  }

  if (!discloses) {
    if (draft.recipient)
      add('recipient', 'Only Part 2 and release-of-information consents name a recipient.');
    if (purposes.length > 0)
      add('purposes', 'Only Part 2 and release-of-information consents have purposes.');
    if (kinds.length > 0) {
      add('informationKinds', 'Only Part 2 and release-of-information consents disclose information.');
    }
    return problems;
  }

  const recipient = draft.recipient;
  const designation = recipient?.kind === 'tpo_designation';
  if (!recipient) {
    add('recipient', 'Name who will receive the information.');
  } else if (recipient.kind === 'named' && (recipient.name?.trim().length ?? 0) < 2) {
    add('recipient.name', 'Enter the name of the person or organization that will receive the information.');
  } else if (designation && draft.kind !== 'part2') {
    add(
      'recipient.kind',
      'A general designation is only for a Part 2 consent for treatment, payment and operations. Name the recipient.',
    );
  }

  if (purposes.length === 0) {
    add('purposes', 'Choose at least one purpose of the disclosure.');
  } else if (designation && purposes.some((p) => !TPO_PURPOSES.includes(p))) {
    add(
      'purposes',
      'A consent for treatment, payment and health care operations cannot cover other purposes. Use a separate consent that names the recipient.',
    );
  }

  if (kinds.length === 0) {
    add('informationKinds', 'Choose the information that may be disclosed.');
  } else if (kinds.includes('sud_counseling_notes')) {
    if (draft.kind !== 'part2') {
      add(
        'informationKinds',
        'Substance use disorder counseling notes are released only under a Part 2 consent.',
      );
    } else if (kinds.length > 1) {
      add(
        'informationKinds',
        'Counseling notes need a consent of their own. Remove the other information, or remove the counseling notes.',
      );
    }
  }

  const hasExpiry = Boolean(draft.expiresOn) || Boolean(draft.expiryEvent);
  if (!hasExpiry && !designation) {
    add('expiresOn', 'Give the date or the event on which this consent expires.');
  }
  return problems;
}

/** The draft, checked and in stored form; throws a 422 listing every field at fault. */
export function consentTermsOf(
  draft: ConsentDraft,
  today: string,
  extra: FieldProblem[] = [],
): ConsentContentTerms {
  const problems = [...checkConsentDraft(draft, today), ...extra];
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      problems.length === 1 ? problems[0]!.message : `${problems.length} fields need attention.`,
      problems,
    );
  }
  const discloses = DISCLOSING_KINDS.includes(draft.kind);
  const r = draft.recipient;
  const recipient: ConsentRecipient | null =
    !discloses || !r
      ? null
      : r.kind === 'named'
        ? { kind: 'named', name: (r.name ?? '').trim() }
        : { kind: 'tpo_designation', description: r.description?.trim() || DEFAULT_TPO_DESCRIPTION };
  return {
    recipient,
    purposes: discloses ? [...new Set(draft.purposes ?? [])] : [],
    informationKinds: discloses ? [...new Set(draft.informationKinds ?? [])] : [],
    informationDescription: discloses ? draft.informationDescription?.trim() || null : null,
    expiresOn: draft.expiresOn ?? null,
    expiryEvent: draft.expiryEvent ?? null,
  };
}

export interface RevocationRequest {
  /** The day the patient revoked, 'YYYY-MM-DD' in the organization's zone. */
  revokedOn: string;
  receivedVia: RevocationChannel;
  /** Today in the organization's zone. */
  today: string;
}

/** A consent is revoked once, on a day between its signature and today. */
export function checkRevocation(
  consent: { kind: ConsentKind; signedOn: string; revoked: boolean; recipient: ConsentRecipient | null },
  request: RevocationRequest,
): void {
  if (consent.revoked) {
    throw new DomainError('conflict', 'This consent was already revoked. Reload it to see when and how.');
  }
  if (request.revokedOn > request.today) {
    throw DomainError.invalid(
      'revokedOn',
      'A revocation cannot be dated in the future. Record it when it is received.',
    );
  }
  if (request.revokedOn < consent.signedOn) {
    throw DomainError.invalid(
      'revokedOn',
      'The revocation date is before the consent was signed. Check the date.',
    );
  }
  if (
    consent.kind === 'part2' &&
    consent.recipient?.kind === 'tpo_designation' &&
    !WRITTEN_CHANNELS.includes(request.receivedVia)
  ) {
    throw DomainError.invalid(
      'receivedVia',
      'A Part 2 consent for treatment, payment and operations is revoked in writing. Ask the patient to write and sign the revocation (on paper, by mail, email or the portal).',
    );
  }
}
