import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { expectInvalid } from '../test-support.js';

const score = (answers: Record<string, number>) => scoreInstrument('cssrs-screener', answers);

/** Every answer pattern the branching allows. */
function allValidPatterns(): Record<string, number>[] {
  const patterns: Record<string, number>[] = [];
  for (const q1 of [0, 1])
    for (const q2 of [0, 1])
      for (const ideation of q2 ? [0, 1, 2, 3, 4, 5, 6, 7] : [null])
        for (const q6 of [0, 1])
          for (const recent of q6 ? [0, 1] : [null]) {
            const p: Record<string, number> = { cssrs_1: q1, cssrs_2: q2, cssrs_6: q6 };
            if (ideation !== null)
              Object.assign(p, {
                cssrs_3: ideation & 1,
                cssrs_4: (ideation >> 1) & 1,
                cssrs_5: (ideation >> 2) & 1,
              });
            if (recent !== null) p.cssrs_6_recent = recent;
            patterns.push(p);
          }
  return patterns;
}

/** The triage table of DOMAIN.md 1.3, written out independently of the implementation. */
function expectedRisk(p: Record<string, number>): string {
  if (p.cssrs_4 === 1 || p.cssrs_5 === 1 || p.cssrs_6_recent === 1) return 'high';
  if (p.cssrs_3 === 1 || p.cssrs_6 === 1) return 'moderate';
  if (p.cssrs_1 === 1 || p.cssrs_2 === 1) return 'low';
  return 'none';
}

describe('C-SSRS screener risk levels', () => {
  it('maps every valid pattern (54) to the triage table, with no total', () => {
    const patterns = allValidPatterns();
    expect(patterns).toHaveLength(54);
    for (const p of patterns) {
      const result = score(p);
      expect(result.total).toBeNull();
      expect(result.band.code, JSON.stringify(p)).toBe(expectedRisk(p));
    }
  });

  it('raises no flag when every answer is no', () => {
    expect(score({ cssrs_1: 0, cssrs_2: 0, cssrs_6: 0 })).toMatchObject({
      band: { code: 'none' },
      flags: [],
    });
  });

  it('is low risk, a warning, for a wish to be dead alone', () => {
    expect(score({ cssrs_1: 1, cssrs_2: 0, cssrs_6: 0 }).flags).toEqual([
      expect.objectContaining({ code: 'suicide_risk_low', severity: 'warning', itemId: 'cssrs_1' }),
    ]);
  });

  it('is low risk for non-specific thoughts without method, intent or plan', () => {
    const result = score({ cssrs_1: 1, cssrs_2: 1, cssrs_3: 0, cssrs_4: 0, cssrs_5: 0, cssrs_6: 0 });
    expect(result.band.code).toBe('low');
  });

  it('is moderate risk, critical, for thoughts with a method', () => {
    const result = score({ cssrs_1: 1, cssrs_2: 1, cssrs_3: 1, cssrs_4: 0, cssrs_5: 0, cssrs_6: 0 });
    expect(result.band.code).toBe('moderate');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'suicide_risk_moderate', severity: 'critical', itemId: 'cssrs_3' }),
    ]);
  });

  it('is moderate risk for behaviour more than 3 months ago', () => {
    const result = score({ cssrs_1: 0, cssrs_2: 0, cssrs_6: 1, cssrs_6_recent: 0 });
    expect(result.flags.map((f) => [f.code, f.itemId])).toEqual([['suicide_risk_moderate', 'cssrs_6']]);
  });

  it.each([
    [
      'intent without plan',
      { cssrs_1: 1, cssrs_2: 1, cssrs_3: 0, cssrs_4: 1, cssrs_5: 0, cssrs_6: 0 },
      'cssrs_4',
    ],
    [
      'intent with plan',
      { cssrs_1: 1, cssrs_2: 1, cssrs_3: 1, cssrs_4: 0, cssrs_5: 1, cssrs_6: 0 },
      'cssrs_5',
    ],
    [
      'behaviour in the past 3 months',
      { cssrs_1: 0, cssrs_2: 0, cssrs_6: 1, cssrs_6_recent: 1 },
      'cssrs_6_recent',
    ],
  ])('is high risk, critical, for %s', (_, answers, itemId) => {
    const result = score(answers);
    expect(result.band.code).toBe('high');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'suicide_risk_high', severity: 'critical', itemId }),
    ]);
  });
});

describe('C-SSRS screener branching', () => {
  it('accepts 3, 4 and 5 blank when 2 is no, and the 3-month question blank when 6 is no', () => {
    expect(score({ cssrs_1: 0, cssrs_2: 0, cssrs_6: 0 }).band.code).toBe('none');
  });

  it('rejects answers to items the branching skips, even "no"', () => {
    expectInvalid(() => score({ cssrs_1: 0, cssrs_2: 0, cssrs_3: 1, cssrs_6: 0 }), 'answers.cssrs_3');
    expectInvalid(
      () => score({ cssrs_1: 0, cssrs_2: 0, cssrs_3: 0, cssrs_4: 0, cssrs_5: 0, cssrs_6: 0 }),
      'answers.cssrs_3',
      'answers.cssrs_4',
      'answers.cssrs_5',
    );
    expectInvalid(
      () => score({ cssrs_1: 0, cssrs_2: 0, cssrs_6: 0, cssrs_6_recent: 0 }),
      'answers.cssrs_6_recent',
    );
  });

  it('requires 3, 4 and 5 when 2 is yes, and the 3-month question when 6 is yes', () => {
    expectInvalid(
      () => score({ cssrs_1: 1, cssrs_2: 1, cssrs_3: 0, cssrs_6: 0 }),
      'answers.cssrs_4',
      'answers.cssrs_5',
    );
    expectInvalid(() => score({ cssrs_1: 0, cssrs_2: 0, cssrs_6: 1 }), 'answers.cssrs_6_recent');
  });

  it('always requires 1, 2 and 6', () => {
    expectInvalid(() => score({}), 'answers.cssrs_1', 'answers.cssrs_2', 'answers.cssrs_6');
  });
});
