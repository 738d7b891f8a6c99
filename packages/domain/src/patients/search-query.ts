import { phoneDigits } from './contact.js';
import { isCalendarDate } from './dates.js';
import { formatMrn, parseMrn } from './mrn.js';
import { normalizeName } from './names.js';

/**
 * What a person typed into the one patient search box, read as one key. The server runs one
 * indexed query per kind, so as-you-type stays fast however large the registry.
 */
export type PatientQuery =
  | { kind: 'mrn'; mrn: string }
  | { kind: 'date_of_birth'; date: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'name'; text: string; tokens: string[] }
  | { kind: 'none' };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Fewer digits than this are a medical record number; this many or more, a phone number. */
const MIN_PHONE_DIGITS = 7;

export function parsePatientQuery(raw: string): PatientQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'none' };

  const mrn = parseMrn(text);
  if (mrn) return { kind: 'mrn', mrn };

  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return isCalendarDate(text) ? { kind: 'date_of_birth', date: text } : { kind: 'none' };
  }
  const us = US_DATE.exec(text);
  if (us) {
    const date = `${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}`;
    return isCalendarDate(date) ? { kind: 'date_of_birth', date } : { kind: 'none' };
  }

  if (/^[\d\s().+-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length === 0) return { kind: 'none' };
    if (digits.length < MIN_PHONE_DIGITS && !/[\s().+-]/.test(text)) {
      return { kind: 'mrn', mrn: formatMrn(Number(digits)) };
    }
    return { kind: 'phone', digits: phoneDigits(text) };
  }

  const normalized = normalizeName(text);
  if (normalized === '') return { kind: 'none' };
  return { kind: 'name', text: normalized, tokens: normalized.split(' ').slice(0, 5) };
}
