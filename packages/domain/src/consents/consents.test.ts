import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  type ConsentTerms,
  consentCoversDisclosure,
  consentStatusAt,
  type DisclosureRequest,
  normalizeRecipientName,
} from './coverage.js';
import { renderConsentText } from './templates.js';
import { checkConsentDraft, checkRevocation, consentTermsOf, DEFAULT_TPO_DESCRIPTION } from './validate.js';

const at = (iso: string) => new Date(iso);
const SIGNED = at('2026-11-02T15:00:00Z');

const named: ConsentTerms = {
  id: 'c-named',
  kind: 'part2',
  signedAt: SIGNED,
  revokedAt: null,
  expiresAt: at('2027-06-01T05:00:00Z'),
  endedAt: null,
  recipient: { kind: 'named', name: 'Springfield Family Clinic' },
  purposes: ['care_coordination'],
  informationKinds: ['attendance', 'treatment_plan'],
};

const tpo: ConsentTerms = {
  id: 'c-tpo',
  kind: 'part2',
  signedAt: SIGNED,
  revokedAt: null,
  expiresAt: null,
  endedAt: null,
  recipient: { kind: 'tpo_designation', description: DEFAULT_TPO_DESCRIPTION },
  purposes: ['treatment', 'payment', 'health_care_operations'],
  informationKinds: ['all_records'],
};

const request = (overrides: Partial<DisclosureRequest> = {}): DisclosureRequest => ({
  recipient: { name: 'Springfield Family Clinic', relationship: 'treating_provider' },
  purpose: 'care_coordination',
  informationKinds: ['attendance'],
  now: at('2026-12-01T12:00:00Z'),
  ...overrides,
});

describe('consentCoversDisclosure: Part 2 by recipient and purpose', () => {
  it('covers a named recipient for a listed purpose and information', () => {
    expect(consentCoversDisclosure([named], request())).toEqual({ covered: true, consentId: 'c-named' });
    expect(
      consentCoversDisclosure(
        [named],
        request({ recipient: { name: '  springfield family clinic.', relationship: 'other' } }),
      ),
    ).toEqual({ covered: true, consentId: 'c-named' });
  });

  it('refuses another recipient, another purpose, or more information than listed', () => {
    const other = consentCoversDisclosure(
      [named],
      request({ recipient: { name: 'Acme Employer', relationship: 'other' } }),
    );
    expect(other).toMatchObject({ covered: false, code: 'recipient_not_named' });
    expect(consentCoversDisclosure([named], request({ purpose: 'payment' }))).toMatchObject({
      covered: false,
      code: 'purpose_not_covered',
      consentId: 'c-named',
    });
    const more = consentCoversDisclosure(
      [named],
      request({ informationKinds: ['attendance', 'drug_screens'] }),
    );
    expect(more).toMatchObject({ covered: false, code: 'information_not_covered' });
    if (!more.covered) expect(more.reason).toMatch(/drug screen results/);
  });

  it('lets a TPO designation cover treating providers, plans and operators for TPO only', () => {
    const plan = request({
      recipient: { name: 'Any Health Plan', relationship: 'health_plan' },
      purpose: 'payment',
      informationKinds: ['diagnosis', 'billing'],
    });
    expect(consentCoversDisclosure([tpo], plan)).toEqual({ covered: true, consentId: 'c-tpo' });
    expect(consentCoversDisclosure([tpo], { ...plan, purpose: 'legal_proceedings' })).toMatchObject({
      covered: false,
      code: 'purpose_not_covered',
    });
    expect(
      consentCoversDisclosure([tpo], {
        ...plan,
        recipient: { name: 'A relative', relationship: 'family_or_friend' },
      }),
    ).toMatchObject({ covered: false, code: 'recipient_not_named' });
  });

  it('never lets "all records" cover SUD counseling notes', () => {
    expect(
      consentCoversDisclosure(
        [tpo],
        request({
          recipient: { name: 'Dr. Ruiz', relationship: 'treating_provider' },
          purpose: 'treatment',
          informationKinds: ['sud_counseling_notes'],
        }),
      ),
    ).toMatchObject({ covered: false, code: 'information_not_covered' });
  });

  it('does not count consents to treatment or telehealth, nor a release of information for Part 2 records', () => {
    const roi: ConsentTerms = { ...named, id: 'c-roi', kind: 'release_of_information' };
    const treatment: ConsentTerms = { ...named, id: 'c-tx', kind: 'treatment' };
    expect(consentCoversDisclosure([roi, treatment], request())).toMatchObject({
      covered: false,
      code: 'no_consent',
    });
    expect(consentCoversDisclosure([roi], request({ part2Protected: false }))).toEqual({
      covered: true,
      consentId: 'c-roi',
    });
    expect(consentCoversDisclosure([], request())).toMatchObject({ covered: false, code: 'no_consent' });
  });
});

