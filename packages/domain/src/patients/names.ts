/**
 * Names as the registry compares them: case, accents, punctuation, hyphens and spacing do not
 * make two people different. "José  García-López" and "jose garcia lopez" are the same key, so
 * a duplicate is caught however the intake coordinator typed it.
 */
export function normalizeName(name: string): string {
  return (
    name
      .normalize('NFKD')
      // Combining marks left by NFKD (é → e + ´), then letters NFKD does not split.
      .replace(/\p{M}+/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/[æ]/gi, 'ae')
      .replace(/[ø]/gi, 'o')
      .replace(/[đð]/gi, 'd')
      .replace(/[ł]/gi, 'l')
      .toLowerCase()
      // Apostrophes join (O'Brien → obrien); hyphens, dots and other punctuation separate.
      .replace(/['’`ʼ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/\s+/g, ' ')
  );
}

/** The duplicate-detection key of a person: normalized legal first and last name. */
export interface NameKey {
  first: string;
  last: string;
}

export function nameKey(firstName: string, lastName: string): NameKey {
  return { first: normalizeName(firstName), last: normalizeName(lastName) };
}

/**
 * The text name search runs on: legal first, preferred and legal last names, normalized. The
 * preferred name is in it because staff call people by it.
 */
export function searchableName(input: {
  legalFirstName: string;
  legalLastName: string;
  preferredName?: string | null | undefined;
}): string {
  return normalizeName(
    [input.legalFirstName, input.preferredName ?? '', input.legalLastName].filter(Boolean).join(' '),
  );
}

/** How the chart and lists show a person: "Preferred (Legal) Last" when the two differ. */
export function displayName(input: {
  legalFirstName: string;
  legalLastName: string;
  preferredName?: string | null | undefined;
}): string {
  const preferred = input.preferredName?.trim();
  if (preferred && normalizeName(preferred) !== normalizeName(input.legalFirstName)) {
    return `${preferred} (${input.legalFirstName}) ${input.legalLastName}`;
  }
  return `${input.legalFirstName} ${input.legalLastName}`;
}
