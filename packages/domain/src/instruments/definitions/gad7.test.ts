import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { answersForTotal, expectInvalid, lowestAnswers } from '../test-support.js';

describe('GAD-7 scoring (Spitzer 2006 bands)', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = scoreInstrument('gad7', answersForTotal('gad7', total));
    expect([result.total, result.band.code]).toEqual([total, band]);
  });

  it('scores a worked example and leaves the difficulty question out of the total', () => {
    const answers = {
      gad7_1: 2,
      gad7_2: 3,
      gad7_3: 2,
      gad7_4: 1,
      gad7_5: 0,
      gad7_6: 1,
      gad7_7: 2,
      gad7_difficulty: 2,
    };
    const result = scoreInstrument('gad7', answers);
    expect(result).toMatchObject({ total: 11, band: { code: 'moderate' }, flags: [], settingsUsed: {} });
  });

  it('has no critical items', () => {
    expect(scoreInstrument('gad7', answersForTotal('gad7', 21)).flags).toEqual([]);
  });

  it('rejects missing, extra and out-of-range answers by item', () => {
    const { gad7_7: _, ...missing } = lowestAnswers('gad7');
    expectInvalid(() => scoreInstrument('gad7', missing), 'answers.gad7_7');
    expectInvalid(() => scoreInstrument('gad7', { ...lowestAnswers('gad7'), gad7_8: 1 }), 'answers.gad7_8');
    expectInvalid(() => scoreInstrument('gad7', lowestAnswers('gad7', { gad7_1: 4 })), 'answers.gad7_1');
  });
});