describe('consentCoversDisclosure: revocation and expiry stop coverage at once', () => {
  it('stops covering from the instant of revocation', () => {
    const revokedAt = at('2026-12-01T12:00:00Z');
    const revoked = { ...named, revokedAt };
    expect(consentCoversDisclosure([revoked], request({ now: at('2026-12-01T11:59:59.999Z') })).covered).toBe(
      true,
    );
    expect(consentCoversDisclosure([revoked], request({ now: revokedAt }))).toMatchObject({
      covered: false,
      code: 'revoked',
      consentId: 'c-named',
    });
  });

  it('stops covering at the expiry instant, and when the expiry event happened', () => {
    const expiresAt = named.expiresAt!;
    expect(
      consentCoversDisclosure([named], request({ now: new Date(expiresAt.getTime() - 1) })).covered,
    ).toBe(true);
    expect(consentCoversDisclosure([named], request({ now: expiresAt }))).toMatchObject({ code: 'expired' });
    const ended = { ...tpo, endedAt: at('2026-12-01T00:00:00Z') };
    const plan = request({ recipient: { name: 'Plan', relationship: 'health_plan' }, purpose: 'payment' });
    expect(consentCoversDisclosure([ended], plan)).toMatchObject({ covered: false, code: 'expired' });
  });

  it('does not cover a disclosure before the consent was signed', () => {
    expect(consentCoversDisclosure([named], request({ now: at('2026-11-01T00:00:00Z') }))).toMatchObject({
      code: 'not_yet_signed',
    });
  });

  it('is covered by another consent still in force when one is revoked', () => {
    const revoked = { ...named, id: 'old', revokedAt: at('2026-11-20T00:00:00Z') };
    const renewed = { ...named, id: 'new', signedAt: at('2026-11-25T00:00:00Z') };
    expect(consentCoversDisclosure([revoked, renewed], request())).toEqual({
      covered: true,
      consentId: 'new',
    });
  });

  it('gives the status a person sees', () => {
    const now = at('2026-12-01T12:00:00Z');
    expect(consentStatusAt(named, now)).toBe('active');
    expect(consentStatusAt({ ...named, revokedAt: now }, now)).toBe('revoked');
    expect(consentStatusAt({ ...named, expiresAt: now }, now)).toBe('expired');
    expect(consentStatusAt({ ...tpo, endedAt: now }, now)).toBe('expired');
  });

  it('compares recipient names without case, spacing or punctuation', () => {
    expect(normalizeRecipientName('  Dr.  Ana   RUIZ, MD ')).toBe('dr ana ruiz md');
  });
});

