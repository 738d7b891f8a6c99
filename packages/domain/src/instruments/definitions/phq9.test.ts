import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { answersForTotal, expectInvalid, lowestAnswers } from '../test-support.js';

const items = (values: number[], extra: Record<string, number> = {}) => ({
  ...Object.fromEntries(values.map((v, i) => [`phq9_${i + 1}`, v])),
  ...extra,
});

describe('PHQ-9 scoring (Kroenke 2001 severity bands)', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = scoreInstrument('phq9', answersForTotal('phq9', total));
    expect(result.total).toBe(total);
    expect(result.band.code).toBe(band);
  });

  it('scores a worked example: the sum of items 1–9, the difficulty question not counted', () => {
    const result = scoreInstrument('phq9', items([2, 2, 3, 2, 1, 1, 2, 0, 0], { phq9_difficulty: 3 }));
    expect(result).toMatchObject({
      instrumentCode: 'phq9',
      version: '1.0.0',
      total: 13,
      band: { code: 'moderate', label: 'Moderate' },
      settingsUsed: {},
    });
    expect(result.subscales).toBeUndefined();
  });
});

describe('PHQ-9 item 9 (critical whatever the total)', () => {
  it('flags "several days" on item 9 even with a minimal total', () => {
    const result = scoreInstrument('phq9', items([0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(result.band.code).toBe('minimal');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'suicidal_ideation', severity: 'critical', itemId: 'phq9_9' }),
    ]);
    expect(result.flags[0]?.message).toContain('Several days');
  });

  it.each([1, 2, 3])('flags item 9 = %i', (value) => {
    const flags = scoreInstrument('phq9', items([0, 0, 0, 0, 0, 0, 0, 0, value])).flags;
    expect(flags.map((f) => f.code)).toContain('suicidal_ideation');
  });

  it('does not flag item 9 = 0, even at the highest possible total without it', () => {
    const result = scoreInstrument('phq9', items([3, 3, 3, 3, 3, 3, 3, 3, 0]));
    expect(result.total).toBe(24);
    expect(result.flags.filter((f) => f.severity === 'critical')).toEqual([]);
  });
});

describe('PHQ-9 provisional major depression (PHQ algorithm)', () => {
  const codes = (a: Record<string, number>) => scoreInstrument('phq9', a).flags.map((f) => f.code);

  it('needs five symptoms at "more than half the days", one of them item 1 or 2, and impairment', () => {
    expect(codes(items([2, 0, 2, 2, 2, 2, 0, 0, 0], { phq9_difficulty: 1 }))).toEqual(['provisional_mdd']);
    expect(codes(items([2, 0, 2, 2, 2, 0, 0, 0, 0], { phq9_difficulty: 1 }))).toEqual([]); // four symptoms
    expect(codes(items([0, 0, 3, 3, 3, 3, 3, 0, 0], { phq9_difficulty: 3 }))).toEqual([]); // no cardinal symptom
    expect(codes(items([2, 2, 2, 2, 2, 0, 0, 0, 0], { phq9_difficulty: 0 }))).toEqual([]); // not difficult
    expect(codes(items([2, 2, 2, 2, 2, 0, 0, 0, 0]))).toEqual([]); // difficulty not answered
  });

  it('counts item 9 from "several days" and other items only from "more than half the days"', () => {
    expect(codes(items([2, 2, 2, 2, 0, 0, 0, 0, 1], { phq9_difficulty: 1 }))).toEqual([
      'suicidal_ideation',
      'provisional_mdd',
    ]);
    expect(codes(items([2, 2, 2, 2, 1, 1, 1, 1, 0], { phq9_difficulty: 2 }))).toEqual([]);
  });
});

describe('PHQ-9 answers', () => {
  it('rejects a missing, an extra and an out-of-range answer, naming each item', () => {
    const { phq9_3: _, ...missing } = lowestAnswers('phq9');
    expectInvalid(() => scoreInstrument('phq9', missing), 'answers.phq9_3');
    expectInvalid(() => scoreInstrument('phq9', { ...lowestAnswers('phq9'), phq9_11: 0 }), 'answers.phq9_11');
    for (const bad of [4, -1, 1.5, '2', true]) {
      expectInvalid(
        () => scoreInstrument('phq9', { ...lowestAnswers('phq9'), phq9_4: bad }),
        'answers.phq9_4',
      );
    }
    expectInvalid(
      () => scoreInstrument('phq9', { ...lowestAnswers('phq9'), phq9_difficulty: 4 }),
      'answers.phq9_difficulty',
    );
  });

  it('treats null as unanswered: allowed for the difficulty question, missing for a symptom', () => {
    expect(scoreInstrument('phq9', { ...lowestAnswers('phq9'), phq9_difficulty: null }).total).toBe(0);
    expectInvalid(
      () => scoreInstrument('phq9', { ...lowestAnswers('phq9'), phq9_9: null }),
      'answers.phq9_9',
    );
  });

  it('has no settings and refuses one', () => {
    expectInvalid(() => scoreInstrument('phq9', lowestAnswers('phq9'), { cutoff: 10 }), 'settings.cutoff');
  });
});
