// Builders shared by the instrument tests (imported only by *.test.ts files).
import { expect } from 'vitest';
import { DomainError } from '../errors.js';
import { pointsOf } from './points.js';
import { getInstrument } from './registry.js';
import type { InstrumentDefinition, InstrumentItem } from './types.js';

type Mutable = Record<string, number>;

function isAsked(item: InstrumentItem, answers: Mutable): boolean {
  return !item.askedWhen || answers[item.askedWhen.itemId] === item.askedWhen.value;
}

/** Every asked required item at its lowest-scoring option; optional items left blank. */
export function lowestAnswers(code: string, overrides: Mutable = {}): Mutable {
  const def = getInstrument(code);
  const answers: Mutable = {};
  for (const item of def.items) {
    if (item.id in overrides) {
      answers[item.id] = overrides[item.id]!;
    } else if (item.required && isAsked(item, answers)) {
      const lowest = [...item.options].sort((a, b) => pointsOf(item, a.value) - pointsOf(item, b.value))[0]!;
      answers[item.id] = lowest.value;
    }
  }
  return answers;
}

/** Answers whose scored items add up to `total` (found by search), other asked items at their lowest. */
export function answersForTotal(code: string, total: number, fixed: Mutable = {}): Mutable {
  const def = getInstrument(code);
  const free = def.items.filter((i) => i.scored && !(i.id in fixed));
  const fixedPoints = Object.entries(fixed).reduce((sum, [id, v]) => {
    const item = def.items.find((i) => i.id === id)!;
    return sum + (item.scored ? pointsOf(item, v) : 0);
  }, 0);
  const chosen: Mutable = {};
  const search = (index: number, remaining: number): boolean => {
    if (index === free.length) return remaining === 0;
    const item = free[index]!;
    const options = [...item.options].sort((a, b) => pointsOf(item, b.value) - pointsOf(item, a.value));
    for (const option of options) {
      const points = pointsOf(item, option.value);
      if (points > remaining) continue;
      chosen[item.id] = option.value;
      if (search(index + 1, remaining - points)) return true;
    }
    return false;
  };
  if (!search(0, total - fixedPoints)) throw new Error(`no ${code} answers add up to ${total}`);
  return lowestAnswers(code, { ...fixed, ...chosen });
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random valid answers that follow the branching; optional items answered about half the time. */
export function randomAnswers(def: InstrumentDefinition, random: () => number): Mutable {
  const answers: Mutable = {};
  for (const item of def.items) {
    if (!isAsked(item, answers)) continue;
    if (!item.required && random() < 0.5) continue;
    answers[item.id] = item.options[Math.floor(random() * item.options.length)]!.value;
  }
  return answers;
}

/** Runs `fn` and expects a validation DomainError that names exactly these fields. */
export function expectInvalid(fn: () => unknown, ...fields: string[]): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe('validation');
  expect(error.errors.map((e) => e.field).sort()).toEqual([...fields].sort());
  return error;
}
