import { answerLabel, bandFor, sumPoints } from '../points.js';
import type { AnswerOption, Band, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';

// WHO AUDIT. Its terms for commercial software are ambiguous (DOMAIN.md 1.6), so the item text
// here is a short label of our own; an organization loads the WHO wording under its own terms.
// The answer categories are kept: they are the scoring anchors (values as printed, 0–4 and, for
// items 9–10, 0/2/4), and the scores cannot be interpreted without them.

export const AUDIT_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Monthly or less' },
  { value: 2, label: '2–4 times a month' },
  { value: 3, label: '2–3 times a week' },
  { value: 4, label: '4 or more times a week' },
];

export const AUDIT_QUANTITY: readonly AnswerOption[] = [
  { value: 0, label: '1 or 2' },
  { value: 1, label: '3 or 4' },
  { value: 2, label: '5 or 6' },
  { value: 3, label: '7 to 9' },
  { value: 4, label: '10 or more' },
];

export const AUDIT_OCCASION: readonly AnswerOption[] = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Less than monthly' },
  { value: 2, label: 'Monthly' },
  { value: 3, label: 'Weekly' },
  { value: 4, label: 'Daily or almost daily' },
];

/** Items 9 and 10 have three answers, printed and scored 0, 2 and 4. */
const AUDIT_EVER: readonly AnswerOption[] = [
  { value: 0, label: 'No' },
  { value: 2, label: 'Yes, but not in the last year' },
  { value: 4, label: 'Yes, during the last year' },
];

const LABELS: readonly [string, readonly AnswerOption[]][] = [
  ['How often the person drinks alcohol', AUDIT_FREQUENCY],
  ['Number of drinks on a typical drinking day', AUDIT_QUANTITY],
  ['How often six or more drinks on one occasion', AUDIT_OCCASION],
  ['Past year: unable to stop drinking once started', AUDIT_OCCASION],
  ['Past year: failed to do what was expected because of drinking', AUDIT_OCCASION],
  ['Past year: needed a morning drink after heavy drinking', AUDIT_OCCASION],
  ['Past year: guilt or remorse after drinking', AUDIT_OCCASION],
  ['Past year: unable to remember the night before because of drinking', AUDIT_OCCASION],
  ['Injury to self or others because of drinking', AUDIT_EVER],
  ['Someone concerned about the drinking or suggested cutting down', AUDIT_EVER],
];

const SOURCE_WHO =
  'Babor, Higgins-Biddle, Saunders & Monteiro, AUDIT manual 2nd ed., WHO 2001, as given by Comorbidity Guidelines (AU): zones I 0–7, II 8–15, III 16–19, IV 20–40 (DOMAIN.md 1.1)';
const SOURCE_AUDITSCREEN =
  'auditscreen.org "Scoring the AUDIT": 0 abstainer, 1–7 low-risk, 8–14 hazardous or harmful, ≥15 likely dependence (DOMAIN.md 1.1)';

const BAND_SETS: Readonly<Record<string, readonly Band[]>> = {
  'who-zones': [
    { code: 'zone_1', label: 'Zone I — alcohol education', min: 0, max: 7 },
    { code: 'zone_2', label: 'Zone II — simple advice', min: 8, max: 15 },
    {
      code: 'zone_3',
      label: 'Zone III — simple advice plus brief counselling and continued monitoring',
      min: 16,
      max: 19,
    },
    { code: 'zone_4', label: 'Zone IV — referral for diagnostic evaluation and treatment', min: 20, max: 40 },
  ],
  auditscreen: [
    { code: 'abstainer', label: 'Abstainer, no alcohol problems', min: 0, max: 0 },
    { code: 'low_risk', label: 'Low-risk consumption', min: 1, max: 7 },
    { code: 'hazardous_harmful', label: 'Hazardous or harmful consumption', min: 8, max: 14 },
    { code: 'likely_dependence', label: 'Likely alcohol dependence', min: 15, max: 40 },
  ],
};

