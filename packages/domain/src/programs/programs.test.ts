import { describe, expect, it } from 'vitest';
import { ADOLESCENT_IOP_INTENSITY, ADULT_IOP_INTENSITY } from '../scheduling/intensity.js';
import {
  ASAM_LEVEL,
  defaultIntensity,
  levelChange,
  levelOfCareText,
  nextTrackStatus,
  patternMinutes,
  type TrackDay,
  trackProblems,
  weeklyHoursBand,
} from './track.js';

const days = (n: number, start = '09:00', end = '12:00'): TrackDay[] =>
  Array.from({ length: n }, (_, i) => ({ day: i + 1, start, end }));

const adultIop = (weeklyPattern: TrackDay[], intensity = defaultIntensity('iop', 'adult')) =>
  trackProblems({ levelOfCare: 'iop', ageGroup: 'adult', weeklyPattern, intensity });

describe('track intensity defaults (DOMAIN.md §2.1, §3.1)', () => {
  it('starts adult IOP at 9 h over at least 3 days of 2–4 h, adolescents at 6 h', () => {
    expect(defaultIntensity('iop', 'adult')).toEqual(ADULT_IOP_INTENSITY);
    expect(defaultIntensity('iop', 'adult')).toMatchObject({
      minHoursPerWeek: 9,
      minDaysPerWeek: 3,
      minHoursPerDay: 2,
      maxHoursPerDay: 4,
    });
    expect(defaultIntensity('iop', 'adolescent')).toEqual(ADOLESCENT_IOP_INTENSITY);
    expect(defaultIntensity('iop', 'adolescent').minHoursPerWeek).toBe(6);
  });

  it('maps levels to ASAM and bands their weekly hours', () => {
    expect(ASAM_LEVEL).toEqual({ outpatient: '1', iop: '2.1', php: '2.5' });
    expect(weeklyHoursBand('iop', 'adult')).toEqual({ min: 9, max: 19 });
    expect(weeklyHoursBand('iop', 'adolescent')).toEqual({ min: 6, max: 19 });
    expect(weeklyHoursBand('php', 'adult').min).toBe(20);
    expect(weeklyHoursBand('outpatient', 'adult').max).toBeLessThan(9);
  });

  it('gives every level a default that its own band accepts', () => {
    for (const level of ['outpatient', 'iop', 'php'] as const) {
      for (const age of ['adult', 'adolescent'] as const) {
        const rule = defaultIntensity(level, age);
        const problems = trackProblems({
          levelOfCare: level,
          ageGroup: age,
          weeklyPattern: [],
          intensity: rule,
        });
        expect(
          problems.filter((p) => p.field.startsWith('intensity')),
          `${level} ${age}`,
        ).toEqual([]);
      }
    }
  });
});

describe('trackProblems', () => {
  it('accepts three 3-hour mornings for adult IOP', () => {
    expect(adultIop(days(3))).toEqual([]);
    expect(patternMinutes(days(3))).toBe(540);
  });

  it('refuses a week under 9 hours, naming the pattern', () => {
    const problems = adultIop(days(4, '09:00', '11:00'));
    expect(problems).toEqual([
      { field: 'weeklyPattern', message: expect.stringMatching(/8 h; this track needs at least 9 h/) },
    ]);
  });

  it('refuses two long days: too few days, and days over 4 hours', () => {
    const problems = adultIop(days(2, '08:00', '13:00'));
    expect(problems.map((p) => p.field)).toEqual([
      'weeklyPattern.0.end',
      'weeklyPattern.1.end',
      'weeklyPattern',
    ]);
    expect(problems[2]?.message).toMatch(/at least 3/);
  });

  it('refuses a day shorter than 2 hours, a day ending before it starts, and a day listed twice', () => {
    const pattern: TrackDay[] = [
      { day: 1, start: '09:00', end: '12:00' },
      { day: 2, start: '09:00', end: '10:30' },
      { day: 3, start: '12:00', end: '09:00' },
      { day: 1, start: '13:00', end: '16:00' },
      { day: 4, start: '09:00', end: '12:00' },
    ];
    const fields = adultIop(pattern).map((p) => p.field);
    expect(fields).toContain('weeklyPattern.1.end');
    expect(fields).toContain('weeklyPattern.2.end');
    expect(fields).toContain('weeklyPattern.3.day');
  });

  it('refuses 20 hours a week in an IOP: that is partial hospitalization', () => {
    const tooMuch = adultIop(days(5, '09:00', '13:00'), {
      ...defaultIntensity('iop', 'adult'),
      maxHoursPerWeek: 20,
    });
    expect(tooMuch.map((p) => p.field)).toContain('intensity.maxHoursPerWeek');
    const overWeek = adultIop(days(5, '09:00', '13:00'));
    expect(overWeek.map((p) => p.field)).toEqual(['weeklyPattern']);
  });

  it('refuses an adult IOP minimum below 9 hours but takes 6 for adolescents', () => {
    const six = { ...defaultIntensity('iop', 'adult'), minHoursPerWeek: 6 };
    expect(adultIop(days(3), six).map((p) => p.field)).toEqual(['intensity.minHoursPerWeek']);
    expect(
      trackProblems({
        levelOfCare: 'iop',
        ageGroup: 'adolescent',
        weeklyPattern: days(3, '15:00', '17:00'),
        intensity: defaultIntensity('iop', 'adolescent'),
      }),
    ).toEqual([]);
  });
});

describe('track status and level changes', () => {
  it('pauses only active tracks and archives once', () => {
    expect(nextTrackStatus('active', 'pause')).toEqual({ ok: true, status: 'paused' });
    expect(nextTrackStatus('paused', 'pause')).toMatchObject({ ok: false });
    expect(nextTrackStatus('paused', 'activate')).toEqual({ ok: true, status: 'active' });
    expect(nextTrackStatus('archived', 'activate')).toEqual({ ok: true, status: 'active' });
    expect(nextTrackStatus('active', 'archive')).toEqual({ ok: true, status: 'archived' });
    expect(nextTrackStatus('archived', 'archive')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already/),
    });
  });

  it('names a move between levels', () => {
    expect(levelChange('iop', 'php')).toBe('step_up');
    expect(levelChange('iop', 'outpatient')).toBe('step_down');
    expect(levelChange('iop', 'iop')).toBe('transfer');
  });
});

describe('levelOfCareText', () => {
  it('names the level of care with its usual ASAM level once', () => {
    expect(levelOfCareText('iop', '2.1')).toBe('Intensive outpatient (ASAM 2.1)');
    expect(levelOfCareText('php', null)).toBe('Partial hospitalization (ASAM 2.5)');
  });

  it('adds the recorded ASAM level where it differs from the usual one', () => {
    expect(levelOfCareText('iop', '2.7')).toBe('Intensive outpatient (ASAM 2.1), recorded as ASAM 2.7');
  });
});
