/**
 * Medical record numbers: unique in the organization, handed out by a counter (gaps are
 * allowed: a rolled-back admission burns its number). Six digits keep them short to read aloud
 * over the phone; the number grows past six digits without changing format.
 */
export const MRN_PREFIX = 'TR';

export function formatMrn(sequence: number): string {
  return `${MRN_PREFIX}-${String(sequence).padStart(6, '0')}`;
}

/** "TR-000123", "tr123", "TR 123": the MRN meant, or null when the text is not one. */
export function parseMrn(text: string): string | null {
  const match = /^tr[\s-]?0*(\d{1,9})$/i.exec(text.trim());
  return match ? formatMrn(Number(match[1])) : null;
}
