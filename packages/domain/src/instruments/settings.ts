import { z } from 'zod';
import { DomainError, type FieldProblem } from '../errors.js';
import type { InstrumentDefinition, SettingDefinition, SettingUsed, SettingValue } from './types.js';

export const PROGRAM_SETTING_SOURCE = 'Set by the program';

function expectation(s: SettingDefinition): string {
  if (s.choices) return `one of ${s.choices.map((c) => c.value).join(', ')}`;
  if (s.range) return `a whole number from ${s.range.min} to ${s.range.max}`;
  return 'a valid value';
}

function schemaFor(s: SettingDefinition): z.ZodType<SettingValue> {
  if (s.choices) return z.enum(s.choices.map((c) => c.value) as [string, ...string[]]);
  const range = s.range ?? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  return z.number().int().min(range.min).max(range.max);
}

function sourceOf(s: SettingDefinition, value: SettingValue): string {
  const choice = s.choices?.find((c) => c.value === value);
  if (choice) return choice.source;
  return value === s.default ? s.source : PROGRAM_SETTING_SOURCE;
}

/**
 * Validates the settings passed for one instrument and fills in the defaults. Returns the values
 * the rules use and the record of them that goes into the result, so a score can always say which
 * threshold or band set produced it.
 */
/** The settings schema of each definition, built once: scoring runs it on every administration. */
const SETTINGS_SCHEMAS = new WeakMap<InstrumentDefinition, z.ZodType>();

function settingsSchemaOf(def: InstrumentDefinition): z.ZodType {
  let schema = SETTINGS_SCHEMAS.get(def);
  if (!schema) {
    schema = z.strictObject(Object.fromEntries(def.settings.map((s) => [s.key, schemaFor(s).optional()])));
    SETTINGS_SCHEMAS.set(def, schema);
  }
  return schema;
}

export function resolveSettings(
  def: InstrumentDefinition,
  input: unknown,
): { values: Readonly<Record<string, SettingValue>>; used: Readonly<Record<string, SettingUsed>> } {
  const parsed = settingsSchemaOf(def).safeParse(input ?? {});
  if (!parsed.success) {
    const problems: FieldProblem[] = parsed.error.issues.flatMap((issue): FieldProblem[] => {
      if (issue.code === 'unrecognized_keys') {
        const available = def.settings.map((s) => s.key).join(', ') || 'none';
        return issue.keys.map((key) => ({
          field: `settings.${key}`,
          message: `"${key}" is not a setting of the ${def.shortTitle} (its settings: ${available}).`,
        }));
      }
      const key = String(issue.path[0] ?? '');
      const setting = def.settings.find((s) => s.key === key);
      return [
        {
          field: key ? `settings.${key}` : 'settings',
          message: setting
            ? `Setting "${key}" must be ${expectation(setting)}.`
            : 'Settings must be an object.',
        },
      ];
    });
    throw new DomainError('validation', problems.map((p) => p.message).join(' '), problems);
  }
  const given = parsed.data as Record<string, SettingValue | undefined>;
  const values: Record<string, SettingValue> = {};
  const used: Record<string, SettingUsed> = {};
  for (const s of def.settings) {
    const value = given[s.key] ?? s.default;
    values[s.key] = value;
    used[s.key] = { value, isDefault: value === s.default, source: sourceOf(s, value) };
  }
  return { values, used };
}
