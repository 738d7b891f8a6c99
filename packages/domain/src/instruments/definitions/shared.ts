import { answerLabel, itemById } from '../points.js';
import type { AnswerOption, Answers, InstrumentDefinition, ScoreFlag } from '../types.js';

/**
 * The PHQ/GAD four-point frequency scale. LOINC answer codes from the PHQ answer list LL358-3
 * (DOMAIN.md 1.5); the GAD-7 prints the same four answers, so the same answer concepts apply.
 */
export const FREQUENCY_0_3: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

/** The unscored functional-impairment question of the PHQ-9, PHQ-A and GAD-7. */
export const DIFFICULTY: readonly AnswerOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

/** Yes/no boxes; the published forms print no numbers, so yes = 1 and no = 0. */
export const YES_NO: readonly AnswerOption[] = [
  { value: 1, label: 'Yes' },
  { value: 0, label: 'No' },
];

export const PHQ_BANDS = [
  { code: 'minimal', label: 'Minimal', min: 0, max: 4 },
  { code: 'mild', label: 'Mild', min: 5, max: 9 },
  { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
  { code: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
  { code: 'severe', label: 'Severe', min: 20, max: 27 },
] as const;

export const PHQ_BAND_SOURCE =
  'Kroenke, Spitzer & Williams, J Gen Intern Med 2001 (PHQ-9 severity 0–4/5–9/10–14/15–19/20–27); DOMAIN.md 1.1';

export const PROVISIONAL_MDD_SOURCE =
  'PHQ diagnostic algorithm as given in the PHQ-9 modified for teens scoring guide (GLAD-PC, 2010); DOMAIN.md 1.1 implementation notes';

/**
 * Provisional major depressive disorder (PHQ algorithm): at least five of the nine symptom items
 * at "more than half the days" (item 9 counts from "several days"), one of them the first or the
 * second item (depressed mood, loss of interest), and the functional question at "somewhat
 * difficult" or worse. Without an answer to the functional question the algorithm cannot be met:
 * the form asks it only of people who checked a problem, so a blank is read as no impairment
 * reported. A screen, never a diagnosis.
 */
export function provisionalMddFlag(
  def: InstrumentDefinition,
  answers: Answers,
  symptomIds: readonly string[],
  difficultyId: string,
): ScoreFlag | null {
  const lastIndex = symptomIds.length - 1;
  const positive = symptomIds.filter((id, i) => (answers[id] ?? 0) >= (i === lastIndex ? 1 : 2));
  const cardinal = positive.some((id) => id === symptomIds[0] || id === symptomIds[1]);
  const difficulty = answers[difficultyId];
  if (positive.length < 5 || !cardinal || difficulty === undefined || difficulty < 1) return null;
  return {
    code: 'provisional_mdd',
    severity: 'warning',
    message:
      `Meets the PHQ algorithm for provisional major depressive disorder (${positive.length} of 9 symptoms present, ` +
      `including depressed mood or loss of interest; functioning "${answerLabel(itemById(def, difficultyId), difficulty)}"). ` +
      'Confirm with a clinical interview.',
  };
}

/** The critical flag for PHQ-9 / PHQ-A item 9 (DOMAIN.md 1.1, 1.2). */
export function item9Flag(def: InstrumentDefinition, answers: Answers, itemId: string): ScoreFlag | null {
  const value = answers[itemId] ?? 0;
  if (value === 0) return null;
  return {
    code: 'suicidal_ideation',
    severity: 'critical',
    itemId,
    message:
      `Item 9 (thoughts of being better off dead or of self-harm) was answered "${answerLabel(itemById(def, itemId), value)}". ` +
      'Assess suicide risk (for example with the C-SSRS) before this encounter closes, whatever the total.',
  };
}

export const ITEM9_RULE_SOURCE =
  'Simon et al., Psychiatric Services 2013; DOMAIN.md 1.1–1.2 (any value above 0, regardless of total)';
