import { sumPoints } from '../points.js';
import type { Band, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';
import { AUDIT_FREQUENCY, AUDIT_OCCASION, AUDIT_QUANTITY } from './audit.js';

// AUDIT-C: the first three AUDIT items (WHO wording not shipped; see audit.ts and DOMAIN.md 1.6).
const SOURCE_CUTOFF =
  'US Core AUDIT-C example Observation: positive at ≥4 for men and ≥3 for women (Bush et al. 1998; DOMAIN.md 1.1)';
const SOURCE_UNSPECIFIED =
  "Trellis decision: when sex is not given, the lower (women's) cut-point of 3 is used so that no one is under-screened";
const SOURCE_ITEM1 =
  'US Core AUDIT-C example: when all points come from item 1, drinking is probably within limits (DOMAIN.md 1.1)';

const CUTOFF_BY_SEX: Readonly<Record<string, number>> = { unspecified: 3, female: 3, male: 4 };

function bands(cutoff: number): readonly Band[] {
  return [
    { code: 'negative', label: 'Negative screen', min: 0, max: cutoff - 1 },
    { code: 'positive', label: 'Positive screen for unhealthy alcohol use', min: cutoff, max: 12 },
  ];
}

export const auditCDefinition: InstrumentDefinition = {
  code: 'audit-c',
  version: '1.0.0',
  title: 'Alcohol Use Disorders Identification Test – Consumption',
  shortTitle: 'AUDIT-C',
  instructions: "Questions about the person's use of alcoholic drinks in the past year.",
  recallPeriod: 'Past year',
  population: 'adult',
  licensedTextRequired: true,
  copyright:
    "AUDIT-C (Bush et al., 1998): items 1–3 of the WHO AUDIT © World Health Organization. Item wording not shipped: load the WHO text under your organization's terms (DOMAIN.md 1.6).",
  items: [
    { id: 'auditc_1', text: 'How often the person drinks alcohol', options: AUDIT_FREQUENCY },
    { id: 'auditc_2', text: 'Number of drinks on a typical drinking day', options: AUDIT_QUANTITY },
    { id: 'auditc_3', text: 'How often six or more drinks on one occasion', options: AUDIT_OCCASION },
  ].map((item) => ({ ...item, scored: true, required: true })),
  totalRange: { min: 0, max: 12 },
  bands: bands(CUTOFF_BY_SEX.unspecified!),
  bandSource: `${SOURCE_CUTOFF}; ${SOURCE_UNSPECIFIED}`,
  flagRules: [
    {
      code: 'points_from_item1_only',
      severity: 'warning',
      itemIds: ['auditc_1', 'auditc_2', 'auditc_3'],
      rule: 'A positive screen whose points all come from item 1 (items 2 and 3 are 0): probably within limits; review intake to confirm.',
      source: SOURCE_ITEM1,
    },
  ],
  settings: [
    {
      key: 'sex',
      label: 'Sex used for the cut-point',
      default: 'unspecified',
      source: SOURCE_UNSPECIFIED,
      choices: [
        { value: 'unspecified', label: 'Not given (cut-point 3)', source: SOURCE_UNSPECIFIED },
        { value: 'female', label: 'Female (cut-point 3)', source: SOURCE_CUTOFF },
        { value: 'male', label: 'Male (cut-point 4)', source: SOURCE_CUTOFF },
      ],
    },
  ],
  change: {},
  loinc: { panel: '72109-2', total: '75626-2' },
};

export const auditC: InstrumentModule = {
  definition: auditCDefinition,
  interpret(answers, settings) {
    const sex = String(settings.sex);
    const cutoff = CUTOFF_BY_SEX[sex]!;
    const total = sumPoints(auditCDefinition, answers);
    const [negative, positive] = bands(cutoff);
    const flags: ScoreFlag[] = [];
    if (total >= cutoff && answers.auditc_2 === 0 && answers.auditc_3 === 0) {
      flags.push({
        code: 'points_from_item1_only',
        severity: 'warning',
        itemId: 'auditc_1',
        message:
          "All points come from drinking frequency (item 1): drinking is probably within recommended limits. Review the person's intake over the past few months to confirm.",
      });
    }
    return {
      total,
      band: total >= cutoff ? positive! : negative!,
      flags,
      derivedSettings: {
        positiveCutoff: {
          value: cutoff,
          isDefault: sex === 'unspecified',
          source: sex === 'unspecified' ? SOURCE_UNSPECIFIED : SOURCE_CUTOFF,
        },
      },
    };
  },
};
