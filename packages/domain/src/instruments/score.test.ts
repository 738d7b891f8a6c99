import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { listInstruments } from './registry.js';
import { scoreInstrument } from './score.js';
import { expectInvalid, lowestAnswers, randomAnswers, seededRandom } from './test-support.js';

const defs = listInstruments();

describe('scoreInstrument', () => {
  it('refuses an unknown instrument with not_found', () => {
    expect(() => scoreInstrument('hamd', {})).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it.each([null, [], 'phq9_1=0', 3])('refuses answers that are not an object: %j', (answers) => {
    expectInvalid(() => scoreInstrument('phq9', answers), 'answers');
  });

  it('reports every bad answer at once, in one validation error', () => {
    const { phq9_1: _, ...answers } = lowestAnswers('phq9');
    const error = expectInvalid(
      () => scoreInstrument('phq9', { ...answers, phq9_2: 7, phq9_x: 1 }),
      'answers.phq9_1',
      'answers.phq9_2',
      'answers.phq9_x',
    );
    expect(error.message).toMatch(/^3 answers need attention/);
  });

  it('says which values an item accepts', () => {
    const error = expectInvalid(
      () => scoreInstrument('audit', lowestAnswers('audit', { audit_9: 3 })),
      'answers.audit_9',
    );
    expect(error.errors[0]?.message).toContain(
      '0 (No), 2 (Yes, but not in the last year), 4 (Yes, during the last year)',
    );
  });

  it('refuses settings that are not an object', () => {
    expect(() => scoreInstrument('pcl5', lowestAnswers('pcl5'), 'strict' as never)).toThrow(DomainError);
  });
});

describe.each(defs.map((d) => [d.code, d] as const))('%s answers', (code, def) => {
  const required = def.items.filter((i) => i.required && !i.askedWhen);

  it.each(required.map((i) => i.id))('rejects a missing %s, naming it', (id) => {
    const { [id]: _, ...answers } = lowestAnswers(code);
    expectInvalid(() => scoreInstrument(code, answers), `answers.${id}`);
  });

  it.each(def.items.map((i) => i.id))('rejects an out-of-range %s, naming it', (id) => {
    const item = def.items.find((i) => i.id === id)!;
    const tooHigh = Math.max(...item.options.map((o) => o.value)) + 1;
    const answers = lowestAnswers(
      code,
      item.askedWhen ? { [item.askedWhen.itemId]: item.askedWhen.value } : {},
    );
    expectInvalid(() => scoreInstrument(code, { ...answers, [id]: tooHigh }), `answers.${id}`);
  });

  it('rejects an answer to an item it does not have', () => {
    expectInvalid(
      () => scoreInstrument(code, { ...lowestAnswers(code), [`${code}_99`]: 0 }),
      `answers.${code}_99`,
    );
  });

  it('scores 200 random valid administrations consistently with its definition', () => {
    const random = seededRandom(code.length * 7919);
    const bandCodes = def.bands.map((b) => b.code);
    const flagCodes = def.flagRules.map((r) => r.code);
    for (let n = 0; n < 200; n++) {
      const answers = randomAnswers(def, random);
      let result: ReturnType<typeof scoreInstrument>;
      try {
        result = scoreInstrument(code, answers);
      } catch (error) {
        // The one rule that can refuse valid-looking answers: MDQ Parts 2–3 once Part 1 reaches 7.
        expect(code).toBe('mdq');
        expect((error as DomainError).errors.every((e) => /mdq_part[23]/.test(e.field))).toBe(true);
        continue;
      }
      expect(result.instrumentCode).toBe(code);
      expect(result.version).toBe(def.version);
      expect(bandCodes).toContain(result.band.code);
      for (const flag of result.flags) expect(flagCodes).toContain(flag.code);
      if (def.totalRange) {
        expect(result.total).toBeGreaterThanOrEqual(def.totalRange.min);
        expect(result.total).toBeLessThanOrEqual(def.totalRange.max);
      } else {
        expect(result.total).toBeNull();
      }
      if (result.subscales) {
        expect(Object.values(result.subscales).reduce((a, b) => a + b, 0)).toBe(result.total);
      }
      for (const s of def.settings) expect(result.settingsUsed[s.key]?.isDefault).toBe(true);
    }
  });
});
