import { describe, expect, it } from 'vitest';
import { ASAM_DIMENSIONS, type AsamEdition, type AsamRating, recommendLevelOfCare } from './asam.js';

/** Ratings for dimensions 1..6 in order; null leaves one unrated. */
function ratings(...values: (number | null)[]): AsamRating[] {
  return values.map((rating, i) => ({ dimension: i + 1, rating, notes: 'n' }));
}

const level = (edition: AsamEdition, ...values: (number | null)[]) =>
  recommendLevelOfCare(edition, ratings(...values))?.level ?? null;

describe('third edition', () => {
  it.each([
    ['all 0: early intervention', [0, 0, 0, 0, 0, 0], '0.5'],
    ['any 1: outpatient', [0, 0, 1, 0, 0, 0], '1'],
    ['all 1: outpatient', [1, 1, 1, 1, 1, 1], '1'],
    ['one 2 (emotional): IOP', [0, 0, 2, 1, 1, 1], '2.1'],
    ['two 2s: still IOP', [0, 0, 2, 1, 2, 1], '2.1'],
    ['three 2s: breadth asks for partial hospitalization', [0, 0, 2, 1, 2, 2], '2.5'],
    ['readiness 2 sets nothing alone', [0, 0, 0, 2, 0, 0], '1'],
    ['readiness 3: IOP', [0, 0, 0, 3, 0, 0], '2.1'],
    ['readiness 4: partial hospitalization', [0, 0, 0, 4, 0, 0], '2.5'],
    ['emotional 3: partial hospitalization', [0, 0, 3, 0, 0, 0], '2.5'],
    ['relapse 4: high-intensity residential', [0, 0, 1, 1, 4, 1], '3.5'],
    ['environment 3: low-intensity residential', [0, 0, 1, 1, 1, 3], '3.1'],
    ['environment 4: high-intensity residential', [0, 0, 0, 0, 0, 4], '3.5'],
    ['biomedical 3: medically monitored', [0, 3, 0, 0, 0, 0], '3.7'],
    ['withdrawal 3: medically monitored', [3, 0, 0, 0, 0, 0], '3.7'],
    ['emotional 4: medically managed inpatient', [0, 0, 4, 1, 1, 1], '4'],
    ['withdrawal 4 with others low: inpatient', [4, 1, 0, 0, 0, 0], '4'],
    ['breadth never lowers a higher level', [0, 3, 2, 2, 2, 2], '3.7'],
  ])('%s', (_, values, expected) => {
    expect(level('3', ...values)).toBe(expected);
  });

  it('names withdrawal management beside the treatment level', () => {
    const rec = recommendLevelOfCare('3', ratings(2, 0, 2, 1, 1, 1));
    expect(rec).toMatchObject({ level: '2.1', label: 'Intensive outpatient', withdrawalManagement: '2-WM' });
    expect(rec?.reasons).toEqual([
      'At least one dimension rated above 0: at least 1 Outpatient.',
      'Dimension 3 (Emotional, behavioural or cognitive conditions and complications) rated 2: at least 2.1 Intensive outpatient.',
      'Dimension 1 rated 2: withdrawal management at 2-WM.',
    ]);
    expect(recommendLevelOfCare('3', ratings(0, 0, 1, 0, 0, 0))?.withdrawalManagement).toBeNull();
    expect(recommendLevelOfCare('3', ratings(1, 0, 0, 0, 0, 0))).toMatchObject({
      level: '1',
      withdrawalManagement: '1-WM',
    });
  });

  it('gives every dimension that sets the level as a reason, and the breadth rule its own', () => {
    const tie = recommendLevelOfCare('3', ratings(0, 0, 3, 0, 3, 0));
    expect(tie?.reasons.filter((r) => r.startsWith('Dimension'))).toHaveLength(2);
    const broad = recommendLevelOfCare('3', ratings(0, 0, 2, 2, 2, 0));
    expect(broad?.reasons.at(-1)).toBe(
      '3 dimensions (3, 4, 5) rated 2 or higher: problems in several areas interact; at least 2.5 Partial hospitalization.',
    );
    expect(broad?.source).toMatch(/not the licensed ASAM CONTINUUM algorithm/);
  });

  it('recommends nothing while a dimension is unrated or out of range', () => {
    expect(level('3', 0, 0, 2, 1, null, 1)).toBeNull();
    expect(recommendLevelOfCare('3', ratings(0, 0, 2, 1, 1))).toBeNull();
    expect(level('3', 0, 0, 5, 1, 1, 1)).toBeNull();
    expect(level('3', 0, 0, 1.5, 1, 1, 1)).toBeNull();
  });
});

describe('fourth edition', () => {
  it.each([
    ['all 0: remission monitoring', [0, 0, 0, 0, 0, null], '1.0'],
    ['any 1: outpatient therapy', [0, 0, 1, 0, 0, null], '1.5'],
    ['psychiatric 2: IOP', [0, 0, 2, 1, 1, null], '2.1'],
    ['psychiatric 3: high-intensity outpatient', [0, 0, 3, 1, 1, null], '2.5'],
    ['three 2s: high-intensity outpatient', [0, 0, 2, 2, 2, null], '2.5'],
    ['withdrawal 1 alone: medically managed outpatient', [1, 0, 0, 0, 0, null], '1.7'],
    ['withdrawal 1 with IOP needs: medically managed IOP', [1, 0, 2, 1, 1, null], '2.7'],
    ['withdrawal 2: medically managed IOP', [2, 0, 0, 0, 0, null], '2.7'],
    ['withdrawal 3: medically managed residential', [3, 0, 0, 0, 0, null], '3.7'],
    ['recovery environment 3 with withdrawal 1: medically managed residential', [1, 0, 0, 0, 3, null], '3.7'],
    ['substance-use risks 4: high-intensity residential', [0, 0, 0, 4, 0, null], '3.5'],
    ['withdrawal 4: inpatient', [4, 0, 0, 0, 0, null], '4'],
  ])('%s', (_, values, expected) => {
    expect(level('4', ...values)).toBe(expected);
  });

  it('does not rate dimension 6 (person-centered considerations)', () => {
    expect(ASAM_DIMENSIONS['4'].map((d) => d.rated)).toEqual([true, true, true, true, true, false]);
    expect(level('4', 0, 0, 2, 0, 0, 4)).toBe('2.1');
    expect(level('4', 0, 0, 2, 0, null, null)).toBeNull();
  });

  it('explains a withdrawal step to the medically managed level', () => {
    expect(recommendLevelOfCare('4', ratings(2, 0, 0, 0, 0, null))?.reasons.at(-1)).toBe(
      'Dimension 1 rated 2: withdrawal or addiction medication needs medical management, so 2.7 Medically managed intensive outpatient rather than 2.1.',
    );
    expect(recommendLevelOfCare('4', ratings(2, 0, 0, 0, 0, null))?.withdrawalManagement).toBeNull();
  });
});
