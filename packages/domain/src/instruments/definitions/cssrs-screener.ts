import type { Answers, Band, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';
import { YES_NO } from './shared.js';

// C-SSRS Screener, lifetime/recent version. Copyright the Research Foundation for Mental Hygiene;
// electronic implementations are licensed through Clario (DOMAIN.md 1.6), so the item text is a
// short label of our own describing each construct (DOMAIN.md 1.3), to be replaced by the licensed
// wording. The "since last contact" version (no 3-month follow-up on item 6) is not modelled yet.
//
// Branching (DOMAIN.md 1.3): always ask 1 and 2; ask 3, 4 and 5 only if 2 is yes; always ask 6;
// ask "within the past 3 months?" only if 6 is yes. The scorer accepts the skipped items blank and
// REJECTS an answer to a skipped item: "yes, I have a method" after "no thoughts of killing myself"
// is a contradiction a clinician has to resolve, and silently dropping it could hide a risk.

const SOURCE_RISK =
  'Columbia triage guidelines and the C-SSRS Screener with triage colours (2021), as summarised in DOMAIN.md 1.3: yes to 4 or 5 (past month) or behaviour in the past 3 months = high; yes to 3, or behaviour more than 3 months ago = moderate; yes only to 1 and/or 2 = low';

const BANDS = {
  none: { code: 'none', label: 'No suicidal ideation or behaviour reported' },
  low: { code: 'low', label: 'Low risk' },
  moderate: { code: 'moderate', label: 'Moderate risk' },
  high: { code: 'high', label: 'High risk' },
} as const satisfies Record<string, Band>;

export const cssrsScreenerDefinition: InstrumentDefinition = {
  code: 'cssrs-screener',
  version: '1.0.0',
  title: 'Columbia Suicide Severity Rating Scale — Screener (lifetime/recent)',
  shortTitle: 'C-SSRS Screener',
  instructions:
    'Ask questions 1 and 2. If 2 is yes, ask 3, 4 and 5; if 2 is no, go to 6. Always ask 6; if 6 is yes, ask whether it was within the past 3 months.',
  recallPeriod: 'Past month (ideation); lifetime and past 3 months (behaviour)',
  population: 'adult',
  licensedTextRequired: true,
  copyright:
    'C-SSRS © The Research Foundation for Mental Hygiene, Inc. (Posner et al.). Electronic use requires a licence (Columbia Lighthouse Project / Clario); item wording not shipped (DOMAIN.md 1.6).',
  items: [
    { id: 'cssrs_1', text: 'Wish to be dead or not to wake up', recallPeriod: 'Past month' },
    { id: 'cssrs_2', text: 'Non-specific active thoughts of killing oneself', recallPeriod: 'Past month' },
    {
      id: 'cssrs_3',
      text: 'Suicidal thoughts with a method, without plan or intent to act',
      recallPeriod: 'Past month',
      askedWhen: { itemId: 'cssrs_2', value: 1 },
    },
    {
      id: 'cssrs_4',
      text: 'Suicidal intent to act, without a specific plan',
      recallPeriod: 'Past month',
      askedWhen: { itemId: 'cssrs_2', value: 1 },
    },
    {
      id: 'cssrs_5',
      text: 'Suicidal intent with a plan fully or partly worked out',
      recallPeriod: 'Past month',
      askedWhen: { itemId: 'cssrs_2', value: 1 },
    },
    {
      id: 'cssrs_6',
      text: 'Any suicidal behaviour: preparatory acts, aborted, interrupted or actual attempt',
      recallPeriod: 'Lifetime',
    },
    {
      id: 'cssrs_6_recent',
      text: 'That suicidal behaviour was within the past 3 months',
      recallPeriod: 'Past 3 months',
      askedWhen: { itemId: 'cssrs_6', value: 1 },
    },
  ].map((item) => ({ ...item, options: YES_NO, scored: false, required: true })),
  totalRange: null,
  totalDescription: 'No total: the result is a risk category.',
  bands: [BANDS.none, BANDS.low, BANDS.moderate, BANDS.high],
  bandSource: SOURCE_RISK,
  flagRules: [
    {
      code: 'suicide_risk_high',
      severity: 'critical',
      itemIds: ['cssrs_4', 'cssrs_5', 'cssrs_6_recent'],
      rule: 'Yes to 4 or 5, or suicidal behaviour within the past 3 months.',
      source: SOURCE_RISK,
    },
    {
      code: 'suicide_risk_moderate',
      severity: 'critical',
      itemIds: ['cssrs_3', 'cssrs_6', 'cssrs_6_recent'],
      rule: 'Yes to 3, or suicidal behaviour more than 3 months ago (this cell is UNVERIFIED against the current Columbia form, DOMAIN.md 1.3).',
      source: SOURCE_RISK,
    },
    {
      code: 'suicide_risk_low',
      severity: 'warning',
      itemIds: ['cssrs_1', 'cssrs_2'],
      rule: 'Yes only to 1 and/or 2: a positive screen at low risk; behavioural-health follow-up.',
      source: SOURCE_RISK,
    },
  ],
  settings: [],
  change: {
    notApplicable: 'The C-SSRS screener gives a risk category, not a total; compare risk levels instead.',
  },
};

const yes = (answers: Answers, id: string) => answers[id] === 1;

export const cssrsScreener: InstrumentModule = {
  definition: cssrsScreenerDefinition,
  interpret(answers) {
    const flags: ScoreFlag[] = [];
    const high = ['cssrs_4', 'cssrs_5', 'cssrs_6_recent'].find((id) => yes(answers, id));
    if (high) {
      flags.push({
        code: 'suicide_risk_high',
        severity: 'critical',
        itemId: high,
        message:
          'High suicide risk on the C-SSRS screener (intent or plan in the past month, or suicidal behaviour in the past 3 months). Immediate clinical evaluation and safety precautions are needed before the person leaves.',
      });
      return { total: null, band: BANDS.high, flags };
    }
    const moderate = ['cssrs_3', 'cssrs_6'].find((id) => yes(answers, id));
    if (moderate) {
      flags.push({
        code: 'suicide_risk_moderate',
        severity: 'critical',
        itemId: moderate,
        message:
          'Moderate suicide risk on the C-SSRS screener (thoughts with a method, or suicidal behaviour more than 3 months ago). A clinician should evaluate before this encounter closes and consider safety precautions.',
      });
      return { total: null, band: BANDS.moderate, flags };
    }
    const low = ['cssrs_1', 'cssrs_2'].find((id) => yes(answers, id));
    if (low) {
      flags.push({
        code: 'suicide_risk_low',
        severity: 'warning',
        itemId: low,
        message:
          'Low suicide risk on the C-SSRS screener (wish to be dead or non-specific thoughts of suicide). Refer for behavioural-health follow-up.',
      });
      return { total: null, band: BANDS.low, flags };
    }
    return { total: null, band: BANDS.none, flags };
  },
};