const ids = (...n: number[]) => n.map((i) => `audit_${i}`);

export const auditDefinition: InstrumentDefinition = {
  code: 'audit',
  version: '1.0.0',
  title: 'Alcohol Use Disorders Identification Test',
  shortTitle: 'AUDIT',
  instructions:
    "Questions about the person's use of alcoholic drinks in the past year; for the last two, whether it ever happened and whether in the last year.",
  recallPeriod: 'Past year',
  population: 'adult',
  licensedTextRequired: true,
  copyright:
    "AUDIT © World Health Organization (Babor et al., 2001). Item wording not shipped: load the WHO text under your organization's terms (commercial-use terms to be confirmed with WHO, DOMAIN.md 1.6).",
  items: LABELS.map(([text, options], i) => ({
    id: `audit_${i + 1}`,
    text,
    options,
    scored: true,
    required: true,
    ...(i >= 8 ? { recallPeriod: 'Ever, distinguishing the last year' } : {}),
  })),
  totalRange: { min: 0, max: 40 },
  bands: BAND_SETS['who-zones']!,
  bandSource: SOURCE_WHO,
  flagRules: [
    {
      code: 'next_level_indicated',
      severity: 'warning',
      itemIds: ids(4, 5, 6, 9, 10),
      rule: '2 or more on any of items 4–6, or 4 on item 9 or 10: move the patient up one intervention level.',
      source: 'Comorbidity Guidelines (AU) AUDIT scoring, citing Babor et al. 2001 (DOMAIN.md 1.1)',
    },
  ],
  subscales: [
    { code: 'consumption', label: 'Alcohol consumption (items 1–3)', itemIds: ids(1, 2, 3) },
    { code: 'dependence', label: 'Drinking behaviour / dependence (items 4–6)', itemIds: ids(4, 5, 6) },
    { code: 'harm', label: 'Alcohol-related problems (items 7–10)', itemIds: ids(7, 8, 9, 10) },
  ],
  settings: [
    {
      key: 'bandSet',
      label: 'Band set',
      default: 'who-zones',
      source: SOURCE_WHO,
      choices: [
        { value: 'who-zones', label: 'WHO risk zones I–IV', source: SOURCE_WHO },
        { value: 'auditscreen', label: 'auditscreen.org categories', source: SOURCE_AUDITSCREEN },
      ],
    },
  ],
  // A past-year instrument: no change criterion ships; a program that tracks it must set one.
  change: {},
  loinc: {
    // "Total score [AUDIT]" per DOMAIN.md 1.5, corroborated by code only; verify on loinc.org.
    total: '75624-7',
  },
};

function escalationFlag(
  answers: Readonly<Record<string, number>>,
  bands: readonly Band[],
  band: Band,
): ScoreFlag | null {
  const triggers = [
    ...ids(4, 5, 6).filter((id) => (answers[id] ?? 0) >= 2),
    ...ids(9, 10).filter((id) => answers[id] === 4),
  ];
  const first = triggers[0];
  if (first === undefined) return null;
  const next = bands[bands.indexOf(band) + 1];
  const described = triggers
    .map((id) => {
      const item = auditDefinition.items.find((i) => i.id === id)!;
      return `item ${id.slice('audit_'.length)} "${answerLabel(item, answers[id])}"`;
    })
    .join(', ');
  return {
    code: 'next_level_indicated',
    severity: 'warning',
    itemId: first,
    message: next
      ? `Signs of dependence or harm (${described}) indicate the next intervention level: ${next.label}.`
      : `Signs of dependence or harm (${described}); already at the highest level: ${band.label}.`,
  };
}

export const audit: InstrumentModule = {
  definition: auditDefinition,
  interpret(answers, settings) {
    const bands = BAND_SETS[String(settings.bandSet)]!;
    const total = sumPoints(auditDefinition, answers);
    const band = bandFor(total, bands);
    const flag = escalationFlag(answers, bands, band);
    return { total, band, flags: flag ? [flag] : [] };
  },
};
