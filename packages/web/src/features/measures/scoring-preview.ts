import type { Band, InstrumentDefinition, InstrumentItem } from './measures-api';

export type AnswerState = Record<string, number | undefined>;

/** An item is asked unless it depends on another answer that was not given. */
export function isAsked(item: Pick<InstrumentItem, 'askedWhen'>, answers: AnswerState): boolean {
  return !item.askedWhen || answers[item.askedWhen.itemId] === item.askedWhen.value;
}

export function bandOf(bands: readonly Band[], total: number): Band | null {
  return (
    bands.find(
      (band) =>
        (band.min === undefined || total >= band.min) && (band.max === undefined || total <= band.max),
    ) ?? null
  );
}

export interface Preview {
  answered: number;
  asked: number;
  /** The sum so far; null when the instrument has no simple total (C-SSRS, MDQ). */
  total: number | null;
  band: Band | null;
  complete: boolean;
}

/**
 * A running total while answers are entered, from the points printed on the form. It is only a
 * guide: the score that counts is the one the server returns on Save (with the organization's
 * settings and the instrument's special rules).
 */
export function previewScore(instrument: InstrumentDefinition, answers: AnswerState): Preview {
  const asked = instrument.items.filter((item) => isAsked(item, answers));
  const answered = asked.filter((item) => answers[item.id] !== undefined);
  const complete = asked.every((item) => !item.required || answers[item.id] !== undefined);
  if (!instrument.totalRange)
    return { answered: answered.length, asked: asked.length, total: null, band: null, complete };
  let total = 0;
  for (const item of answered) {
    if (!item.scored) continue;
    const value = answers[item.id];
    const option = item.options.find((o) => o.value === value);
    total += option?.points ?? option?.value ?? 0;
  }
  return {
    answered: answered.length,
    asked: asked.length,
    total,
    band: bandOf(instrument.bands, total),
    complete,
  };
}

/** The colour of a severity band by its place in the list: mildest green, most severe red. */
export function bandColor(bands: readonly Band[], code: string | undefined): string {
  const index = bands.findIndex((band) => band.code === code);
  if (index < 0 || bands.length < 2) return 'gray';
  const palette = ['teal', 'lime', 'yellow', 'orange', 'red'];
  const step = (index / (bands.length - 1)) * (palette.length - 1);
  return palette[Math.round(step)] ?? 'gray';
}
