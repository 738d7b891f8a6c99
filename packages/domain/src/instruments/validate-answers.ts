import { DomainError, type FieldProblem } from '../errors.js';
import { answerLabel } from './points.js';
import type { Answers, InstrumentDefinition, InstrumentItem } from './types.js';

function describeOptions(item: InstrumentItem): string {
  return item.options.map((o) => `${o.value} (${o.label})`).join(', ');
}

/** Every problem at once, so the person fixes a form in one pass. */
export function invalidAnswers(problems: readonly FieldProblem[]): DomainError {
  const [only] = problems;
  const message =
    problems.length === 1 && only
      ? only.message
      : `${problems.length} answers need attention: ${problems.map((p) => p.message).join(' ')}`;
  return new DomainError('validation', message, [...problems]);
}

/**
 * Checks answers against a definition: every key is an item, every value one of the item's
 * option values, every required item that is asked is answered, and no item the branching skips
 * is answered. `null` and `undefined` mean "not answered". There is no proration: an instrument
 * with a missing required answer is not scored (DOMAIN.md 1.1 notes no endorsed proration rule).
 */
export function checkAnswers(def: InstrumentDefinition, input: unknown): Answers {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw DomainError.invalid('answers', 'Answers must be an object keyed by item id, e.g. {"phq9_1": 0}.');
  }
  const raw = input as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const known = new Set(def.items.map((i) => i.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      problems.push({
        field: `answers.${key}`,
        message: `"${key}" is not an item of the ${def.shortTitle}; remove it.`,
      });
    }
  }

  const answers: Record<string, number> = {};
  for (const item of def.items) {
    const value = raw[item.id];
    const answered = value !== undefined && value !== null;
    const field = `answers.${item.id}`;
    if (answered && !item.options.some((o) => o.value === value)) {
      problems.push({
        field,
        message: `${JSON.stringify(value)} is not an answer to ${item.id}; use one of ${describeOptions(item)}.`,
      });
      continue;
    }
    const condition = item.askedWhen;
    const asked = !condition || raw[condition.itemId] === condition.value;
    if (!asked && answered) {
      const parent = def.items.find((i) => i.id === condition?.itemId);
      problems.push({
        field,
        message: `${item.id} is asked only when ${condition?.itemId} is "${parent ? answerLabel(parent, condition?.value) : condition?.value}"; leave it blank or correct ${condition?.itemId}.`,
      });
      continue;
    }
    if (asked && !answered && item.required) {
      problems.push({
        field,
        message: `Answer ${item.id}: the ${def.shortTitle} cannot be scored with a required answer missing.`,
      });
      continue;
    }
    if (answered) answers[item.id] = value as number;
  }

  if (problems.length > 0) throw invalidAnswers(problems);
  return answers;
}
