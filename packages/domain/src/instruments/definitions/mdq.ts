import { sumPoints } from '../points.js';
import type { Answers, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';
import { invalidAnswers } from '../validate-answers.js';
import { YES_NO } from './shared.js';

// Mood Disorder Questionnaire © 2000 The University of Texas Medical Branch; the author keeps the
// copyright and permission is needed (DOMAIN.md 1.6), so item text is a short label of our own.
// Part 1 lists lifetime periods "when you were not your usual self" with each symptom.
const PART1: readonly string[] = [
  'Felt so good or hyper that others thought it was not your normal self, or got into trouble',
  'So irritable that you shouted at people or started fights or arguments',
  'Much more self-confident than usual',
  'Much less sleep than usual without missing it',
  'Much more talkative or spoke much faster than usual',
  'Racing thoughts or could not slow the mind down',
  'So easily distracted that concentrating was hard',
  'Much more energy than usual',
  'Much more active or did many more things than usual',
  'Much more social or outgoing than usual',
  'Much more interested in sex than usual',
  'Did things that were unusual, excessive, foolish or risky',
  'Spending money caused trouble',
];

const PART1_IDS = PART1.map((_, i) => `mdq_${i + 1}`);
const POSITIVE_PART1 = 7;
const SOURCE_RULE =
  'Hirschfeld et al., Am J Psychiatry 2000; NHC scoring key: positive only if ≥7 "yes" in Part 1, "yes" in Part 2 and "moderate" or "serious" in Part 3 (DOMAIN.md 1.1)';

const PROBLEM = [
  { value: 0, label: 'No problem' },
  { value: 1, label: 'Minor problem' },
  { value: 2, label: 'Moderate problem' },
  { value: 3, label: 'Serious problem' },
];

export const mdqDefinition: InstrumentDefinition = {
  code: 'mdq',
  version: '1.0.0',
  title: 'Mood Disorder Questionnaire',
  shortTitle: 'MDQ',
  instructions:
    'Part 1: has there ever been a period when the person was not their usual self and had each experience? Part 2 asks whether several happened in the same period, Part 3 how much of a problem they caused.',
  recallPeriod: 'Lifetime',
  population: 'adult',
  licensedTextRequired: true,
  copyright:
    "MDQ © 2000 The University of Texas Medical Branch (Hirschfeld et al.). Item wording not shipped: reproduction needs the copyright holder's permission (DOMAIN.md 1.6).",
  items: [
    ...PART1.map((text, i) => ({
      id: `mdq_${i + 1}`,
      text,
      options: YES_NO,
      scored: true,
      required: true,
      section: 'Part 1',
    })),
    // Parts 2 and 3 are asked only once there is something to ask about (the form asks Part 2 "if
    // you checked YES to more than one"), so they may be blank, except that a Part 1 count that
    // could make the screen positive cannot be scored without them (checked in `interpret`).
    {
      id: 'mdq_part2',
      text: 'Several of these happened during the same period of time',
      options: YES_NO,
      scored: false,
      required: false,
      section: 'Part 2',
    },
    {
      id: 'mdq_part3',
      text: 'How much of a problem any of these caused (work, family, money, legal trouble, arguments or fights)',
      options: PROBLEM,
      scored: false,
      required: false,
      section: 'Part 3',
    },
    {
      id: 'mdq_part4',
      text: 'Blood relatives with manic-depressive illness or bipolar disorder',
      options: YES_NO,
      scored: false,
      required: false,
      section: 'Part 4',
    },
    {
      id: 'mdq_part5',
      text: 'Ever told by a health professional of manic-depressive illness or bipolar disorder',
      options: YES_NO,
      scored: false,
      required: false,
      section: 'Part 5',
    },
  ],
  totalRange: { min: 0, max: 13 },
  totalDescription: 'Number of "yes" answers in Part 1; Parts 2–5 are not counted.',
  bands: [
    { code: 'negative', label: 'Negative screen for bipolar spectrum disorder' },
    { code: 'positive', label: 'Positive screen for bipolar spectrum disorder' },
  ],
  bandSource: SOURCE_RULE,
  flagRules: [
    {
      code: 'bipolar_screen_positive',
      severity: 'warning',
      itemIds: [...PART1_IDS, 'mdq_part2', 'mdq_part3'],
      rule: '≥7 "yes" in Part 1 and "yes" in Part 2 and "moderate" or "serious" in Part 3: further evaluation.',
      source: SOURCE_RULE,
    },
  ],
  settings: [],
  change: {
    notApplicable: 'The MDQ asks about lifetime experiences, so repeating it does not measure change.',
  },
  // No LOINC codes: DOMAIN.md 1.5 lists MDQ codes as UNVERIFIED.
};

function requireWhenDeciding(answers: Answers, part1: number): void {
  const missing = (['mdq_part2', 'mdq_part3'] as const).filter((id) => answers[id] === undefined);
  if (part1 < POSITIVE_PART1 || missing.length === 0) return;
  const problems = missing.map((id) => ({
    field: `answers.${id}`,
    message: `Answer ${id === 'mdq_part2' ? 'Part 2' : 'Part 3'}: with ${part1} "yes" answers in Part 1 the MDQ cannot be scored without it.`,
  }));
  throw invalidAnswers(problems);
}

export const mdq: InstrumentModule = {
  definition: mdqDefinition,
  interpret(answers) {
    const total = sumPoints(mdqDefinition, answers, PART1_IDS);
    requireWhenDeciding(answers, total);
    const positive = total >= POSITIVE_PART1 && answers.mdq_part2 === 1 && (answers.mdq_part3 ?? 0) >= 2;
    const [negative, positiveBand] = mdqDefinition.bands;
    const flags: ScoreFlag[] = positive
      ? [
          {
            code: 'bipolar_screen_positive',
            severity: 'warning',
            message: `Positive MDQ screen (${total} of 13 in Part 1, co-occurring, causing a moderate or serious problem). A clinical evaluation for bipolar spectrum disorder is indicated; the MDQ is a screen, not a diagnosis.`,
          },
        ]
      : [];
    return { total, band: positive ? positiveBand! : negative!, flags };
  },
};
