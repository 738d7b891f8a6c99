/**
 * The pre-admission phone screening: a coordinator's first structured conversation. It is not a
 * clinical assessment; it decides whether someone needs help today (the urgent path) and what
 * the assessment should look at first.
 */

export const SUBSTANCES = [
  'alcohol',
  'opioids',
  'benzodiazepines',
  'stimulants',
  'cannabis',
  'sedatives',
  'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const LAST_USE = ['within_24_hours', 'within_7_days', 'within_30_days', 'over_30_days'] as const;
export type LastUse = (typeof LAST_USE)[number];

export const WITHDRAWAL_RISKS = ['none', 'low', 'moderate', 'high'] as const;
export type WithdrawalRisk = (typeof WITHDRAWAL_RISKS)[number];

export interface SafetyAnswers {
  /** Thoughts of killing oneself in the past month. */
  suicidalThoughtsPastMonth: boolean;
  /** A plan or the intent to act on such thoughts. */
  suicidePlanOrIntent: boolean;
  /** A suicide attempt in the past three months. */
  recentSuicideAttempt: boolean;
  /** Thoughts of harming someone else. */
  thoughtsOfHarmingOthers: boolean;
}

export interface ScreeningAnswers {
  presentingConcern: string;
  currentTreatment?: string | null | undefined;
  substanceUse: boolean;
  substances?: readonly Substance[] | undefined;
  lastUse?: LastUse | null | undefined;
  withdrawalRisk?: WithdrawalRisk | null | undefined;
  medicalConcerns?: string | null | undefined;
  safety: SafetyAnswers;
}

export const SCREENING_REASONS = [
  'suicidal_thoughts',
  'suicide_plan_or_intent',
  'recent_suicide_attempt',
  'thoughts_of_harming_others',
  'high_withdrawal_risk',
  'moderate_withdrawal_risk',
  'medical_concerns',
] as const;
export type ScreeningReasonCode = (typeof SCREENING_REASONS)[number];

/**
 * A suggestion for the assessment, not a placement: emergency (a crisis evaluation now),
 * withdrawal_management (medically managed withdrawal before or beside IOP), iop (ASAM 2.1).
 */
export const SUGGESTED_LEVELS = ['emergency', 'withdrawal_management', 'iop'] as const;
export type SuggestedLevel = (typeof SUGGESTED_LEVELS)[number];

export interface ScreeningReason {
  code: ScreeningReasonCode;
  text: string;
}

export interface ScreeningOutcome {
  /** A positive safety screen: show crisis resources and open an urgent task now. */
  urgent: boolean;
  reasons: ScreeningReason[];
  /** Absent when only a clinician can say (thoughts of suicide without plan, intent or attempt). */
  suggestedLevel?: SuggestedLevel;
}

const REASON_TEXT: Record<ScreeningReasonCode, string> = {
  suicidal_thoughts: 'Thoughts of suicide in the past month: a clinician should speak with the person today.',
  suicide_plan_or_intent:
    'A plan or intent to act on thoughts of suicide: the person needs a crisis evaluation now.',
  recent_suicide_attempt:
    'A suicide attempt in the past three months: the person needs a crisis evaluation now.',
  thoughts_of_harming_others:
    'Thoughts of harming someone else: a clinician must assess the risk today, before anything else.',
  high_withdrawal_risk:
    'High withdrawal risk: arrange medically managed withdrawal before (or beside) outpatient treatment.',
  moderate_withdrawal_risk: 'Some withdrawal risk: the assessment should include a medical review.',
  medical_concerns: 'Medical concerns were mentioned: the assessment should include a medical review.',
};

/** A reason with its words, for a code stored earlier. */
export function screeningReason(code: ScreeningReasonCode): ScreeningReason {
  return { code, text: REASON_TEXT[code] };
}
const reason = screeningReason;

/**
 * The rule behind the urgent path. Any yes to a safety question is a positive screen: the
 * coordinator is not the one to grade suicide risk, a clinician is, and today. A plan, intent,
 * recent attempt or thoughts of harming others point to a crisis evaluation (the C-SSRS
 * screener's "high risk" findings); high withdrawal risk with recent use points to withdrawal
 * management.
 */
export function screeningOutcome(answers: ScreeningAnswers): ScreeningOutcome {
  const { safety } = answers;
  const reasons: ScreeningReason[] = [];
  if (safety.suicidalThoughtsPastMonth) reasons.push(reason('suicidal_thoughts'));
  if (safety.suicidePlanOrIntent) reasons.push(reason('suicide_plan_or_intent'));
  if (safety.recentSuicideAttempt) reasons.push(reason('recent_suicide_attempt'));
  if (safety.thoughtsOfHarmingOthers) reasons.push(reason('thoughts_of_harming_others'));
  const urgent = reasons.length > 0;
  const emergency =
    safety.suicidePlanOrIntent || safety.recentSuicideAttempt || safety.thoughtsOfHarmingOthers;

  // Withdrawal is a risk only while the substance is still in play: use within the last month.
  const recentUse = answers.substanceUse && answers.lastUse !== 'over_30_days';
  const withdrawal = recentUse ? (answers.withdrawalRisk ?? 'none') : 'none';
  if (withdrawal === 'high') reasons.push(reason('high_withdrawal_risk'));
  if (withdrawal === 'moderate') reasons.push(reason('moderate_withdrawal_risk'));
  if (answers.medicalConcerns?.trim()) reasons.push(reason('medical_concerns'));

  if (emergency) return { urgent, reasons, suggestedLevel: 'emergency' };
  if (withdrawal === 'high') return { urgent, reasons, suggestedLevel: 'withdrawal_management' };
  if (urgent) return { urgent, reasons };
  return { urgent, reasons, suggestedLevel: 'iop' };
}

export interface CrisisResource {
  name: string;
  /** What to do, in words. */
  action: string;
  phone?: string;
  text?: string;
  url?: string;
}

/** Shown whenever someone may be in crisis: on a positive screen, and on the public form's answer. */
export const CRISIS_RESOURCES: readonly CrisisResource[] = [
  {
    name: '988 Suicide & Crisis Lifeline',
    action: 'Call or text 988, any time, day or night.',
    phone: '988',
    text: '988',
  },
  {
    name: '988 Lifeline chat',
    action: 'Chat online at 988lifeline.org.',
    url: 'https://988lifeline.org',
  },
  {
    name: 'Emergency services',
    action: 'Call 911 if someone is in immediate danger.',
    phone: '911',
  },
];
