import type { Answers, Band, InstrumentDefinition, InstrumentItem } from './types.js';

/** Points an answered item contributes: the option's `points` when set (reverse scoring), else its value. */
export function pointsOf(item: InstrumentItem, value: number | undefined): number {
  if (value === undefined) return 0;
  const option = item.options.find((o) => o.value === value);
  return option?.points ?? value;
}

export function itemById(def: InstrumentDefinition, id: string): InstrumentItem {
  const item = def.items.find((i) => i.id === id);
  // A rule naming an item its own definition lacks is a programming error, not bad input.
  if (!item) throw new Error(`${def.code} has no item ${id}`);
  return item;
}

/** Sum of points over the given items (default: every scored item). Skipped items count 0. */
export function sumPoints(
  def: InstrumentDefinition,
  answers: Answers,
  itemIds: readonly string[] = def.items.filter((i) => i.scored).map((i) => i.id),
): number {
  return itemIds.reduce((sum, id) => sum + pointsOf(itemById(def, id), answers[id]), 0);
}

/** The band whose inclusive range holds the total. */
export function bandFor(total: number, bands: readonly Band[]): Band {
  const band = bands.find(
    (b) => b.min !== undefined && b.max !== undefined && total >= b.min && total <= b.max,
  );
  if (!band) throw new Error(`no band holds the total ${total}`);
  return band;
}

/** The label of the option chosen for an item, for messages. */
export function answerLabel(item: InstrumentItem, value: number | undefined): string {
  return item.options.find((o) => o.value === value)?.label ?? String(value);
}
