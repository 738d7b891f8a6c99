import { describe, expect, it } from 'vitest';
import { classifyChange, RCI_CRITICAL_VALUE } from './change.js';
import { scoreInstrument } from './score.js';
import { PROGRAM_SETTING_SOURCE } from './settings.js';
import { answersForTotal, expectInvalid } from './test-support.js';

describe('PHQ-9 change (reliable change 6 by default; response ≥50 %; remission <5)', () => {
  it.each([
    [15, 9, 'reliable_improvement'],
    [15, 10, 'no_reliable_change'],
    [10, 15, 'no_reliable_change'],
    [10, 16, 'reliable_deterioration'],
    [12, 12, 'no_reliable_change'],
    [27, 0, 'reliable_improvement'],
  ])('%i → %i is %s', (baseline, current, expected) => {
    const result = classifyChange('phq9', baseline, current);
    expect(result.reliableChange).toBe(expected);
    expect(result.difference).toBe(current - baseline);
    expect(result.rci).toBeNull();
    expect(result.settingsUsed.reliableChange).toEqual({
      value: { method: 'threshold', points: 6 },
      isDefault: true,
      source: expect.stringContaining('NHS Talking Therapies'),
    });
  });

  it("uses Löwe's 5 points when the program chooses it, and records that source", () => {
    const result = classifyChange('phq9', 15, 10, { reliableChange: { method: 'threshold', points: 5 } });
    expect(result.reliableChange).toBe('reliable_improvement');
    expect(result.settingsUsed.reliableChange).toEqual({
      value: { method: 'threshold', points: 5 },
      isDefault: false,
      source: expect.stringContaining('Löwe'),
    });
    expect(
      classifyChange('phq9', 15, 11, { reliableChange: { method: 'threshold', points: 5 } }).reliableChange,
    ).toBe('no_reliable_change');
  });

  it.each([
    [20, 10, true],
    [20, 11, false],
    [9, 4, true],
    [9, 5, false],
    [1, 0, true],
    [10, 12, false],
  ])('response %i → %i: %s', (baseline, current, response) => {
    expect(classifyChange('phq9', baseline, current).response).toBe(response);
  });

  it('leaves response undefined from a baseline of 0', () => {
    expect(classifyChange('phq9', 0, 0).response).toBeNull();
  });

  it.each([
    [4, true],
    [5, false],
    [0, true],
  ])('remission at %i: %s', (current, remission) => {
    const result = classifyChange('phq9', 18, current);
    expect(result.remission).toBe(remission);
    expect(result.settingsUsed.remission).toEqual({
      value: { below: 5 },
      isDefault: true,
      source: expect.stringContaining('below 5'),
    });
  });

  it('accepts two score results of the same instrument', () => {
    const before = scoreInstrument('phq9', answersForTotal('phq9', 20));
    const after = scoreInstrument('phq9', answersForTotal('phq9', 8));
    expect(classifyChange('phq9', before, after)).toMatchObject({
      baseline: 20,
      current: 8,
      reliableChange: 'reliable_improvement',
      response: true,
      remission: false,
    });
  });
});

describe('GAD-7 change (reliable change 4 by default; no response or remission rule)', () => {
  it.each([
    [12, 8, 'reliable_improvement'],
    [12, 9, 'no_reliable_change'],
    [8, 11, 'no_reliable_change'],
    [8, 12, 'reliable_deterioration'],
  ])('%i → %i is %s', (baseline, current, expected) => {
    expect(classifyChange('gad7', baseline, current).reliableChange).toBe(expected);
  });

  it('reports response and remission as not defined', () => {
    const result = classifyChange('gad7', 15, 2);
    expect([result.response, result.remission]).toEqual([null, null]);
    expect(Object.keys(result.settingsUsed)).toEqual(['reliableChange']);
  });

  it("uses Bischoff's RCI-derived 6 when chosen", () => {
    const settings = { reliableChange: { method: 'threshold', points: 6 } } as const;
    expect(classifyChange('gad7', 12, 7, settings).reliableChange).toBe('no_reliable_change');
    expect(classifyChange('gad7', 12, 6, settings).settingsUsed.reliableChange?.source).toContain('Bischoff');
  });
});

