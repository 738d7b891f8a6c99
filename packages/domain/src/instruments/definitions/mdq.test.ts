import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { expectInvalid } from '../test-support.js';

/** `yes` "yes" answers in Part 1 (the first ones), plus Parts 2–5 as given. */
const mdq = (yes: number, parts: Record<string, number> = {}) => ({
  ...Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`mdq_${i + 1}`, i < yes ? 1 : 0])),
  ...parts,
});

describe('MDQ three-part rule', () => {
  it('is positive with 7 "yes", co-occurrence and a moderate problem', () => {
    const result = scoreInstrument('mdq', mdq(7, { mdq_part2: 1, mdq_part3: 2 }));
    expect(result.total).toBe(7);
    expect(result.band.code).toBe('positive');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'bipolar_screen_positive', severity: 'warning' }),
    ]);
  });

  it.each([
    ['6 "yes" in Part 1', mdq(6, { mdq_part2: 1, mdq_part3: 3 })],
    ['no co-occurrence', mdq(13, { mdq_part2: 0, mdq_part3: 3 })],
    ['only a minor problem', mdq(13, { mdq_part2: 1, mdq_part3: 1 })],
    ['no problem', mdq(7, { mdq_part2: 1, mdq_part3: 0 })],
  ])('is negative with %s', (_, answers) => {
    const result = scoreInstrument('mdq', answers);
    expect(result.band.code).toBe('negative');
    expect(result.flags).toEqual([]);
  });

  it('is positive with a serious problem and all 13 symptoms; Parts 4 and 5 do not count', () => {
    const result = scoreInstrument(
      'mdq',
      mdq(13, { mdq_part2: 1, mdq_part3: 3, mdq_part4: 1, mdq_part5: 1 }),
    );
    expect([result.total, result.band.code]).toEqual([13, 'positive']);
  });
});

describe('MDQ answers', () => {
  it('accepts Parts 2 and 3 blank when Part 1 cannot reach 7', () => {
    expect(scoreInstrument('mdq', mdq(6)).band.code).toBe('negative');
    expect(scoreInstrument('mdq', mdq(0)).total).toBe(0);
  });

  it('requires Parts 2 and 3 once Part 1 reaches 7', () => {
    expectInvalid(() => scoreInstrument('mdq', mdq(7)), 'answers.mdq_part2', 'answers.mdq_part3');
    expectInvalid(() => scoreInstrument('mdq', mdq(9, { mdq_part2: 1 })), 'answers.mdq_part3');
  });

  it('rejects a missing Part 1 item, an unknown item and a Part 3 answer of 4', () => {
    const { mdq_13: _, ...missing } = mdq(0);
    expectInvalid(() => scoreInstrument('mdq', missing), 'answers.mdq_13');
    expectInvalid(() => scoreInstrument('mdq', { ...mdq(0), mdq_14: 0 }), 'answers.mdq_14');
    expectInvalid(() => scoreInstrument('mdq', mdq(0, { mdq_part3: 4 })), 'answers.mdq_part3');
  });
});
