import { bandFor, sumPoints } from '../points.js';
import type { InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';
import {
  DIFFICULTY,
  FREQUENCY_0_3,
  ITEM9_RULE_SOURCE,
  item9Flag,
  PHQ_BAND_SOURCE,
  PHQ_BANDS,
  PROVISIONAL_MDD_SOURCE,
  provisionalMddFlag,
} from './shared.js';

// Wording of the Pfizer PHQ-9 form, which may be reproduced without permission (DOMAIN.md 1.6).
// Item LOINC codes in published order from DOMAIN.md 1.5 (US Core example; 44253-3 and 44260-8
// corroborated by code only).
const SYMPTOMS: readonly [string, string][] = [
  ['Little interest or pleasure in doing things', '44250-9'],
  ['Feeling down, depressed, or hopeless', '44255-8'],
  ['Trouble falling or staying asleep, or sleeping too much', '44259-0'],
  ['Feeling tired or having little energy', '44254-1'],
  ['Poor appetite or overeating', '44251-7'],
  [
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    '44258-2',
  ],
  ['Trouble concentrating on things, such as reading the newspaper or watching television', '44252-5'],
  [
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    '44253-3',
  ],
  ['Thoughts that you would be better off dead or of hurting yourself in some way', '44260-8'],
];

const SYMPTOM_IDS = SYMPTOMS.map((_, i) => `phq9_${i + 1}`);

export const phq9Definition: InstrumentDefinition = {
  code: 'phq9',
  version: '1.0.0',
  title: 'Patient Health Questionnaire-9',
  shortTitle: 'PHQ-9',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  recallPeriod: 'Last 2 weeks',
  population: 'adult',
  licensedTextRequired: false,
  copyright:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  items: [
    ...SYMPTOMS.map(([text, loinc], i) => ({
      id: `phq9_${i + 1}`,
      text,
      options: FREQUENCY_0_3,
      scored: true,
      required: true,
      loinc,
    })),
    {
      // Unscored; the form asks it only "if you checked off any problems", so it may be blank.
      id: 'phq9_difficulty',
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      options: DIFFICULTY,
      scored: false,
      required: false,
      loinc: '69722-7', // DOMAIN.md 1.5, corroborated by code only
    },
  ],
  totalRange: { min: 0, max: 27 },
  bands: PHQ_BANDS,
  bandSource: PHQ_BAND_SOURCE,
  flagRules: [
    {
      code: 'suicidal_ideation',
      severity: 'critical',
      itemIds: ['phq9_9'],
      rule: 'Item 9 above 0 ("several days" or more), whatever the total: suicide-risk assessment in the same session.',
      source: ITEM9_RULE_SOURCE,
    },
    {
      code: 'provisional_mdd',
      severity: 'warning',
      itemIds: [...SYMPTOM_IDS, 'phq9_difficulty'],
      rule: '≥5 of items 1–9 at ≥2 (item 9 at ≥1), including item 1 or 2, and the difficulty question at ≥ "somewhat difficult".',
      source: PROVISIONAL_MDD_SOURCE,
    },
  ],
  settings: [],
  change: {
    reliableChange: {
      // NHS Talking Therapies "reliable improvement" criterion; chosen as the default because the
      // same manual gives the GAD-7 default, so programs reporting both use one consistent source.
      default: { method: 'threshold', points: 6 },
      source:
        'NHS Talking Therapies (IAPT) manual: reliable change is a PHQ-9 change of 6 or more (DOMAIN.md 1.4)',
      alternatives: [
        {
          criterion: { method: 'threshold', points: 5 },
          source: 'Löwe et al., Med Care 2004: 5 points (2 × SEM) minimal clinically important difference',
        },
      ],
    },
    response: {
      kind: 'fraction_drop',
      fraction: 0.5,
      source: 'Psychiatric Services (Kaiser) / PQM measure: ≥50 % reduction from baseline (DOMAIN.md 1.4)',
    },
    remission: { below: 5, source: 'Psychiatric Services: PHQ-9 score below 5 (DOMAIN.md 1.4)' },
  },
  loinc: { panel: '44249-1', total: '44261-6' },
};

export const phq9: InstrumentModule = {
  definition: phq9Definition,
  interpret(answers) {
    const total = sumPoints(phq9Definition, answers);
    const flags = [
      item9Flag(phq9Definition, answers, 'phq9_9'),
      provisionalMddFlag(phq9Definition, answers, SYMPTOM_IDS, 'phq9_difficulty'),
    ].filter((f): f is ScoreFlag => f !== null);
    return { total, band: bandFor(total, PHQ_BANDS), flags };
  },
};