describe('PCL-5 change (reliable change 10 by default; response a 5-point drop)', () => {
  it.each([
    [45, 35, 'reliable_improvement', true],
    [45, 36, 'no_reliable_change', true],
    [45, 40, 'no_reliable_change', true],
    [45, 41, 'no_reliable_change', false],
    [30, 40, 'reliable_deterioration', false],
  ])('%i → %i is %s, response %s', (baseline, current, expected, response) => {
    const result = classifyChange('pcl5', baseline, current);
    expect([result.reliableChange, result.response, result.remission]).toEqual([expected, response, null]);
  });

  it('records the Marx 2022 source when a program chooses 15 points', () => {
    const result = classifyChange('pcl5', 50, 36, { reliableChange: { method: 'threshold', points: 15 } });
    expect(result.reliableChange).toBe('no_reliable_change');
    expect(result.settingsUsed.reliableChange?.source).toContain('Marx');
  });
});

describe('Reliable Change Index (Jacobson & Truax)', () => {
  // r = 0.84, SD = 5: S_diff = √2 × 5 × √0.16 = 2.828…, so |change| > 5.54 is reliable.
  const rci = { reliableChange: { method: 'rci', reliability: 0.84, sd: 5 } } as const;

  it('computes the index and compares |RCI| with 1.96', () => {
    const six = classifyChange('phq9', 15, 9, rci);
    expect(six.rci).toBeCloseTo(-6 / (Math.SQRT2 * 5 * 0.4), 10);
    expect(six.reliableChange).toBe('reliable_improvement');
    const five = classifyChange('phq9', 15, 10, rci);
    expect(Math.abs(five.rci ?? 0)).toBeLessThan(RCI_CRITICAL_VALUE);
    expect(five.reliableChange).toBe('no_reliable_change');
    expect(classifyChange('phq9', 9, 15, rci).reliableChange).toBe('reliable_deterioration');
  });

  it('records the reliability, SD and the method source', () => {
    const used = classifyChange('gad7', 10, 3, rci).settingsUsed.reliableChange;
    expect(used).toEqual({
      value: { method: 'rci', reliability: 0.84, sd: 5 },
      isDefault: false,
      source: expect.stringContaining('Jacobson & Truax'),
    });
    expect(used?.source).toContain(PROGRAM_SETTING_SOURCE);
  });
});

describe('classifyChange refusals', () => {
  it('needs a program criterion for instruments that ship none', () => {
    for (const code of ['audit', 'audit-c', 'dast10', 'phqa']) {
      expectInvalid(() => classifyChange(code, 10, 5), 'settings.reliableChange');
    }
    const result = classifyChange('audit', 20, 10, { reliableChange: { method: 'threshold', points: 8 } });
    expect(result.reliableChange).toBe('reliable_improvement');
    expect(result.settingsUsed.reliableChange).toMatchObject({
      isDefault: false,
      source: PROGRAM_SETTING_SOURCE,
    });
    expect([result.response, result.remission]).toEqual([null, null]);
  });

  it('refuses the C-SSRS screener and the MDQ, which do not measure change', () => {
    expectInvalid(() => classifyChange('cssrs-screener', 0, 0), 'instrumentCode');
    expectInvalid(() => classifyChange('mdq', 8, 3), 'instrumentCode');
  });

  it("refuses totals outside the instrument's range or not whole", () => {
    expectInvalid(() => classifyChange('phq9', 28, 10), 'baseline');
    expectInvalid(() => classifyChange('phq9', 10, -1), 'current');
    expectInvalid(() => classifyChange('gad7', 10.5, 10), 'baseline');
  });

  it('refuses a score result of another instrument', () => {
    const gad = scoreInstrument('gad7', answersForTotal('gad7', 10));
    expectInvalid(() => classifyChange('phq9', gad, 4), 'baseline');
  });

  it('refuses malformed settings, naming the field', () => {
    expectInvalid(
      () => classifyChange('phq9', 10, 4, { reliableChange: { method: 'threshold', points: 0 } }),
      'settings.reliableChange.points',
    );
    expectInvalid(
      () => classifyChange('phq9', 10, 4, { reliableChange: { method: 'rci', reliability: 1, sd: 5 } }),
      'settings.reliableChange.reliability',
    );
    expectInvalid(() => classifyChange('phq9', 10, 4, { threshold: 5 } as never), 'settings');
  });

  it('refuses an unknown instrument with not_found', () => {
    expect(() => classifyChange('bdi', 10, 4)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
