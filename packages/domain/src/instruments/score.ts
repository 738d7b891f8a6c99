import { sumPoints } from './points.js';
import { instrumentModule } from './registry.js';
import { resolveSettings } from './settings.js';
import type { ScoreResult, ScoreSettings } from './types.js';
import { checkAnswers } from './validate-answers.js';

/**
 * Scores one administration. `answers` maps item id to the option value as printed on the form;
 * `settings` holds the instrument's configurable thresholds (see `definition.settings`), and every
 * setting that shaped the result is recorded in `settingsUsed`.
 *
 * Throws `DomainError` "not_found" for an unknown instrument and "validation" naming each item
 * (`answers.<itemId>`) that is missing, unknown, out of range or answered although skipped.
 */
export function scoreInstrument(code: string, answers: unknown, settings?: ScoreSettings): ScoreResult {
  const module = instrumentModule(code);
  const def = module.definition;
  const checked = checkAnswers(def, answers);
  const resolved = resolveSettings(def, settings);
  const result = module.interpret(checked, resolved.values);
  const subscales = def.subscales
    ? Object.fromEntries(def.subscales.map((s) => [s.code, sumPoints(def, checked, s.itemIds)]))
    : undefined;
  return {
    instrumentCode: def.code,
    version: def.version,
    total: result.total,
    band: { code: result.band.code, label: result.band.label },
    flags: result.flags,
    ...(subscales ? { subscales } : {}),
    settingsUsed: { ...resolved.used, ...result.derivedSettings },
  };
}
