import { DomainError } from '../errors.js';
import { getInstrument } from '../instruments/registry.js';
import { resolveSettings } from '../instruments/settings.js';
import type { InstrumentCode, ReliableChangeCriterion, ScoreSettings } from '../instruments/types.js';

/** What scoring may know of the person: only what a setting of some instrument depends on. */
export interface PersonForScoring {
  readonly sexAssignedAtBirth: 'female' | 'male' | 'intersex' | 'unknown' | null;
}

/**
 * The settings one administration is scored with: the organization's settings for the
 * instrument, plus what depends on the person. The AUDIT-C cut-point depends on sex (≥4 men,
 * ≥3 women, DOMAIN.md 1.1); a person whose recorded sex is neither keeps the organization's
 * choice (by default "unspecified", the lower cut-point, which misses fewer people).
 */
export function administrationSettings(
  code: InstrumentCode,
  organization: ScoreSettings | undefined,
  person: PersonForScoring,
): ScoreSettings {
  const settings: Record<string, string | number> = { ...(organization ?? {}) };
  if (code === 'audit-c') {
    const sex = person.sexAssignedAtBirth;
    if (sex === 'female' || sex === 'male') settings.sex = sex;
  }
  return settings;
}

/**
 * Checks the settings an organization saves for an instrument: the instrument's own settings
 * (by its definition: choices or ranges, unknown keys refused) and a reliable-change criterion
 * only where change can be classified (an instrument with a total and no "not applicable").
 */
export function checkInstrumentSettings(
  code: InstrumentCode,
  scoreSettings: ScoreSettings,
  reliableChange: ReliableChangeCriterion | null,
): void {
  const def = getInstrument(code);
  try {
    resolveSettings(def, scoreSettings);
  } catch (error) {
    if (error instanceof DomainError) {
      const problems = error.errors.map((p) => ({
        ...p,
        field: p.field.replace(/^settings\./, 'scoreSettings.'),
      }));
      throw new DomainError('validation', error.message, problems);
    }
    throw error;
  }
  if (reliableChange && (def.totalRange === null || def.change.notApplicable)) {
    throw DomainError.invalid(
      'reliableChange',
      def.change.notApplicable ?? `The ${def.shortTitle} has no total score, so change is not classified.`,
    );
  }
}
