import { describe, expect, it } from 'vitest';
import { isValidPhone, phoneDigits } from './contact.js';
import { ageAt, ageOn, dateOfBirthProblem, isCalendarDate, localDate } from './dates.js';
import { formatMrn, parseMrn } from './mrn.js';
import { displayName, nameKey, normalizeName, searchableName } from './names.js';
import { parsePatientQuery } from './search-query.js';

describe('normalizeName', () => {
  it.each([
    ['José', 'jose'],
    ['  GARCÍA-López ', 'garcia lopez'],
    ['garcia   lopez', 'garcia lopez'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Zoë', 'zoe'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Łukasz', 'lukasz'],
    ['Anne-Marie', 'anne marie'],
    ['St. John', 'st john'],
    ['Nguyễn', 'nguyen'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('gives the same duplicate key however the name was typed', () => {
    expect(nameKey('José', 'García-López')).toEqual(nameKey(' jose ', 'GARCIA LOPEZ'));
    expect(nameKey('Ann', 'Lee')).not.toEqual(nameKey('Anna', 'Lee'));
  });

  it('searches legal first, preferred and last names', () => {
    expect(
      searchableName({ legalFirstName: 'Robert', preferredName: 'Bobby', legalLastName: 'Day-Lewis' }),
    ).toBe('robert bobby day lewis');
    expect(searchableName({ legalFirstName: 'Robert', legalLastName: 'Day' })).toBe('robert day');
  });

  it('shows the preferred name first when it differs from the legal one', () => {
    expect(displayName({ legalFirstName: 'Robert', preferredName: 'Bobby', legalLastName: 'Day' })).toBe(
      'Bobby (Robert) Day',
    );
    expect(displayName({ legalFirstName: 'Robert', preferredName: 'robert', legalLastName: 'Day' })).toBe(
      'Robert Day',
    );
  });
});

describe('parsePatientQuery', () => {
  it.each([
    ['TR-000123', { kind: 'mrn', mrn: 'TR-000123' }],
    ['tr123', { kind: 'mrn', mrn: 'TR-000123' }],
    ['123', { kind: 'mrn', mrn: 'TR-000123' }],
    ['1980-04-12', { kind: 'date_of_birth', date: '1980-04-12' }],
    ['04/12/1980', { kind: 'date_of_birth', date: '1980-04-12' }],
    ['4/2/1980', { kind: 'date_of_birth', date: '1980-04-02' }],
    ['(555) 010-0123', { kind: 'phone', digits: '5550100123' }],
    ['1-555-010-0123', { kind: 'phone', digits: '5550100123' }],
    ['5550100', { kind: 'phone', digits: '5550100' }],
    ['555-01', { kind: 'phone', digits: '55501' }],
    ['  García lo ', { kind: 'name', text: 'garcia lo', tokens: ['garcia', 'lo'] }],
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['1980-02-30', { kind: 'none' }],
    ['13/45/1980', { kind: 'none' }],
    ['%_\\', { kind: 'none' }],
  ])('%j', (text, expected) => {
    expect(parsePatientQuery(text)).toEqual(expected);
  });

  it('keeps name tokens free of regex or LIKE metacharacters', () => {
    const query = parsePatientQuery('a.*b (c)|d [e]');
    expect(query).toEqual({ kind: 'name', text: 'a b c d e', tokens: ['a', 'b', 'c', 'd', 'e'] });
  });
});

describe('MRN', () => {
  it('formats six digits and grows past them', () => {
    expect(formatMrn(123)).toBe('TR-000123');
    expect(formatMrn(1_234_567)).toBe('TR-1234567');
    expect(parseMrn('TR 42')).toBe('TR-000042');
    expect(parseMrn('TX-42')).toBeNull();
  });
});

describe('phones', () => {
  it('searches North American numbers by their ten digits', () => {
    expect(phoneDigits('+1 (555) 010-0123')).toBe('5550100123');
    expect(phoneDigits('555.010.0123')).toBe('5550100123');
    expect(phoneDigits('+44 20 7946 0123')).toBe('442079460123');
  });
  it.each([
    ['555-010-0123', true],
    ['1 555 010 0123', true],
    ['+44 20 7946 0123', true],
    ['555-0123', false],
    ['call me', false],
    ['555-010-01234', false],
  ])('%s valid: %s', (phone, valid) => {
    expect(isValidPhone(phone)).toBe(valid);
  });
});

describe('dates of birth and age', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1980-4-12')).toBe(false);
  });

  it('refuses a future or implausibly old date of birth', () => {
    expect(dateOfBirthProblem('2026-12-01', '2026-11-30')).toMatch(/future/);
    expect(dateOfBirthProblem('1890-01-01', '2026-11-30')).toMatch(/older than/);
    expect(dateOfBirthProblem('2026-11-30', '2026-11-30')).toBeNull();
  });

  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('1980-04-12', '2026-04-11')).toBe(45);
    expect(ageOn('1980-04-12', '2026-04-12')).toBe(46);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('reads today in the organization’s time zone, not UTC', () => {
    // 03:00 UTC on 12 April is still 11 April in Chicago.
    const now = new Date('2026-04-12T03:00:00Z');
    expect(localDate(now, 'America/Chicago')).toBe('2026-04-11');
    expect(ageAt('1980-04-12', now, 'America/Chicago')).toBe(45);
    expect(ageAt('1980-04-12', now, 'Europe/Berlin')).toBe(46);
  });
});