describe('consent drafts', () => {
  const TODAY = '2026-11-30';
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
  const part2 = {
    kind: 'part2' as const,
    recipient: { kind: 'named' as const, name: 'Springfield Family Clinic' },
    purposes: ['care_coordination' as const],
    informationKinds: ['attendance' as const],
    expiresOn: '2027-06-30',
  };

  it('accepts a complete Part 2 consent and a TPO consent that runs until revoked', () => {
    expect(checkConsentDraft(part2, TODAY)).toEqual([]);
    expect(
      checkConsentDraft(
        {
          kind: 'part2',
          recipient: { kind: 'tpo_designation' },
          purposes: ['treatment', 'payment'],
          informationKinds: ['all_records'],
        },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses an expiry in the past, naming the field; today is fine', () => {
    expect(fields(checkConsentDraft({ ...part2, expiresOn: '2026-11-29' }, TODAY))).toEqual(['expiresOn']);
    expect(checkConsentDraft({ ...part2, expiresOn: TODAY }, TODAY)).toEqual([]);
    expect(fields(checkConsentDraft({ kind: 'telehealth', expiresOn: '2020-01-01' }, TODAY))).toEqual([
      'expiresOn',
    ]);
  });

  it('requires recipient, purpose, information and an expiry for a named Part 2 consent', () => {
    expect(fields(checkConsentDraft({ kind: 'part2' }, TODAY))).toEqual([
      'recipient',
      'purposes',
      'informationKinds',
      'expiresOn',
    ]);
    expect(fields(checkConsentDraft({ ...part2, recipient: { kind: 'named', name: ' ' } }, TODAY))).toEqual([
      'recipient.name',
    ]);
    expect(checkConsentDraft({ ...part2, expiresOn: null, expiryEvent: 'end_of_treatment' }, TODAY)).toEqual(
      [],
    );
  });

  it('keeps a TPO designation to TPO purposes and to Part 2 consents', () => {
    const designation = { kind: 'tpo_designation' as const };
    expect(
      fields(
        checkConsentDraft(
          { ...part2, recipient: designation, purposes: ['treatment', 'legal_proceedings'] },
          TODAY,
        ),
      ),
    ).toEqual(['purposes']);
    expect(
      fields(
        checkConsentDraft(
          { ...part2, kind: 'release_of_information', recipient: designation, purposes: ['treatment'] },
          TODAY,
        ),
      ),
    ).toEqual(['recipient.kind']);
  });

  it('keeps counseling notes in a Part 2 consent of their own', () => {
    expect(
      fields(
        checkConsentDraft({ ...part2, informationKinds: ['sud_counseling_notes', 'attendance'] }, TODAY),
      ),
    ).toEqual(['informationKinds']);
    expect(checkConsentDraft({ ...part2, informationKinds: ['sud_counseling_notes'] }, TODAY)).toEqual([]);
    expect(
      fields(
        checkConsentDraft(
          { ...part2, kind: 'release_of_information', informationKinds: ['sud_counseling_notes'] },
          TODAY,
        ),
      ),
    ).toEqual(['informationKinds']);
  });

  it('gives treatment and telehealth consents no recipient', () => {
    expect(fields(checkConsentDraft({ kind: 'treatment', recipient: part2.recipient }, TODAY))).toEqual([
      'recipient',
    ]);
    expect(checkConsentDraft({ kind: 'treatment' }, TODAY)).toEqual([]);
  });

  it('turns a draft into stored terms, or throws a 422 listing every field', () => {
    const terms = consentTermsOf(
      {
        kind: 'part2',
        recipient: { kind: 'tpo_designation', name: 'ignored' },
        purposes: ['payment', 'payment'],
        informationKinds: ['all_records'],
      },
      TODAY,
    );
    expect(terms).toMatchObject({
      recipient: { kind: 'tpo_designation', description: DEFAULT_TPO_DESCRIPTION },
      purposes: ['payment'],
      expiresOn: null,
    });
    try {
      consentTermsOf({ kind: 'part2' }, TODAY, [{ field: 'signature.typedName', message: 'Type it.' }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(fields((error as DomainError).errors)).toContain('signature.typedName');
    }
  });
});

describe('revocation', () => {
  const consent = {
    kind: 'part2' as const,
    signedOn: '2026-11-02',
    revoked: false,
    recipient: named.recipient,
  };
  const today = '2026-11-30';

  it('is accepted between the signature and today', () => {
    expect(() => checkRevocation(consent, { revokedOn: today, receivedVia: 'verbal', today })).not.toThrow();
    expect(() =>
      checkRevocation(consent, { revokedOn: '2026-11-02', receivedVia: 'mail', today }),
    ).not.toThrow();
  });

  it('refuses a second revocation with a conflict, and dates outside the consent', () => {
    expect(() =>
      checkRevocation({ ...consent, revoked: true }, { revokedOn: today, receivedVia: 'mail', today }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => checkRevocation(consent, { revokedOn: '2026-12-01', receivedVia: 'mail', today })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() => checkRevocation(consent, { revokedOn: '2026-11-01', receivedVia: 'mail', today })).toThrow(
      /before the consent was signed/,
    );
  });

  it('takes a TPO consent revocation in writing only', () => {
    const tpoConsent = { ...consent, recipient: tpo.recipient };
    expect(() => checkRevocation(tpoConsent, { revokedOn: today, receivedVia: 'verbal', today })).toThrow(
      /in writing/,
    );
    expect(() =>
      checkRevocation(tpoConsent, { revokedOn: today, receivedVia: 'portal', today }),
    ).not.toThrow();
  });
});

describe('consent texts', () => {
  const values = {
    patientName: 'Jordan Example',
    organizationName: 'Cedar Grove',
    recipient: { kind: 'named' as const, name: 'Springfield Family Clinic' },
    purposes: ['care_coordination' as const, 'treatment' as const],
    informationKinds: ['attendance' as const, 'treatment_plan' as const, 'drug_screens' as const],
    informationDescription: 'from admission to discharge',
    expiresOn: '2027-06-30',
    expiryEvent: null,
  };

  it('renders every element a Part 2 consent needs into the text that is signed', () => {
    const rendered = renderConsentText('part2', values);
    expect(rendered.templateVersion).toBe(1);
    expect(rendered.text).toContain('I, Jordan Example, allow Cedar Grove');
    expect(rendered.text).toContain(
      'attendance and participation, treatment plans and reviews and drug screen results; from admission to discharge',
    );
    expect(rendered.text).toContain('It may be disclosed to: Springfield Family Clinic.');
    expect(rendered.text).toContain('Purpose: coordinating my care and treatment.');
    expect(rendered.text).toContain('This consent expires: on June 30, 2027.');
    expect(rendered.text).toMatch(/revoke this consent at any time/);
    expect(rendered.text).toMatch(/proceeding against me/);
    expect(rendered.text).toMatch(/may not be disclosed again/);
    expect(rendered.text).not.toMatch(/HIPAA Privacy Rule permits/);
    expect(rendered.text).not.toMatch(/\{\{/);
  });

  it('explains redisclosure and the consequences of refusing in a TPO consent', () => {
    const rendered = renderConsentText('part2', {
      ...values,
      recipient: { kind: 'tpo_designation', description: DEFAULT_TPO_DESCRIPTION },
      purposes: ['treatment', 'payment', 'health_care_operations'],
      expiresOn: null,
    });
    expect(rendered.text).toMatch(/HIPAA Privacy Rule permits/);
    expect(rendered.text).toMatch(/If I do not sign/);
    expect(rendered.text).toContain('This consent expires: when I revoke it.');
  });

  it('renders consents to treatment and telehealth with the patient and the program', () => {
    for (const kind of ['treatment', 'telehealth'] as const) {
      const rendered = renderConsentText(kind, {
        ...values,
        recipient: null,
        purposes: [],
        informationKinds: [],
        expiresOn: null,
      });
      expect(rendered.text).toContain('Jordan Example');
      expect(rendered.text).toContain('Cedar Grove');
      expect(rendered.text).toMatch(/988/);
      expect(rendered.text).not.toMatch(/\{\{|no later than/);
    }
  });
});
