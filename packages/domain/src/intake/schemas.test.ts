import { describe, expect, it } from 'vitest';
import * as api from '../api/index.js';

const fieldsOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  body: unknown,
) => {
  const result = schema.safeParse(body);
  return result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.'));
};

describe('api.CreateInquiryRequest (staff)', () => {
  const valid = { firstName: 'Rowan', lastName: 'Example', email: 'rowan@example.org' };

  it('needs a name and a way to reach the person', () => {
    expect(fieldsOf(api.CreateInquiryRequest, valid)).toEqual([]);
    expect(fieldsOf(api.CreateInquiryRequest, { firstName: 'Rowan', lastName: 'Example' })).toEqual([
      'phone',
      'email',
    ]);
    expect(fieldsOf(api.CreateInquiryRequest, { ...valid, firstName: ' ' })).toEqual(['firstName']);
  });

  it('reads US phones as digits and refuses the rest', () => {
    expect(api.CreateInquiryRequest.parse({ ...valid, phone: '217.555.0142' }).phone).toBe('2175550142');
    expect(fieldsOf(api.CreateInquiryRequest, { ...valid, phone: '+44 20 7946 0123' })).toEqual(['phone']);
  });

  it('refuses a stage: stages move by transition only', () => {
    expect(fieldsOf(api.UpdateInquiryRequest, { stage: 'admitted' })).toEqual(['']);
  });
});

describe('api.ScreeningRequest', () => {
  const safety = {
    suicidalThoughtsPastMonth: false,
    suicidePlanOrIntent: false,
    recentSuicideAttempt: false,
    thoughtsOfHarmingOthers: false,
  };
  const calm = { presentingConcern: 'Low mood', substanceUse: false, safety };

  it('needs all four safety answers', () => {
    expect(fieldsOf(api.ScreeningRequest, calm)).toEqual([]);
    expect(fieldsOf(api.ScreeningRequest, { ...calm, safety: { suicidalThoughtsPastMonth: true } })).toEqual([
      'safety.suicidePlanOrIntent',
      'safety.recentSuicideAttempt',
      'safety.thoughtsOfHarmingOthers',
    ]);
  });

  it('needs which substance, last use and withdrawal risk when there is substance use, and only then', () => {
    expect(fieldsOf(api.ScreeningRequest, { ...calm, substanceUse: true })).toEqual([
      'substances',
      'lastUse',
      'withdrawalRisk',
    ]);
    expect(
      fieldsOf(api.ScreeningRequest, {
        ...calm,
        substanceUse: true,
        substances: ['alcohol'],
        lastUse: 'within_7_days',
        withdrawalRisk: 'moderate',
      }),
    ).toEqual([]);
    expect(fieldsOf(api.ScreeningRequest, { ...calm, substances: ['alcohol'] })).toEqual(['substanceUse']);
  });
});

describe('api.InquiryTransitionRequest and api.BenefitCheckInput', () => {
  it('knows the stages and the close reasons', () => {
    expect(fieldsOf(api.InquiryTransitionRequest, { to: 'closed', reason: 'no_response' })).toEqual([]);
    expect(fieldsOf(api.InquiryTransitionRequest, { to: 'done' })).toEqual(['to']);
    expect(fieldsOf(api.InquiryTransitionRequest, { to: 'closed', reason: 'bored' })).toEqual(['reason']);
    expect(fieldsOf(api.InquiryTransitionRequest, { to: 'assessment_booked', assessmentAt: 'soon' })).toEqual(
      ['assessmentAt'],
    );
  });

  it('takes only X12 service type codes of the behavioural lines, amounts in whole cents', () => {
    const base = { source: 'phone', coverageActive: true };
    expect(
      fieldsOf(api.BenefitCheckInput, {
        ...base,
        mentalHealth: { iopCovered: true, serviceTypeCodes: ['MH', 'A8'] },
      }),
    ).toEqual([]);
    expect(
      fieldsOf(api.BenefitCheckInput, {
        ...base,
        mentalHealth: { iopCovered: true, serviceTypeCodes: ['ZZ'] },
      }),
    ).toEqual(['mentalHealth.serviceTypeCodes.0']);
    expect(fieldsOf(api.BenefitCheckInput, { ...base, deductibleCents: 10.5 })).toEqual(['deductibleCents']);
    expect(fieldsOf(api.BenefitCheckInput, { ...base, source: 'fax' })).toEqual(['source']);
  });
});
