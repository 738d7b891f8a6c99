import { DomainError } from '../errors.js';
import { sumPoints } from '../instruments/points.js';
import type { InstrumentDefinition, ScoreResult } from '../instruments/types.js';
import { checkAnswers } from '../instruments/validate-answers.js';
import { answerCoding, questionnaireCanonical } from './questionnaire.js';
import {
  LOINC,
  OBSERVATION_CATEGORY,
  TRELLIS_BAND,
  TRELLIS_INSTRUMENT_SCORE,
  UCUM,
  V3_ACT_CODE,
  V3_CONFIDENTIALITY,
} from './systems.js';
import type { CodeableConcept, Coding, Meta, Observation, QuestionnaireResponse } from './types.js';

export interface AdministrationInput {
  /** The definition the answers were given on (an organization's licensed-wording copy is fine). */
  readonly instrument: InstrumentDefinition;
  readonly answers: unknown;
  readonly score: ScoreResult;
  /** "Patient/<id>". */
  readonly patientRef: string;
  readonly authoredAt: Date;
  /** Id of the QuestionnaireResponse; the Observation is `<id>-score`. */
  readonly id: string;
  /**
   * How the total is written: `valueInteger` (default), or `valueQuantity` in UCUM `{score}`
   * as the US Core screening examples and DOMAIN.md 1.5 do.
   */
  readonly valueAs?: 'integer' | 'quantity';
  /** Label both resources as 42 CFR Part 2 restricted (SUD program records, DOMAIN.md 5.1). */
  readonly part2?: boolean;
}

export interface AdministrationResources {
  readonly questionnaireResponse: QuestionnaireResponse;
  readonly observation: Observation;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,58}$/; // 64 less the "-score" suffix
const PATIENT_REF = /^Patient\/[A-Za-z0-9\-.]{1,64}$/;
const SURVEY: CodeableConcept = {
  coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }],
};
const PART2_META: Meta = {
  security: [
    { system: V3_ACT_CODE, code: '42CFRPart2' },
    { system: V3_CONFIDENTIALITY, code: 'R' },
  ],
};

function check(input: AdministrationInput) {
  const { instrument: def, score } = input;
  if (!FHIR_ID.test(input.id)) {
    throw DomainError.invalid('id', 'Use an id of up to 58 letters, digits, "-" or "." (a UUID fits).');
  }
  if (!PATIENT_REF.test(input.patientRef)) {
    throw DomainError.invalid('patientRef', 'Use a patient reference of the form "Patient/<id>".');
  }
  if (Number.isNaN(input.authoredAt.getTime())) {
    throw DomainError.invalid('authoredAt', 'Give the time the answers were completed.');
  }
  if (score.instrumentCode !== def.code || score.version !== def.version) {
    throw DomainError.invalid(
      'score',
      `The score is for ${score.instrumentCode} ${score.version}, not ${def.code} ${def.version}; score these answers again.`,
    );
  }
  const answers = checkAnswers(def, input.answers);
  const total = def.totalRange ? sumPoints(def, answers) : null;
  if (total !== score.total) {
    throw DomainError.invalid('score', 'The score does not match the answers; score these answers again.');
  }
  return answers;
}

function scoreCode(def: InstrumentDefinition): CodeableConcept {
  const text = def.totalRange ? `${def.shortTitle} total score` : `${def.shortTitle} risk level`;
  const coding: Coding = def.loinc?.total
    ? { system: LOINC, code: def.loinc.total }
    : { system: TRELLIS_INSTRUMENT_SCORE, code: def.code, display: text };
  return { coding: [coding], text };
}

function settingsNote(score: ScoreResult): string {
  const used = Object.entries(score.settingsUsed).map(
    ([key, s]) =>
      `${key} ${typeof s.value === 'object' ? JSON.stringify(s.value) : s.value}${s.isDefault ? ' (default)' : ''}`,
  );
  return used.length > 0 ? ` Scored with ${used.join(', ')}.` : '';
}

/**
 * One completed administration as FHIR R4: the QuestionnaireResponse with the answers, and an
 * Observation (category survey) with the total and its band, derived from that response.
 */
export function administrationToFhir(input: AdministrationInput): AdministrationResources {
  const answers = check(input);
  const { instrument: def, score } = input;
  const authored = input.authoredAt.toISOString();
  const subject = { reference: input.patientRef };
  const meta = input.part2 ? { meta: PART2_META } : {};

  const questionnaireResponse: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: input.id,
    ...meta,
    questionnaire: questionnaireCanonical(def),
    status: 'completed',
    subject,
    authored,
    item: def.items.flatMap((item) => {
      const option = item.options.find((o) => o.value === answers[item.id]);
      return option
        ? [{ linkId: item.id, text: item.text, answer: [{ valueCoding: answerCoding(option) }] }]
        : [];
    }),
  };

  const band: CodeableConcept = {
    coding: [{ system: TRELLIS_BAND, code: `${def.code}.${score.band.code}`, display: score.band.label }],
    text: score.band.label,
  };
  const value =
    score.total === null
      ? { valueCodeableConcept: band }
      : input.valueAs === 'quantity'
        ? { valueQuantity: { value: score.total, unit: '{score}', system: UCUM, code: '{score}' } }
        : { valueInteger: score.total };

  const observation: Observation = {
    resourceType: 'Observation',
    id: `${input.id}-score`,
    ...meta,
    status: 'final',
    category: [SURVEY],
    code: scoreCode(def),
    subject,
    effectiveDateTime: authored,
    ...value,
    interpretation: [band],
    note: [
      {
        text: `${def.shortTitle} ${def.version}${score.total === null ? '' : ` total ${score.total}`}: ${score.band.label}.${settingsNote(score)}`,
      },
    ],
    derivedFrom: [{ reference: `QuestionnaireResponse/${input.id}` }],
  };

  return { questionnaireResponse, observation };
}
