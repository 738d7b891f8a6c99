import { normalizeName } from '../patients/names.js';
import { DIAGNOSIS_CODES, type DiagnosisCode } from './codes.js';

const BY_CODE = new Map(DIAGNOSIS_CODES.map((d) => [d.code, d]));
const SEARCH_TEXT = new Map(DIAGNOSIS_CODES.map((d) => [d.code, ` ${normalizeName(d.text)}`]));

/** "f32.1", "F321" and " F32.1 " all name F32.1. */
export function canonicalCode(code: string): string {
  const compact = code.trim().toUpperCase().replace(/\./g, '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** The code from the curated list, or undefined when it is not one an IOP diagnoses from here. */
export function findDiagnosis(code: string): DiagnosisCode | undefined {
  return BY_CODE.get(canonicalCode(code));
}

/**
 * Searches the list by code prefix ("F41", "f43.1") or by words of the title, each word a
 * prefix ("adj anx" finds "Adjustment disorder with anxiety"). Code matches come first.
 */
export function searchDiagnoses(query: string, limit = 25): DiagnosisCode[] {
  const text = query.trim();
  if (text === '') return DIAGNOSIS_CODES.slice(0, limit);
  const compact = text.toUpperCase().replace(/\./g, '');
  const byCode = /^[A-Z]\d[0-9A-Z]*$/.test(compact)
    ? DIAGNOSIS_CODES.filter((d) => d.code.replace('.', '').startsWith(compact))
    : [];
  const tokens = normalizeName(text).split(' ').filter(Boolean);
  const byText =
    tokens.length === 0
      ? []
      : DIAGNOSIS_CODES.filter((d) => {
          const haystack = SEARCH_TEXT.get(d.code) ?? '';
          return tokens.every((t) => haystack.includes(` ${t}`));
        });
  const seen = new Set<string>();
  return [...byCode, ...byText].filter((d) => !seen.has(d.code) && seen.add(d.code)).slice(0, limit);
}
