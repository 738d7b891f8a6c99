/**
 * The biopsychosocial sections of the initial assessment (issue 4; DESIGN.md journey step
 * "initial assessment"). Each section is free text (the narrative a clinician writes) plus a
 * few structured fields that reports, risk screens and the plan can use without reading prose.
 * Definitions are data: the web app renders the form from them and the API validates by them.
 */

export const SECTION_KEYS = [
  'presenting_problem',
  'psychiatric_history',
  'substance_use',
  'medical',
  'family_social',
  'legal',
  'education_work',
  'trauma',
  'risk',
  'strengths_preferences',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type FieldKind = 'text' | 'boolean' | 'count' | 'date' | 'choice';

export interface SectionField {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  /** Must be answered before the assessment can be signed. */
  readonly requiredToSign: boolean;
}

export interface SectionDefinition {
  readonly key: SectionKey;
  readonly label: string;
  /** What the narrative should cover, shown as the field's help text. */
  readonly prompt: string;
  readonly fields: readonly SectionField[];
}

const yesNo = (key: string, label: string, requiredToSign = false): SectionField => ({
  key,
  label,
  kind: 'boolean',
  requiredToSign,
});
const text = (key: string, label: string): SectionField => ({
  key,
  label,
  kind: 'text',
  requiredToSign: false,
});
const choice = (
  key: string,
  label: string,
  choices: readonly [string, string][],
  requiredToSign = false,
): SectionField => ({
  key,
  label,
  kind: 'choice',
  choices: choices.map(([value, l]) => ({ value, label: l })),
  requiredToSign,
});

export const ASSESSMENT_SECTIONS: readonly SectionDefinition[] = [
  {
    key: 'presenting_problem',
    label: 'Presenting problem',
    prompt:
      'In the person’s words: why now, what they want help with, onset and course, what prompted the referral.',
    fields: [
      text('chiefComplaint', 'Chief complaint (brief)'),
      { key: 'onsetDate', label: 'Approximate onset', kind: 'date', requiredToSign: false },
      text('referralReason', 'Reason for referral'),
    ],
  },
  {
    key: 'psychiatric_history',
    label: 'Psychiatric history',
    prompt:
      'Past diagnoses, treatment and hospitalisations, current medications and prescriber, response to past care.',
    fields: [
      yesNo('priorTreatment', 'Prior mental health treatment'),
      {
        key: 'priorHospitalizations',
        label: 'Psychiatric hospitalisations (count)',
        kind: 'count',
        requiredToSign: false,
      },
      text('currentMedications', 'Current psychiatric medications'),
    ],
  },
  {
    key: 'substance_use',
    label: 'Substance use',
    prompt:
      'Each substance: age at first use, pattern, last use, route; withdrawal history; prior SUD treatment.',
    fields: [
      yesNo('useInPast30Days', 'Any alcohol or drug use in the past 30 days', true),
      text('primarySubstance', 'Primary substance, if any'),
      { key: 'lastUseDate', label: 'Date of last use', kind: 'date', requiredToSign: false },
      yesNo('injectionUse', 'Injection use ever'),
      yesNo('withdrawalHistory', 'History of complicated withdrawal (seizures, delirium)'),
    ],
  },
  {
    key: 'medical',
    label: 'Medical',
    prompt:
      'Current conditions, medications, allergies, primary care, pregnancy, conditions that affect treatment.',
    fields: [
      text('conditions', 'Current medical conditions'),
      text('allergies', 'Allergies'),
      yesNo('hasPrimaryCare', 'Has a primary care provider'),
      yesNo('pregnant', 'Pregnant'),
    ],
  },
  {
    key: 'family_social',
    label: 'Family and social',
    prompt:
      'Household, relationships, supports, family history of mental illness or substance use, cultural context.',
    fields: [
      choice('livingSituation', 'Living situation', [
        ['stable', 'Stable housing'],
        ['unstable', 'Unstable housing'],
        ['homeless', 'Homeless'],
        ['supervised', 'Supervised or recovery residence'],
        ['other', 'Other'],
      ]),
      yesNo('hasSupportPerson', 'Has at least one supportive person'),
      yesNo('dependents', 'Cares for children or other dependents'),
    ],
  },
  {
    key: 'legal',
    label: 'Legal',
    prompt:
      'Current charges, probation or parole, court orders, custody matters, history relevant to treatment.',
    fields: [
      yesNo('currentLegalInvolvement', 'Current legal involvement'),
      yesNo('courtOrdered', 'Treatment is court-ordered or mandated'),
    ],
  },
  {
    key: 'education_work',
    label: 'Education and work',
    prompt: 'Schooling, employment, schedule constraints, impact of symptoms on work or school.',
    fields: [
      choice('employment', 'Employment', [
        ['full_time', 'Full time'],
        ['part_time', 'Part time'],
        ['unemployed', 'Unemployed'],
        ['student', 'Student'],
        ['retired', 'Retired'],
        ['unable', 'Unable to work'],
        ['other', 'Other'],
      ]),
      text('education', 'Highest education'),
    ],
  },
  {
    key: 'trauma',
    label: 'Trauma',
    prompt:
      'Exposure to trauma (as much as the person chooses to share), current safety, trauma-related symptoms.',
    fields: [
      yesNo('traumaHistory', 'Trauma history reported'),
      yesNo('currentlyUnsafe', 'Currently unsafe at home'),
    ],
  },
  {
    key: 'risk',
    label: 'Risk',
    prompt:
      'Suicide and self-harm (ideation, plan, intent, means, history), harm to others, protective factors, safety plan.',
    fields: [
      choice(
        'suicidalIdeation',
        'Suicidal ideation (current)',
        [
          ['none', 'None'],
          ['passive', 'Passive (wish to be dead)'],
          ['active_no_plan', 'Active, without plan'],
          ['active_with_plan', 'Active, with plan or intent'],
        ],
        true,
      ),
      yesNo('homicidalIdeation', 'Thoughts of harming others', true),
      yesNo('selfHarmHistory', 'History of self-harm or suicide attempt'),
      yesNo('accessToMeans', 'Access to lethal means'),
      yesNo('safetyPlanCompleted', 'Safety plan completed'),
      choice(
        'riskLevel',
        'Clinician’s overall risk formulation',
        [
          ['low', 'Low'],
          ['moderate', 'Moderate'],
          ['high', 'High'],
        ],
        true,
      ),
    ],
  },
  {
    key: 'strengths_preferences',
    label: 'Strengths and preferences',
    prompt:
      'Strengths, interests, what has helped before, goals, preferences for schedule, modality, language and culture.',
    fields: [
      text('strengths', 'Strengths'),
      choice('preferredModality', 'Preferred modality', [
        ['in_person', 'In person'],
        ['virtual', 'Virtual'],
        ['either', 'Either'],
      ]),
    ],
  },
];

export function sectionDefinition(key: SectionKey): SectionDefinition {
  const found = ASSESSMENT_SECTIONS.find((s) => s.key === key);
  if (!found) throw new Error(`no assessment section ${key}`);
  return found;
}

export type FieldValue = string | number | boolean | null;

export interface SectionContent {
  readonly narrative: string;
  readonly fields: Readonly<Record<string, FieldValue | undefined>>;
}

export type AssessmentSections = Readonly<Partial<Record<SectionKey, SectionContent>>>;
