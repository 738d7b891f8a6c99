import { bandFor, sumPoints } from '../points.js';
import type { InstrumentDefinition, InstrumentModule } from '../types.js';
import { DIFFICULTY, FREQUENCY_0_3 } from './shared.js';

// Wording of the Pfizer GAD-7 form, reproducible without permission (DOMAIN.md 1.6). Item LOINC
// codes from DOMAIN.md 1.5 (first two corroborated by code only, last five from a LOINC listing).
const ITEMS: readonly [string, string][] = [
  ['Feeling nervous, anxious or on edge', '69725-0'],
  ['Not being able to stop or control worrying', '68509-9'],
  ['Worrying too much about different things', '69733-4'],
  ['Trouble relaxing', '69734-2'],
  ['Being so restless that it is hard to sit still', '69735-9'],
  ['Becoming easily annoyed or irritable', '69689-8'],
  ['Feeling afraid as if something awful might happen', '69736-7'],
];

const BANDS = [
  { code: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { code: 'mild', label: 'Mild', min: 5, max: 9 },
  { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
  { code: 'severe', label: 'Severe', min: 15, max: 21 },
] as const;

export const gad7Definition: InstrumentDefinition = {
  code: 'gad7',
  version: '1.0.0',
  title: 'Generalized Anxiety Disorder 7-item scale',
  shortTitle: 'GAD-7',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  recallPeriod: 'Last 2 weeks',
  population: 'adult',
  licensedTextRequired: false,
  copyright:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  items: [
    ...ITEMS.map(([text, loinc], i) => ({
      id: `gad7_${i + 1}`,
      text,
      options: FREQUENCY_0_3,
      scored: true,
      required: true,
      loinc,
    })),
    {
      id: 'gad7_difficulty',
      text: 'If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?',
      options: DIFFICULTY,
      scored: false,
      required: false,
    },
  ],
  totalRange: { min: 0, max: 21 },
  bands: BANDS,
  bandSource:
    'Spitzer et al., Arch Intern Med 2006: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe; ≥10 the usual positive screen (DOMAIN.md 1.1)',
  flagRules: [],
  settings: [],
  change: {
    reliableChange: {
      // Same source as the PHQ-9 default, so the pair is reported consistently.
      default: { method: 'threshold', points: 4 },
      source:
        'NHS Talking Therapies (IAPT) manual: reliable change is a GAD-7 change of 4 or more (DOMAIN.md 1.4)',
      alternatives: [
        {
          criterion: { method: 'threshold', points: 6 },
          source: 'Bischoff et al. 2020: Reliable Change Index 5.59, rounded to 6 (DOMAIN.md 1.4)',
        },
      ],
    },
    // DOMAIN.md 1.4 defines no GAD-7 response or remission criterion; none is invented here.
  },
  loinc: { panel: '69737-5', total: '70274-6' },
};

export const gad7: InstrumentModule = {
  definition: gad7Definition,
  interpret(answers) {
    const total = sumPoints(gad7Definition, answers);
    return { total, band: bandFor(total, BANDS), flags: [] };
  },
};
