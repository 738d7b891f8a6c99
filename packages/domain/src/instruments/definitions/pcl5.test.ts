import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { PROGRAM_SETTING_SOURCE } from '../settings.js';
import { answersForTotal, expectInvalid, lowestAnswers } from '../test-support.js';

const rated = (ratings: Record<number, number>) =>
  lowestAnswers('pcl5', Object.fromEntries(Object.entries(ratings).map(([n, v]) => [`pcl5_${n}`, v])));

describe('PCL-5 total and provisional cut-point', () => {
  it('sums 20 items rated 0–4 (range 0–80)', () => {
    expect(scoreInstrument('pcl5', answersForTotal('pcl5', 0)).total).toBe(0);
    expect(scoreInstrument('pcl5', answersForTotal('pcl5', 80)).total).toBe(80);
  });

  it.each([
    [0, 'below_cutoff'],
    [32, 'below_cutoff'],
    [33, 'probable_ptsd'],
    [80, 'probable_ptsd'],
  ])('with the default cut-point 33, total %i is %s', (total, band) => {
    const result = scoreInstrument('pcl5', answersForTotal('pcl5', total));
    expect(result.band.code).toBe(band);
    expect(result.flags.some((f) => f.code === 'probable_ptsd')).toBe(band === 'probable_ptsd');
    expect(result.settingsUsed.cutoff).toEqual({
      value: 33,
      isDefault: true,
      source: expect.stringContaining('VA National Center for PTSD'),
    });
  });

  it.each([
    [30, 'below_cutoff'],
    [31, 'probable_ptsd'],
  ])('with the cut-point set to 31, total %i is %s, and the setting is recorded', (total, band) => {
    const result = scoreInstrument('pcl5', answersForTotal('pcl5', total), { cutoff: 31 });
    expect(result.band.code).toBe(band);
    expect(result.settingsUsed.cutoff).toEqual({
      value: 31,
      isDefault: false,
      source: PROGRAM_SETTING_SOURCE,
    });
  });

  it('refuses a cut-point that is not a whole number from 1 to 80', () => {
    for (const cutoff of [0, 81, 32.5, 'high'] as const) {
      expectInvalid(() => scoreInstrument('pcl5', lowestAnswers('pcl5'), { cutoff }), 'settings.cutoff');
    }
  });
});

describe('PCL-5 clusters and the DSM-5 pattern', () => {
  it('reports the B, C, D and E cluster sums', () => {
    const result = scoreInstrument('pcl5', rated({ 1: 4, 5: 1, 6: 2, 7: 3, 8: 1, 14: 4, 15: 2, 20: 3 }));
    expect(result.subscales).toEqual({ B: 5, C: 5, D: 5, E: 5 });
    expect(result.total).toBe(20);
  });

  it('meets the pattern with items rated ≥2: one B, one C, two D and two E, even below the cut-point', () => {
    const result = scoreInstrument('pcl5', rated({ 3: 2, 6: 2, 9: 2, 12: 2, 16: 2, 19: 2 }));
    expect(result.total).toBe(12);
    expect(result.band.code).toBe('below_cutoff');
    expect(result.flags.map((f) => f.code)).toEqual(['dsm5_pattern_met']);
  });

  it('does not meet it with one E item short, or with items rated 1', () => {
    const codes = (r: Record<number, number>) => scoreInstrument('pcl5', rated(r)).flags.map((f) => f.code);
    expect(codes({ 3: 2, 6: 2, 9: 2, 12: 2, 16: 2 })).toEqual([]);
    expect(codes({ 3: 2, 6: 2, 9: 2, 12: 2, 16: 2, 19: 1 })).toEqual([]);
    expect(codes({ 3: 2, 6: 1, 9: 2, 12: 2, 16: 2, 19: 2 })).toEqual([]);
  });
});

describe('PCL-5 answers', () => {
  it('rejects a missing item 20, an item 21 and a rating of 5', () => {
    const { pcl5_20: _, ...missing } = lowestAnswers('pcl5');
    expectInvalid(() => scoreInstrument('pcl5', missing), 'answers.pcl5_20');
    expectInvalid(() => scoreInstrument('pcl5', { ...lowestAnswers('pcl5'), pcl5_21: 0 }), 'answers.pcl5_21');
    expectInvalid(() => scoreInstrument('pcl5', rated({ 8: 5 })), 'answers.pcl5_8');
  });
});
