import { bandFor, sumPoints } from '../points.js';
import type { AnswerOption, InstrumentDefinition, InstrumentModule } from '../types.js';
import { YES_NO } from './shared.js';

// DAST-10 © 1982 Harvey A. Skinner and CAMH: commercial distribution needs permission (DOMAIN.md
// 1.6), so the item text is a short label of our own. One point per "yes", except item 3 ("able
// to stop"), where "no" scores the point (DOMAIN.md 1.1; the DAST-20/28 reverse other items).
const REVERSED: readonly AnswerOption[] = [
  { value: 1, label: 'Yes', points: 0 },
  { value: 0, label: 'No', points: 1 },
];

const LABELS: readonly string[] = [
  'Used drugs other than those required for medical reasons',
  'Uses more than one drug at a time',
  'Always able to stop using drugs when wanted',
  'Blackouts or flashbacks from drug use',
  'Feels bad or guilty about drug use',
  'Spouse or parents complain about involvement with drugs',
  'Neglected family because of drug use',
  'Engaged in illegal activities to obtain drugs',
  'Withdrawal symptoms when stopping drugs',
  'Medical problems from drug use',
];

const BANDS = [
  { code: 'none', label: 'No problems reported', min: 0, max: 0 },
  { code: 'low', label: 'Low level — monitor, reassess later', min: 1, max: 2 },
  { code: 'moderate', label: 'Moderate level — further investigation', min: 3, max: 5 },
  { code: 'substantial', label: 'Substantial level — intensive assessment', min: 6, max: 8 },
  { code: 'severe', label: 'Severe level — intensive assessment', min: 9, max: 10 },
] as const;

export const dast10Definition: InstrumentDefinition = {
  code: 'dast10',
  version: '1.0.0',
  title: 'Drug Abuse Screening Test (10 items)',
  shortTitle: 'DAST-10',
  instructions:
    'Questions about the use of drugs other than alcohol in the past 12 months, including prescription drugs used other than as directed; answer yes or no.',
  recallPeriod: 'Past 12 months',
  population: 'adult',
  licensedTextRequired: true,
  copyright:
    "DAST-10 © 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health, Toronto. Item wording not shipped: commercial use needs the copyright holder's permission (DOMAIN.md 1.6).",
  items: LABELS.map((text, i) => ({
    id: `dast10_${i + 1}`,
    text,
    options: i === 2 ? REVERSED : YES_NO,
    scored: true,
    required: true,
  })),
  totalRange: { min: 0, max: 10 },
  bands: BANDS,
  bandSource:
    'Skinner 1982 via Comorbidity Guidelines (AU) DAST-10 scoring: 0 none, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe (DOMAIN.md 1.1)',
  flagRules: [],
  settings: [],
  change: {},
  loinc: {
    // "Total score [DAST-10]" per DOMAIN.md 1.5, corroborated by code only; verify on loinc.org.
    total: '82667-7',
  },
};

export const dast10: InstrumentModule = {
  definition: dast10Definition,
  interpret(answers) {
    const total = sumPoints(dast10Definition, answers);
    return { total, band: bandFor(total, BANDS), flags: [] };
  },
};
