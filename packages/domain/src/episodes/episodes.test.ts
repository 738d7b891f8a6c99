import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_CODES } from '../diagnoses/codes.js';
import { canonicalCode, findDiagnosis, searchDiagnoses } from '../diagnoses/search.js';
import { admissionDateProblems, initialStatus, isPart2Episode } from './admission.js';
import { resolveDiagnoses } from './diagnoses.js';
import { EPISODE_STATUSES, type EpisodeStatus, openEpisodeProblem, transitionProblem } from './status.js';

describe('episode state machine', () => {
  const allowed: [EpisodeStatus, EpisodeStatus][] = [
    ['pending', 'active'],
    ['pending', 'discharged'],
    ['active', 'on_hold'],
    ['active', 'discharged'],
    ['on_hold', 'active'],
    ['on_hold', 'discharged'],
  ];
  const pairs = EPISODE_STATUSES.flatMap((from) => EPISODE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.some(([f, t]) => f === from && t === to);
    expect(transitionProblem(from, to) === null).toBe(ok);
  });

  it('explains what to do instead, in words', () => {
    expect(transitionProblem('discharged', 'active')).toMatch(/admit them again/);
    expect(transitionProblem('pending', 'on_hold')).toBe(
      'An episode that is pending cannot become on hold; it can become active or discharged.',
    );
    expect(transitionProblem('active', 'active')).toBe('The episode is already active.');
  });
});

describe('one open episode per patient', () => {
  it('refuses a second pending, active or on-hold episode', () => {
    for (const status of ['pending', 'active', 'on_hold'] as const) {
      expect(openEpisodeProblem([{ id: 'a', status }])).toMatch(/already has an/);
    }
  });
  it('allows readmission after discharge, and ignores the episode being changed', () => {
    expect(openEpisodeProblem([{ id: 'a', status: 'discharged' }])).toBeNull();
    expect(openEpisodeProblem([{ id: 'a', status: 'active' }], 'a')).toBeNull();
    expect(openEpisodeProblem([])).toBeNull();
  });
});

describe('admission dates', () => {
  const base = { dateOfBirth: '1990-05-01', today: '2026-11-30' };
  it('refuses an admission before birth or more than 90 days ahead', () => {
    expect(admissionDateProblems({ ...base, admissionDate: '1990-04-30' })).toEqual([
      { field: 'admissionDate', message: expect.stringMatching(/before the date of birth/) },
    ]);
    expect(admissionDateProblems({ ...base, admissionDate: '2027-03-01' })[0]?.message).toMatch(/90 days/);
    expect(admissionDateProblems({ ...base, admissionDate: '2027-02-28' })).toEqual([]);
    expect(admissionDateProblems({ ...base, admissionDate: '1990-05-01' })).toEqual([]);
  });
  it('starts pending when the admission date is ahead', () => {
    expect(initialStatus('2026-12-01', '2026-11-30')).toBe('pending');
    expect(initialStatus('2026-11-30', '2026-11-30')).toBe('active');
  });
});

describe('42 CFR Part 2 marking', () => {
  const dx = (codes: string[]) => {
    const result = resolveDiagnoses(codes.map((code) => ({ code })));
    if (!result.ok) throw new Error('bad codes');
    return result.diagnoses;
  };
  it('marks substance use diagnoses, remission included', () => {
    expect(isPart2Episode({ population: 'mental_health', diagnoses: dx(['F10.20']) })).toBe(true);
    expect(isPart2Episode({ population: 'mental_health', diagnoses: dx(['F11.21']) })).toBe(true);
    expect(isPart2Episode({ population: 'mental_health', diagnoses: dx(['F32.1', 'Z71.51']) })).toBe(true);
  });
  it('does not mark nicotine or mental health diagnoses alone (tobacco is outside §2.11)', () => {
    expect(isPart2Episode({ population: 'mental_health', diagnoses: dx(['F17.210', 'F41.1']) })).toBe(false);
    expect(isPart2Episode({ population: 'mental_health', diagnoses: [] })).toBe(false);
  });
  it('marks every episode of a substance use or dual diagnosis track', () => {
    expect(isPart2Episode({ population: 'substance_use', diagnoses: [] })).toBe(true);
    expect(isPart2Episode({ population: 'dual_diagnosis', diagnoses: dx(['F33.1']) })).toBe(true);
  });
  it('marks exactly the F10–F19 codes except F17, and the two SUD counselling Z codes', () => {
    const marked = DIAGNOSIS_CODES.filter((d) => d.sud).map((d) => d.code);
    expect(marked.every((c) => /^F1[0-9]/.test(c) || c === 'Z71.41' || c === 'Z71.51')).toBe(true);
    expect(marked.some((c) => c.startsWith('F17'))).toBe(false);
    const sudChapter = DIAGNOSIS_CODES.filter((d) => /^F1[0-689]/.test(d.code)).map((d) => d.code);
    expect(sudChapter.every((c) => marked.includes(c))).toBe(true);
  });
});

describe('diagnoses', () => {
  it('ships a curated list of 150–250 unique, well-formed codes', () => {
    expect(DIAGNOSIS_CODES.length).toBeGreaterThanOrEqual(150);
    expect(DIAGNOSIS_CODES.length).toBeLessThanOrEqual(250);
    const codes = DIAGNOSIS_CODES.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[FZR]\d{2}(\.[0-9A-Z]{1,4})?$/);
  });

  it('finds codes however they are typed', () => {
    expect(canonicalCode(' f321 ')).toBe('F32.1');
    expect(findDiagnosis('f32.1')?.text).toBe('Major depressive disorder, single episode, moderate');
    expect(findDiagnosis('F32')).toBeUndefined();
  });

  it('searches by code prefix and by word prefixes of the title', () => {
    expect(searchDiagnoses('F43.2').map((d) => d.code)).toContain('F43.23');
    expect(searchDiagnoses('adj anx').map((d) => d.code)).toEqual(['F43.22', 'F43.23']);
    expect(searchDiagnoses('ptsd')).toEqual([]);
    expect(searchDiagnoses('post traum chronic').map((d) => d.code)).toEqual(['F43.12']);
  });

  it('resolves diagnoses: text from the list, one primary, unknown codes named by position', () => {
    const ok = resolveDiagnoses([{ code: 'f41.1' }, { code: 'F10.20', primary: true }]);
    expect(ok).toEqual({
      ok: true,
      diagnoses: [
        { code: 'F41.1', text: 'Generalized anxiety disorder', primary: false, sud: false },
        { code: 'F10.20', text: 'Alcohol dependence, uncomplicated', primary: true, sud: true },
      ],
    });
    const firstIsPrimary = resolveDiagnoses([{ code: 'F41.1' }, { code: 'F33.1' }]);
    expect(firstIsPrimary.ok && firstIsPrimary.diagnoses.map((d) => d.primary)).toEqual([true, false]);
    const bad = resolveDiagnoses([{ code: 'F41.1' }, { code: 'X99.9' }, { code: 'F41.1' }]);
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['diagnoses.1.code', 'diagnoses.2.code']);
    const twoPrimaries = resolveDiagnoses([
      { code: 'F41.1', primary: true },
      { code: 'F33.1', primary: true },
    ]);
    expect(twoPrimaries.ok ? [] : twoPrimaries.problems.map((p) => p.field)).toEqual(['diagnoses']);
  });
});
