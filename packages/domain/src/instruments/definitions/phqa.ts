import { bandFor, sumPoints } from '../points.js';
import type { Answers, InstrumentDefinition, InstrumentModule, ScoreFlag } from '../types.js';
import {
  DIFFICULTY,
  FREQUENCY_0_3,
  ITEM9_RULE_SOURCE,
  item9Flag,
  PHQ_BAND_SOURCE,
  PHQ_BANDS,
  PROVISIONAL_MDD_SOURCE,
  provisionalMddFlag,
  YES_NO,
} from './shared.js';

// PHQ-9 modified for adolescents (Johnson et al., J Adolesc Health 2002), wording as published by
// NIMH (ASQ toolkit) and the GLAD-PC toolkit. PHQ family: reproduction permitted (DOMAIN.md 1.6).
// Note the order differs from the adult PHQ-9: item 1 is mood (with "irritable"), item 2 interest.
// No LOINC codes: the PHQ-A panel code in DOMAIN.md 1.5 (89204-2) is marked UNVERIFIED.
const SYMPTOMS: readonly string[] = [
  'Feeling down, depressed, irritable, or hopeless?',
  'Little interest or pleasure in doing things?',
  'Trouble falling asleep, staying asleep, or sleeping too much?',
  'Poor appetite, weight loss, or overeating?',
  'Feeling tired, or having little energy?',
  'Feeling bad about yourself – or feeling that you are a failure, or that you have let yourself or your family down?',
  'Trouble concentrating on things like school work, reading, or watching TV?',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite – being so fidgety or restless that you were moving around a lot more than usual?',
  'Thoughts that you would be better off dead, or of hurting yourself in some way?',
];

const SYMPTOM_IDS = SYMPTOMS.map((_, i) => `phqa_${i + 1}`);
const SOURCE_TEEN_GUIDE =
  'PHQ-9 modified for teens scoring guide (GLAD-PC 2010): positive answers to item 9 and to the two added suicide items must be followed up; DOMAIN.md 1.1';

export const phqaDefinition: InstrumentDefinition = {
  code: 'phqa',
  version: '1.0.0',
  title: 'PHQ-9 modified for Adolescents (PHQ-A)',
  shortTitle: 'PHQ-A',
  instructions:
    'How often have you been bothered by each of the following symptoms during the past two weeks? For each symptom mark the answer that best describes how you have been feeling.',
  recallPeriod: 'Past 2 weeks',
  population: 'adolescent',
  licensedTextRequired: false,
  copyright:
    'PHQ-A: Johnson JG, Harris ES, Spitzer RL, Williams JBW, J Adolesc Health 2002;30:196–204. PHQ family, developed with an educational grant from Pfizer Inc.; no permission required to reproduce.',
  items: [
    ...SYMPTOMS.map((text, i) => ({
      id: `phqa_${i + 1}`,
      text,
      options: FREQUENCY_0_3,
      scored: true,
      required: true,
    })),
    {
      id: 'phqa_past_year',
      text: 'In the past year have you felt depressed or sad most days, even if you felt okay sometimes?',
      options: YES_NO,
      scored: false,
      required: true,
      recallPeriod: 'Past year',
    },
    {
      // Asked "if you are experiencing any of the problems on this form", so it may be blank.
      id: 'phqa_difficulty',
      text: 'If you are experiencing any of the problems on this form, how difficult have these problems made it for you to do your work, take care of things at home or get along with other people?',
      options: DIFFICULTY,
      scored: false,
      required: false,
    },
    {
      id: 'phqa_serious_thoughts',
      text: 'Has there been a time in the past month when you have had serious thoughts about ending your life?',
      options: YES_NO,
      scored: false,
      required: true,
      recallPeriod: 'Past month',
    },
    {
      id: 'phqa_attempt',
      text: 'Have you EVER, in your WHOLE LIFE, tried to kill yourself or made a suicide attempt?',
      options: YES_NO,
      scored: false,
      required: true,
      recallPeriod: 'Lifetime',
    },
  ],
  totalRange: { min: 0, max: 27 },
  totalDescription: 'Sum of items 1–9; the four added questions are not scored.',
  bands: PHQ_BANDS,
  bandSource: `${PHQ_BAND_SOURCE}; the PHQ-A uses the same bands (DOMAIN.md 1.1)`,
  flagRules: [
    {
      code: 'suicidal_ideation',
      severity: 'critical',
      itemIds: ['phqa_9'],
      rule: 'Item 9 above 0, whatever the total: clinical interview for suicide risk.',
      source: `${ITEM9_RULE_SOURCE}; ${SOURCE_TEEN_GUIDE}`,
    },
    {
      code: 'serious_suicidal_thoughts',
      severity: 'critical',
      itemIds: ['phqa_serious_thoughts'],
      rule: '"Yes" to serious thoughts about ending one\'s life in the past month.',
      source: SOURCE_TEEN_GUIDE,
    },
    {
      code: 'suicide_attempt_history',
      severity: 'critical',
      itemIds: ['phqa_attempt'],
      rule: '"Yes" to a suicide attempt ever.',
      source: SOURCE_TEEN_GUIDE,
    },
    {
      code: 'provisional_mdd',
      severity: 'warning',
      itemIds: [...SYMPTOM_IDS, 'phqa_difficulty'],
      rule: '≥5 of items 1–9 at ≥2 (item 9 at ≥1), including item 1 or 2, and the difficulty question at ≥ "somewhat difficult".',
      source: PROVISIONAL_MDD_SOURCE,
    },
  ],
  settings: [],
  // DOMAIN.md 1.4 gives change criteria for the adult PHQ-9 only; none are carried over to
  // adolescents without a source, so a program must set one to classify PHQ-A change.
  change: {},
};

function yesFlag(answers: Answers, itemId: string, code: string, message: string): ScoreFlag | null {
  return answers[itemId] === 1 ? { code, severity: 'critical', itemId, message } : null;
}

export const phqa: InstrumentModule = {
  definition: phqaDefinition,
  interpret(answers) {
    const total = sumPoints(phqaDefinition, answers, SYMPTOM_IDS);
    const flags = [
      item9Flag(phqaDefinition, answers, 'phqa_9'),
      yesFlag(
        answers,
        'phqa_serious_thoughts',
        'serious_suicidal_thoughts',
        'Reported serious thoughts about ending their life in the past month. Assess suicide risk in a clinical interview before this encounter closes.',
      ),
      yesFlag(
        answers,
        'phqa_attempt',
        'suicide_attempt_history',
        'Reported a suicide attempt at some time in their life. Assess suicide risk in a clinical interview before this encounter closes.',
      ),
      provisionalMddFlag(phqaDefinition, answers, SYMPTOM_IDS, 'phqa_difficulty'),
    ].filter((f): f is ScoreFlag => f !== null);
    return { total, band: bandFor(total, PHQ_BANDS), flags };
  },
};
