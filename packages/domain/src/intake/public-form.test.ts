import { describe, expect, it } from 'vitest';
import * as api from '../api/index.js';
import { formatUsPhone, inquiryReference, publicNextSteps, usPhoneDigits } from './public-form.js';

describe('usPhoneDigits', () => {
  it.each([
    ['(217) 555-0123', '2175550123'],
    ['217-555-0123', '2175550123'],
    ['217.555.0123', '2175550123'],
    ['217 555 0123', '2175550123'],
    ['2175550123', '2175550123'],
    ['+1 217 555 0123', '2175550123'],
    ['1-217-555-0123', '2175550123'],
  ])('reads %s as its 10 digits', (typed, digits) => {
    expect(usPhoneDigits(typed)).toBe(digits);
  });

  it.each([
    ['555-0123', 'too short'],
    ['217-555-01234', 'too long'],
    ['(017) 555-0123', 'area code starting 0'],
    ['(217) 155-0123', 'exchange starting 1'],
    ['+44 20 7946 0123', 'not a US number'],
    ['217-555-0123 x12', 'an extension'],
    ['CALL-NOW-PLS', 'letters'],
    ['', 'empty'],
  ])('refuses %s (%s)', (typed) => {
    expect(usPhoneDigits(typed)).toBeNull();
  });

  it('formats digits for people to read', () => {
    expect(formatUsPhone('2175550123')).toBe('217-555-0123');
  });
});

describe('inquiryReference', () => {
  it('builds an unambiguous code from random bytes', () => {
    const reference = inquiryReference(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(reference).toBe('GS-2345-6789');
    expect(inquiryReference(new Uint8Array(8).fill(255))).toMatch(
      /^GS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/,
    );
  });
});

describe('publicNextSteps', () => {
  const base = {
    organizationName: 'Cedar Grove',
    organizationPhone: '217-555-0100',
    preferredContactMethod: 'text' as const,
    insuranceGiven: true,
  };

  it('says who calls, how, when, and names 988 and 911', () => {
    const steps = publicNextSteps(base);
    expect(steps[0]).toMatch(/Cedar Grove will contact you by text message within one business day/);
    expect(steps.join(' ')).toMatch(/check your insurance benefits/);
    expect(steps.join(' ')).toMatch(/217-555-0100/);
    expect(steps.at(-1)).toMatch(/call or text 988.*988lifeline\.org.*911/);
  });

  it('depends only on what was sent and on the program', () => {
    expect(publicNextSteps(base)).toEqual(publicNextSteps({ ...base }));
    expect(publicNextSteps({ ...base, insuranceGiven: false }).join(' ')).toMatch(/have your card nearby/);
    expect(publicNextSteps({ ...base, organizationPhone: null }).join(' ')).not.toMatch(/call us at/);
  });
});

describe('the public form (api.PublicInquiryRequest)', () => {
  const valid = {
    firstName: 'Rowan',
    lastName: 'Example',
    phone: '(217) 555-0142',
    preferredContactMethod: 'phone',
    helpWanted: 'mental_health',
    consentToContact: true,
  };
  const fieldsOf = (body: unknown) => {
    const result = api.PublicInquiryRequest.safeParse(body);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a minimal form and stores the phone as digits', () => {
    const parsed = api.PublicInquiryRequest.parse(valid);
    expect(parsed.phone).toBe('2175550142');
  });

  it('treats blank optional fields as not given', () => {
    const parsed = api.PublicInquiryRequest.parse({ ...valid, email: '  ', website: '' });
    expect(parsed.email).toBeUndefined();
  });

  it('refuses a form with neither phone nor email, naming both', () => {
    const { phone: _phone, ...noContact } = valid;
    expect(fieldsOf({ ...noContact, preferredContactMethod: 'email' })).toEqual(
      expect.arrayContaining(['phone', 'email']),
    );
    expect(fieldsOf({ ...valid, phone: '' })).toEqual(expect.arrayContaining(['phone', 'email']));
  });

  it('refuses a malformed email and a malformed phone', () => {
    expect(fieldsOf({ ...valid, email: 'rowan@' })).toEqual(['email']);
    expect(fieldsOf({ ...valid, email: 'not an email' })).toEqual(['email']);
    expect(fieldsOf({ ...valid, phone: '555-0142' })).toEqual(['phone']);
    expect(fieldsOf({ ...valid, phone: 'call me' })).toEqual(['phone']);
    const result = api.PublicInquiryRequest.safeParse({ ...valid, phone: '12' });
    expect(result.success ? '' : result.error.issues[0]?.message).toMatch(/US phone number/);
  });

  it('needs the detail of the preferred contact method', () => {
    expect(fieldsOf({ ...valid, preferredContactMethod: 'email' })).toEqual(['preferredContactMethod']);
    const { phone: _phone, ...emailOnly } = valid;
    expect(fieldsOf({ ...emailOnly, email: 'r@example.org', preferredContactMethod: 'text' })).toEqual([
      'preferredContactMethod',
    ]);
  });

  it('needs consent to be contacted, as true', () => {
    expect(fieldsOf({ ...valid, consentToContact: false })).toEqual(['consentToContact']);
    const { consentToContact: _c, ...noConsent } = valid;
    expect(fieldsOf(noConsent)).toEqual(['consentToContact']);
  });

  it('bounds every string and refuses unknown fields', () => {
    expect(fieldsOf({ ...valid, firstName: 'x'.repeat(61) })).toEqual(['firstName']);
    expect(fieldsOf({ ...valid, insurance: { payerName: 'x'.repeat(121) } })).toEqual([
      'insurance.payerName',
    ]);
    expect(fieldsOf({ ...valid, insurance: { payerName: 'Aetna', memberId: 'x'.repeat(41) } })).toEqual([
      'insurance.memberId',
    ]);
    expect(fieldsOf({ ...valid, website: 'x'.repeat(501) })).toEqual(['website']);
    expect(fieldsOf({ ...valid, ssn: '000-00-0000' })).toEqual(['']);
  });

  it('checks the subscriber date of birth as a calendar date', () => {
    expect(
      fieldsOf({ ...valid, insurance: { payerName: 'Aetna', subscriberDateOfBirth: '1990-02-30' } }),
    ).toEqual(['insurance.subscriberDateOfBirth']);
  });
});
