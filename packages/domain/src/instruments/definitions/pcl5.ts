import { sumPoints } from '../points.js';
import type { Answers, Band, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';

// PTSD Checklist for DSM-5, produced by VA National Center for PTSD staff and described as public
// domain (DOMAIN.md 1.6), so the full wording ships. Items in published order, grouped into the
// DSM-5 clusters B (1–5), C (6–7), D (8–14) and E (15–20).
const ITEMS: readonly string[] = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
];

const OPTIONS = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'A little bit' },
  { value: 2, label: 'Moderately' },
  { value: 3, label: 'Quite a bit' },
  { value: 4, label: 'Extremely' },
];

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `pcl5_${from + i}`);

/** DSM-5 clusters and the number of items that must be endorsed (rated ≥2) in each. */
const CLUSTERS = [
  { code: 'B', label: 'Intrusion (criterion B)', itemIds: ids(1, 5), needed: 1 },
  { code: 'C', label: 'Avoidance (criterion C)', itemIds: ids(6, 7), needed: 1 },
  {
    code: 'D',
    label: 'Negative alterations in cognitions and mood (criterion D)',
    itemIds: ids(8, 14),
    needed: 2,
  },
  {
    code: 'E',
    label: 'Alterations in arousal and reactivity (criterion E)',
    itemIds: ids(15, 20),
    needed: 2,
  },
] as const;

const CLUSTER_OF = (n: number) => CLUSTERS.find((c) => c.itemIds.includes(`pcl5_${n}`))?.code ?? '';

// There are no validated severity bands for the PCL-5 (DOMAIN.md 1.1), only a provisional
// cut-point, so the result is "below" or "at or above" the cut-point the program chose.
const DEFAULT_CUTOFF = 33;
const SOURCE_CUTOFF =
  'VA National Center for PTSD, "Using the PCL-5": a cut-point of 31–33 indicates probable PTSD across samples (Bovin et al., Psychol Assess 2016); 33 is the upper, more specific end and the earlier VA recommendation (DOMAIN.md 1.1)';

function bands(cutoff: number): readonly Band[] {
  return [
    { code: 'below_cutoff', label: 'Below the provisional PTSD cut-point', min: 0, max: cutoff - 1 },
    {
      code: 'probable_ptsd',
      label: 'Probable PTSD (at or above the provisional cut-point)',
      min: cutoff,
      max: 80,
    },
  ];
}

export const pcl5Definition: InstrumentDefinition = {
  code: 'pcl5',
  version: '1.0.0',
  title: 'PTSD Checklist for DSM-5',
  shortTitle: 'PCL-5',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then indicate how much you have been bothered by that problem in the past month.',
  recallPeriod: 'Past month',
  population: 'adult',
  licensedTextRequired: false,
  copyright:
    'PCL-5: Weathers, Litz, Keane, Palmieri, Marx & Schnurr (2013), National Center for PTSD, U.S. Department of Veterans Affairs. Public domain.',
  items: ITEMS.map((text, i) => ({
    id: `pcl5_${i + 1}`,
    text,
    options: OPTIONS,
    scored: true,
    required: true,
    section: `Cluster ${CLUSTER_OF(i + 1)}`,
  })),
  totalRange: { min: 0, max: 80 },
  bands: bands(DEFAULT_CUTOFF),
  bandSource: SOURCE_CUTOFF,
  flagRules: [
    {
      code: 'probable_ptsd',
      severity: 'warning',
      itemIds: ids(1, 20),
      rule: 'Total at or above the cut-point (setting "cutoff"): further assessment, e.g. CAPS-5.',
      source: SOURCE_CUTOFF,
    },
    {
      code: 'dsm5_pattern_met',
      severity: 'warning',
      itemIds: ids(1, 20),
      rule: 'Items rated ≥2 count as endorsed; ≥1 of items 1–5, ≥1 of 6–7, ≥2 of 8–14 and ≥2 of 15–20.',
      source:
        'VA National Center for PTSD scoring via Comorbidity Guidelines (AU) PCL-5 scoring; DOMAIN.md 1.1 (alternative DSM-5 rule)',
    },
  ],
  subscales: CLUSTERS.map(({ code, label, itemIds }) => ({ code, label, itemIds })),
  settings: [
    {
      key: 'cutoff',
      label: 'Provisional PTSD cut-point (total at or above it)',
      default: DEFAULT_CUTOFF,
      source: SOURCE_CUTOFF,
      range: { min: 1, max: 80 },
    },
  ],
  change: {
    reliableChange: {
      // VA: 5–10 points is reliable change (carried over from the PCL for DSM-IV) and 10 the minimum
      // for clinically meaningful improvement. The upper end is the default because the one
      // PCL-5-specific estimate (Marx 2022) is higher still.
      default: { method: 'threshold', points: 10 },
      source:
        'VA National Center for PTSD, "Using the PCL-5": 5–10 points reliable change, 10 points minimum clinically meaningful change (DOMAIN.md 1.4)',
      alternatives: [
        {
          criterion: { method: 'threshold', points: 5 },
          source: 'VA National Center for PTSD: lower end of the 5–10 point reliable-change range',
        },
        {
          criterion: { method: 'threshold', points: 15 },
          source: 'Marx et al. 2022: reliable change ≈15 points in a veteran sample (DOMAIN.md 1.4)',
        },
      ],
    },
    response: {
      kind: 'points_drop',
      points: 5,
      source: 'VA National Center for PTSD: 5 points is the minimum threshold for a response to treatment',
    },
  },
  // No LOINC codes: DOMAIN.md 1.5 lists PCL-5 codes as UNVERIFIED.
};

function endorsedPattern(answers: Answers): boolean {
  return CLUSTERS.every((c) => c.itemIds.filter((id) => (answers[id] ?? 0) >= 2).length >= c.needed);
}

export const pcl5: InstrumentModule = {
  definition: pcl5Definition,
  interpret(answers, settings) {
    const cutoff = Number(settings.cutoff);
    const total = sumPoints(pcl5Definition, answers);
    const flags: ScoreFlag[] = [];
    if (total >= cutoff) {
      flags.push({
        code: 'probable_ptsd',
        severity: 'warning',
        message: `Total ${total} is at or above the provisional PTSD cut-point ${cutoff}. Confirm with a structured interview (e.g. CAPS-5).`,
      });
    }
    if (endorsedPattern(answers)) {
      flags.push({
        code: 'dsm5_pattern_met',
        severity: 'warning',
        message:
          'Symptoms rated "moderately" or more follow the DSM-5 PTSD pattern (B1, C1, D2, E2). Provisional only; confirm with a structured interview.',
      });
    }
    const [below, above] = bands(cutoff);
    return { total, band: total >= cutoff ? above! : below!, flags };
  },
};
