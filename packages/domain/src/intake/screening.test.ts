import { describe, expect, it } from 'vitest';
import { CRISIS_RESOURCES, type ScreeningAnswers, screeningOutcome } from './screening.js';

const NO_SAFETY = {
  suicidalThoughtsPastMonth: false,
  suicidePlanOrIntent: false,
  recentSuicideAttempt: false,
  thoughtsOfHarmingOthers: false,
};

const calm: ScreeningAnswers = {
  presentingConcern: 'Low mood for months, missing work.',
  substanceUse: false,
  safety: NO_SAFETY,
};

const codes = (answers: ScreeningAnswers) => screeningOutcome(answers).reasons.map((r) => r.code);

describe('screeningOutcome', () => {
  it('is not urgent and suggests IOP when every answer is calm', () => {
    expect(screeningOutcome(calm)).toEqual({ urgent: false, reasons: [], suggestedLevel: 'iop' });
  });

  it.each([
    ['suicidalThoughtsPastMonth', 'suicidal_thoughts'],
    ['suicidePlanOrIntent', 'suicide_plan_or_intent'],
    ['recentSuicideAttempt', 'recent_suicide_attempt'],
    ['thoughtsOfHarmingOthers', 'thoughts_of_harming_others'],
  ] as const)('treats a yes to %s alone as a positive (urgent) screen', (question, code) => {
    const outcome = screeningOutcome({ ...calm, safety: { ...NO_SAFETY, [question]: true } });
    expect(outcome.urgent).toBe(true);
    expect(outcome.reasons.map((r) => r.code)).toEqual([code]);
    expect(outcome.reasons[0]?.text.length).toBeGreaterThan(20);
  });

  it('leaves the level to a clinician for thoughts of suicide without plan, intent or attempt', () => {
    const outcome = screeningOutcome({ ...calm, safety: { ...NO_SAFETY, suicidalThoughtsPastMonth: true } });
    expect(outcome.urgent).toBe(true);
    expect(outcome.suggestedLevel).toBeUndefined();
  });

  it('points to a crisis evaluation for a plan, intent, recent attempt or thoughts of harming others', () => {
    for (const question of [
      'suicidePlanOrIntent',
      'recentSuicideAttempt',
      'thoughtsOfHarmingOthers',
    ] as const) {
      expect(screeningOutcome({ ...calm, safety: { ...NO_SAFETY, [question]: true } }).suggestedLevel).toBe(
        'emergency',
      );
    }
  });

  it('points to withdrawal management for high withdrawal risk with recent use, not after a month clean', () => {
    const using: ScreeningAnswers = {
      ...calm,
      substanceUse: true,
      substances: ['alcohol'],
      lastUse: 'within_24_hours',
      withdrawalRisk: 'high',
    };
    expect(screeningOutcome(using)).toMatchObject({ urgent: false, suggestedLevel: 'withdrawal_management' });
    expect(codes(using)).toEqual(['high_withdrawal_risk']);
    expect(screeningOutcome({ ...using, lastUse: 'over_30_days' })).toMatchObject({
      urgent: false,
      suggestedLevel: 'iop',
      reasons: [],
    });
    expect(codes({ ...using, withdrawalRisk: 'moderate' })).toEqual(['moderate_withdrawal_risk']);
    expect(screeningOutcome({ ...using, withdrawalRisk: 'moderate' }).suggestedLevel).toBe('iop');
  });

  it('puts the crisis evaluation before withdrawal management when both apply', () => {
    const both: ScreeningAnswers = {
      ...calm,
      substanceUse: true,
      substances: ['opioids'],
      lastUse: 'within_7_days',
      withdrawalRisk: 'high',
      safety: { ...NO_SAFETY, suicidalThoughtsPastMonth: true, suicidePlanOrIntent: true },
    };
    const outcome = screeningOutcome(both);
    expect(outcome).toMatchObject({ urgent: true, suggestedLevel: 'emergency' });
    expect(codes(both)).toEqual(['suicidal_thoughts', 'suicide_plan_or_intent', 'high_withdrawal_risk']);
  });

  it('notes medical concerns for the assessment without making the screen urgent', () => {
    const outcome = screeningOutcome({ ...calm, medicalConcerns: 'Type 1 diabetes' });
    expect(outcome.urgent).toBe(false);
    expect(outcome.reasons.map((r) => r.code)).toEqual(['medical_concerns']);
    expect(codes({ ...calm, medicalConcerns: '   ' })).toEqual([]);
  });
});

describe('CRISIS_RESOURCES', () => {
  it('names 988 by call, text and chat, and 911 for an emergency', () => {
    expect(CRISIS_RESOURCES[0]).toMatchObject({ phone: '988', text: '988' });
    expect(CRISIS_RESOURCES.some((r) => r.url?.includes('988lifeline.org'))).toBe(true);
    expect(CRISIS_RESOURCES.some((r) => r.phone === '911')).toBe(true);
  });
});
