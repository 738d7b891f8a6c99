import { describe, expect, it } from 'vitest';
import { getInstrument } from '../registry.js';
import { scoreInstrument } from '../score.js';
import { answersForTotal, expectInvalid, lowestAnswers } from '../test-support.js';

const codes = (answers: Record<string, number>) => scoreInstrument('phqa', answers).flags.map((f) => f.code);

describe('PHQ-A definition', () => {
  it('keeps the adolescent order and wording: mood (with "irritable") first, interest second', () => {
    const def = getInstrument('phqa');
    expect(def.population).toBe('adolescent');
    expect(def.items[0]?.text).toContain('irritable');
    expect(def.items[1]?.text).toContain('Little interest');
    expect(def.items.map((i) => i.id).slice(9)).toEqual([
      'phqa_past_year',
      'phqa_difficulty',
      'phqa_serious_thoughts',
      'phqa_attempt',
    ]);
  });
});

describe('PHQ-A scoring (PHQ-9 bands on items 1–9)', () => {
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
    const result = scoreInstrument('phqa', answersForTotal('phqa', total));
    expect([result.total, result.band.code]).toEqual([total, band]);
  });

  it('does not count the four added questions', () => {
    const answers = lowestAnswers('phqa', { phqa_past_year: 1, phqa_difficulty: 3 });
    expect(scoreInstrument('phqa', answers).total).toBe(0);
  });
});

describe('PHQ-A suicide items (all critical)', () => {
  it('flags item 9, serious thoughts in the past month and a lifetime attempt, each naming its item', () => {
    const flags = scoreInstrument(
      'phqa',
      lowestAnswers('phqa', { phqa_9: 1, phqa_serious_thoughts: 1, phqa_attempt: 1 }),
    ).flags;
    expect(flags.map((f) => [f.code, f.severity, f.itemId])).toEqual([
      ['suicidal_ideation', 'critical', 'phqa_9'],
      ['serious_suicidal_thoughts', 'critical', 'phqa_serious_thoughts'],
      ['suicide_attempt_history', 'critical', 'phqa_attempt'],
    ]);
  });

  it('flags a lifetime attempt alone, with a minimal total', () => {
    const result = scoreInstrument('phqa', lowestAnswers('phqa', { phqa_attempt: 1 }));
    expect(result.band.code).toBe('minimal');
    expect(result.flags.map((f) => f.code)).toEqual(['suicide_attempt_history']);
  });

  it('raises nothing when every suicide item is "no" / "not at all"', () => {
    expect(codes(lowestAnswers('phqa'))).toEqual([]);
  });

  it('requires the suicide questions: a blank is not a "no"', () => {
    const { phqa_serious_thoughts: _, ...rest } = lowestAnswers('phqa');
    expectInvalid(() => scoreInstrument('phqa', rest), 'answers.phqa_serious_thoughts');
    const { phqa_attempt: __, ...rest2 } = lowestAnswers('phqa');
    expectInvalid(() => scoreInstrument('phqa', rest2), 'answers.phqa_attempt');
  });

  it('rejects a yes/no answer outside 0/1', () => {
    expectInvalid(
      () => scoreInstrument('phqa', lowestAnswers('phqa', { phqa_attempt: 2 })),
      'answers.phqa_attempt',
    );
  });
});

describe('PHQ-A provisional major depression', () => {
  it('applies the PHQ algorithm with the adolescent item order', () => {
    const base = { phqa_1: 2, phqa_3: 2, phqa_4: 2, phqa_5: 2, phqa_difficulty: 1 };
    expect(codes(lowestAnswers('phqa', { ...base, phqa_9: 1 }))).toEqual([
      'suicidal_ideation',
      'provisional_mdd',
    ]);
    expect(codes(lowestAnswers('phqa', base))).toEqual([]);
    expect(codes(lowestAnswers('phqa', { ...base, phqa_1: 0, phqa_6: 2, phqa_7: 2 }))).toEqual([]);
  });
});
