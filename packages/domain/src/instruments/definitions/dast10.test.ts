import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { expectInvalid } from '../test-support.js';

/** Answers from a yes/no string, item 1 first: "YNY…". */
const dast = (pattern: string) =>
  Object.fromEntries([...pattern].map((c, i) => [`dast10_${i + 1}`, c === 'Y' ? 1 : 0]));

describe('DAST-10 scoring (one point per yes, item 3 reversed)', () => {
  it('scores "no" on item 3 ("always able to stop") as the point', () => {
    expect(scoreInstrument('dast10', dast('NNYNNNNNNN')).total).toBe(0);
    expect(scoreInstrument('dast10', dast('NNNNNNNNNN')).total).toBe(1);
    expect(scoreInstrument('dast10', dast('YYYYYYYYYY')).total).toBe(9);
    expect(scoreInstrument('dast10', dast('YYNYYYYYYY')).total).toBe(10);
  });

  it('matches the rule for all 1,024 answer patterns', () => {
    for (let mask = 0; mask < 1024; mask++) {
      const pattern = Array.from({ length: 10 }, (_, i) => ((mask >> i) & 1 ? 'Y' : 'N')).join('');
      const expected = [...pattern].filter((c, i) => (i === 2 ? c === 'N' : c === 'Y')).length;
      expect(scoreInstrument('dast10', dast(pattern)).total).toBe(expected);
    }
  });

  it.each([
    ['NNYNNNNNNN', 0, 'none'],
    ['YNYNNNNNNN', 1, 'low'],
    ['YYYNNNNNNN', 2, 'low'],
    ['YYNNNNNNNN', 3, 'moderate'],
    ['YYNYYNNNNN', 5, 'moderate'],
    ['YYNYYYNNNN', 6, 'substantial'],
    ['YYNYYYYYNN', 8, 'substantial'],
    ['YYNYYYYYYN', 9, 'severe'],
    ['YYNYYYYYYY', 10, 'severe'],
  ])('%s scores %i: %s', (pattern, total, band) => {
    const result = scoreInstrument('dast10', dast(pattern));
    expect([result.total, result.band.code]).toEqual([total, band]);
  });

  it('rejects a missing item 10, an item 11 and an answer of 2', () => {
    const { dast10_10: _, ...missing } = dast('NNYNNNNNNN');
    expectInvalid(() => scoreInstrument('dast10', missing), 'answers.dast10_10');
    expectInvalid(
      () => scoreInstrument('dast10', { ...dast('NNYNNNNNNN'), dast10_11: 0 }),
      'answers.dast10_11',
    );
    expectInvalid(
      () => scoreInstrument('dast10', { ...dast('NNYNNNNNNN'), dast10_3: 2 }),
      'answers.dast10_3',
    );
  });
});
