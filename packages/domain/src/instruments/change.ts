import { z } from 'zod';
import { DomainError, type FieldProblem } from '../errors.js';
import { instrumentModule } from './registry.js';
import { PROGRAM_SETTING_SOURCE } from './settings.js';
import type {
  InstrumentCode,
  InstrumentDefinition,
  ReliableChangeCriterion,
  ScoreResult,
  SettingUsed,
} from './types.js';

// Change metrics for measurement-based care (DOMAIN.md 1.4). On every instrument here a higher
// total means more symptoms, so a fall is an improvement.

/** Jacobson & Truax (1991): |RCI| above 1.96 is change beyond measurement error at p < .05. */
export const RCI_CRITICAL_VALUE = 1.96;
const RCI_SOURCE =
  'Jacobson & Truax 1991: RCI = (post − pre) / (√2 · SD · √(1 − r)), reliable when |RCI| > 1.96';

export interface ChangeSettings {
  /** Overrides the instrument's default criterion; required for instruments that ship none. */
  readonly reliableChange?: ReliableChangeCriterion;
}

export type ReliableChange = 'reliable_improvement' | 'no_reliable_change' | 'reliable_deterioration';

export interface ChangeResult {
  readonly instrumentCode: InstrumentCode;
  readonly version: string;
  readonly baseline: number;
  readonly current: number;
  /** current − baseline; negative is a fall in symptoms. */
  readonly difference: number;
  readonly reliableChange: ReliableChange;
  /** The Reliable Change Index, when the criterion is the RCI; null for a fixed threshold. */
  readonly rci: number | null;
  /** Null where the instrument defines no response criterion (or the baseline is 0 for a percentage drop). */
  readonly response: boolean | null;
  /** Null where the instrument defines no remission criterion. */
  readonly remission: boolean | null;
  readonly settingsUsed: Readonly<Record<string, SettingUsed>>;
}

const Criterion = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('threshold'), points: z.number().positive() }),
  z.strictObject({
    method: z.literal('rci'),
    reliability: z.number().gt(0).lt(1),
    sd: z.number().positive(),
  }),
]);
const Settings = z.strictObject({ reliableChange: Criterion.optional() });

function parseSettings(input: unknown): ChangeSettings {
  const parsed = Settings.safeParse(input ?? {});
  if (parsed.success) return parsed.data.reliableChange ? { reliableChange: parsed.data.reliableChange } : {};
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
    field: ['settings', ...issue.path.map(String)].join('.'),
    message:
      'Set reliableChange to {method: "threshold", points > 0} or {method: "rci", reliability between 0 and 1, sd > 0}.',
  }));
  throw new DomainError('validation', problems[0]!.message, problems);
}

function totalOf(def: InstrumentDefinition, field: string, input: number | ScoreResult): number {
  const total = typeof input === 'number' ? input : input.total;
  if (typeof input !== 'number' && input.instrumentCode !== def.code) {
    throw DomainError.invalid(
      field,
      `The ${field} score is a ${input.instrumentCode} score, not a ${def.shortTitle} score.`,
    );
  }
  const range = def.totalRange!;
  if (total === null || !Number.isInteger(total) || total < range.min || total > range.max) {
    throw DomainError.invalid(
      field,
      `The ${field} ${def.shortTitle} total must be a whole number from ${range.min} to ${range.max}.`,
    );
  }
  return total;
}

function describe(c: ReliableChangeCriterion): Readonly<Record<string, string | number>> {
  return c.method === 'threshold'
    ? { method: c.method, points: c.points }
    : { method: c.method, reliability: c.reliability, sd: c.sd };
}

function criterionFor(def: InstrumentDefinition, settings: ChangeSettings) {
  const published = def.change.reliableChange;
  const given = settings.reliableChange;
  if (!given) {
    if (!published) {
      throw DomainError.invalid(
        'settings.reliableChange',
        `No published reliable-change criterion for the ${def.shortTitle} ships with Trellis; set settings.reliableChange (a threshold in points, or the RCI with a published reliability and SD).`,
      );
    }
    return {
      criterion: published.default,
      used: { value: describe(published.default), isDefault: true, source: published.source },
    };
  }
  // A program that picks one of the published alternatives gets that alternative's source on record.
  const candidates = published
    ? [{ criterion: published.default, source: published.source, isDefault: true }].concat(
        published.alternatives.map((a) => ({ ...a, isDefault: false })),
      )
    : [];
  const key = (c: ReliableChangeCriterion) => JSON.stringify(describe(c));
  const match = candidates.find((c) => key(c.criterion) === key(given));
  return {
    criterion: given,
    used: {
      value: describe(given),
      isDefault: match?.isDefault ?? false,
      source: match?.source ?? PROGRAM_SETTING_SOURCE,
    },
  };
}

/**
 * Classifies the change between two totals of the same instrument: reliable improvement, no
 * reliable change or reliable deterioration (a fixed threshold, inclusive, or the Jacobson–Truax
 * RCI), plus response and remission where the instrument defines them.
 */
export function classifyChange(
  code: string,
  baseline: number | ScoreResult,
  current: number | ScoreResult,
  settings?: ChangeSettings,
): ChangeResult {
  const def = instrumentModule(code).definition;
  if (def.change.notApplicable) throw DomainError.invalid('instrumentCode', def.change.notApplicable);
  const before = totalOf(def, 'baseline', baseline);
  const after = totalOf(def, 'current', current);
  const { criterion, used } = criterionFor(def, parseSettings(settings));
  const difference = after - before;

  let rci: number | null = null;
  let reliable: boolean;
  if (criterion.method === 'threshold') {
    reliable = Math.abs(difference) >= criterion.points;
  } else {
    const sDiff = Math.SQRT2 * criterion.sd * Math.sqrt(1 - criterion.reliability);
    rci = difference / sDiff;
    reliable = Math.abs(rci) > RCI_CRITICAL_VALUE;
  }
  const reliableChange: ReliableChange = !reliable
    ? 'no_reliable_change'
    : difference < 0
      ? 'reliable_improvement'
      : 'reliable_deterioration';

  const settingsUsed: Record<string, SettingUsed> = {
    reliableChange: criterion.method === 'rci' ? { ...used, source: `${used.source}; ${RCI_SOURCE}` } : used,
  };
  const { response: responseRule, remission: remissionRule } = def.change;
  let response: boolean | null = null;
  if (responseRule?.kind === 'fraction_drop' && before > 0) {
    response = before - after >= responseRule.fraction * before;
  } else if (responseRule?.kind === 'points_drop') {
    response = before - after >= responseRule.points;
  }
  if (responseRule) {
    const value = responseRule.kind === 'fraction_drop' ? responseRule.fraction : responseRule.points;
    settingsUsed.response = {
      value: { kind: responseRule.kind, value },
      isDefault: true,
      source: responseRule.source,
    };
  }
  const remission = remissionRule ? after < remissionRule.below : null;
  if (remissionRule) {
    settingsUsed.remission = {
      value: { below: remissionRule.below },
      isDefault: true,
      source: remissionRule.source,
    };
  }

  return {
    instrumentCode: def.code,
    version: def.version,
    baseline: before,
    current: after,
    difference,
    reliableChange,
    rci,
    response,
    remission,
    settingsUsed,
  };
}
