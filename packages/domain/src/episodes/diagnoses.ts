import { findDiagnosis } from '../diagnoses/search.js';
import type { FieldProblem } from '../errors.js';

export interface DiagnosisInput {
  code: string;
  primary?: boolean | undefined;
}

export interface EpisodeDiagnosis {
  code: string;
  text: string;
  primary: boolean;
  sud: boolean;
}

/**
 * Checks the diagnoses of an episode against the curated list: known codes, no code twice,
 * exactly one primary (the first when none is marked). The text always comes from the list, so
 * a claim never carries a title that does not match its code.
 */
export function resolveDiagnoses(
  input: readonly DiagnosisInput[],
): { ok: true; diagnoses: EpisodeDiagnosis[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const diagnoses: EpisodeDiagnosis[] = [];
  input.forEach((d, i) => {
    const found = findDiagnosis(d.code);
    if (!found) {
      problems.push({
        field: `diagnoses.${i}.code`,
        message: `${d.code.trim()} is not on the program's ICD-10-CM list. Search the list (GET /api/v1/diagnoses?q=) and choose a code from it.`,
      });
      return;
    }
    if (seen.has(found.code)) {
      problems.push({ field: `diagnoses.${i}.code`, message: `${found.code} is listed twice.` });
      return;
    }
    seen.add(found.code);
    diagnoses.push({
      code: found.code,
      text: found.text,
      primary: d.primary === true,
      sud: found.sud === true,
    });
  });
  const primaries = input.filter((d) => d.primary === true).length;
  if (primaries > 1) {
    problems.push({ field: 'diagnoses', message: 'Mark one diagnosis as primary, not several.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (primaries === 0 && diagnoses[0]) diagnoses[0].primary = true;
  return { ok: true, diagnoses };
}
