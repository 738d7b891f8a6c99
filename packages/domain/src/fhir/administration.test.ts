import { describe, expect, it } from 'vitest';
import { getInstrument } from '../instruments/registry.js';
import { scoreInstrument } from '../instruments/score.js';
import { expectInvalid, lowestAnswers } from '../instruments/test-support.js';
import { administrationToFhir } from './administration.js';
import { instrumentToQuestionnaire } from './questionnaire.js';
import { LOINC, ORDINAL_VALUE, TRELLIS_ANSWER, TRELLIS_BAND, TRELLIS_INSTRUMENT_SCORE } from './systems.js';

const authoredAt = new Date('2026-03-02T14:30:00Z');
const patientRef = 'Patient/5f1c2d3e-0000-4000-8000-000000000001';
const id = '0192d6a4-7b3c-7def-8a12-3456789abcde';

const phq9Answers = {
  phq9_1: 2,
  phq9_2: 2,
  phq9_3: 3,
  phq9_4: 2,
  phq9_5: 1,
  phq9_6: 1,
  phq9_7: 2,
  phq9_8: 0,
  phq9_9: 0,
  phq9_difficulty: 1,
};

const ordinals = (code: string, linkId: string) =>
  instrumentToQuestionnaire(getInstrument(code))
    .item.find((i) => i.linkId === linkId)
    ?.answerOption?.map((o) => o.valueCoding.extension?.find((e) => e.url === ORDINAL_VALUE)?.valueDecimal);

describe('instrumentToQuestionnaire', () => {
  it('maps the PHQ-9 with its LOINC panel, item and answer codes', () => {
    const q = instrumentToQuestionnaire(getInstrument('phq9'));
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'phq9',
      url: 'https://trellis.health/fhir/Questionnaire/phq9',
      version: '1.0.0',
      name: 'PHQ9',
      title: 'Patient Health Questionnaire-9',
      status: 'active',
      code: [{ system: LOINC, code: '44249-1' }],
    });
    expect(q.item[0]).toEqual({
      linkId: 'instructions',
      type: 'display',
      text: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    });
    const item9 = q.item.find((i) => i.linkId === 'phq9_9');
    expect(item9).toMatchObject({
      type: 'choice',
      required: true,
      code: [{ system: LOINC, code: '44260-8' }],
    });
    expect(item9?.answerOption?.[0]).toEqual({
      valueCoding: {
        system: LOINC,
        code: 'LA6568-5',
        display: 'Not at all',
        extension: [{ url: ORDINAL_VALUE, valueDecimal: 0 }],
      },
    });
    expect(ordinals('phq9', 'phq9_9')).toEqual([0, 1, 2, 3]);
  });

  it('gives unscored items no ordinal value and marks optional ones not required', () => {
    const q = instrumentToQuestionnaire(getInstrument('phq9'));
    const difficulty = q.item.find((i) => i.linkId === 'phq9_difficulty');
    expect(difficulty?.required).toBe(false);
    expect(ordinals('phq9', 'phq9_difficulty')).toEqual([undefined, undefined, undefined, undefined]);
    expect(difficulty?.answerOption?.[1]?.valueCoding).toEqual({
      system: TRELLIS_ANSWER,
      code: 'somewhat-difficult',
      display: 'Somewhat difficult',
    });
  });

  it('carries reverse and special scoring as ordinal values', () => {
    expect(ordinals('dast10', 'dast10_3')).toEqual([0, 1]); // yes, no
    expect(ordinals('dast10', 'dast10_4')).toEqual([1, 0]);
    expect(ordinals('audit', 'audit_9')).toEqual([0, 2, 4]);
  });

  it('expresses the C-SSRS branching as enableWhen', () => {
    const q = instrumentToQuestionnaire(getInstrument('cssrs-screener'));
    const yes = { system: TRELLIS_ANSWER, code: 'yes', display: 'Yes' };
    for (const linkId of ['cssrs_3', 'cssrs_4', 'cssrs_5']) {
      expect(q.item.find((i) => i.linkId === linkId)?.enableWhen).toEqual([
        { question: 'cssrs_2', operator: '=', answerCoding: yes },
      ]);
    }
    expect(q.item.find((i) => i.linkId === 'cssrs_6_recent')?.enableWhen).toEqual([
      { question: 'cssrs_6', operator: '=', answerCoding: yes },
    ]);
    expect(q.item.find((i) => i.linkId === 'cssrs_6')?.enableWhen).toBeUndefined();
  });

  it('says in the copyright when the item text is a Trellis label', () => {
    expect(instrumentToQuestionnaire(getInstrument('mdq')).copyright).toContain('Trellis label');
    expect(instrumentToQuestionnaire(getInstrument('gad7')).copyright).not.toContain('Trellis label');
    expect(instrumentToQuestionnaire(getInstrument('cssrs-screener')).name).toBe('CSSRSScreener');
  });
});

describe('administrationToFhir', () => {
  const score = scoreInstrument('phq9', phq9Answers);
  const { questionnaireResponse: qr, observation } = administrationToFhir({
    instrument: getInstrument('phq9'),
    answers: phq9Answers,
    score,
    patientRef,
    authoredAt,
    id,
  });

  it('writes a completed QuestionnaireResponse with every answer in form order', () => {
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id,
      questionnaire: 'https://trellis.health/fhir/Questionnaire/phq9|1.0.0',
      status: 'completed',
      subject: { reference: patientRef },
      authored: '2026-03-02T14:30:00.000Z',
    });
    expect(qr.meta).toBeUndefined();
    expect(qr.item.map((i) => i.linkId)).toEqual(Object.keys(phq9Answers));
    expect(qr.item[2]).toEqual({
      linkId: 'phq9_3',
      text: 'Trouble falling or staying asleep, or sleeping too much',
      answer: [{ valueCoding: { system: LOINC, code: 'LA6571-9', display: 'Nearly every day' } }],
    });
  });

  it('writes a final survey Observation of the LOINC total, its band, derived from the response', () => {
    expect(observation).toEqual({
      resourceType: 'Observation',
      id: `${id}-score`,
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'survey',
              display: 'Survey',
            },
          ],
        },
      ],
      code: { coding: [{ system: LOINC, code: '44261-6' }], text: 'PHQ-9 total score' },
      subject: { reference: patientRef },
      effectiveDateTime: '2026-03-02T14:30:00.000Z',
      valueInteger: 13,
      interpretation: [
        { coding: [{ system: TRELLIS_BAND, code: 'phq9.moderate', display: 'Moderate' }], text: 'Moderate' },
      ],
      note: [{ text: 'PHQ-9 1.0.0 total 13: Moderate.' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${id}` }],
    });
  });

  it('uses the Trellis score code where there is no LOINC total, and notes the settings used', () => {
    const answers = lowestAnswers('pcl5', { pcl5_1: 4 });
    const { observation: obs } = administrationToFhir({
      instrument: getInstrument('pcl5'),
      answers,
      score: scoreInstrument('pcl5', answers, { cutoff: 31 }),
      patientRef,
      authoredAt,
      id,
    });
    expect(obs.code).toEqual({
      coding: [{ system: TRELLIS_INSTRUMENT_SCORE, code: 'pcl5', display: 'PCL-5 total score' }],
      text: 'PCL-5 total score',
    });
    expect(obs.note[0]?.text).toBe(
      'PCL-5 1.0.0 total 4: Below the provisional PTSD cut-point. Scored with cutoff 31.',
    );
  });

  it('writes the C-SSRS risk level as a coded value, with no number', () => {
    const answers = { cssrs_1: 1, cssrs_2: 0, cssrs_6: 1, cssrs_6_recent: 1 };
    const { observation: obs, questionnaireResponse } = administrationToFhir({
      instrument: getInstrument('cssrs-screener'),
      answers,
      score: scoreInstrument('cssrs-screener', answers),
      patientRef,
      authoredAt,
      id,
    });
    expect(obs.valueInteger).toBeUndefined();
    expect(obs.valueCodeableConcept).toEqual({
      coding: [{ system: TRELLIS_BAND, code: 'cssrs-screener.high', display: 'High risk' }],
      text: 'High risk',
    });
    expect(obs.code.text).toBe('C-SSRS Screener risk level');
    expect(questionnaireResponse.item.map((i) => i.linkId)).toEqual([
      'cssrs_1',
      'cssrs_2',
      'cssrs_6',
      'cssrs_6_recent',
    ]);
  });

  it('can write the total as a UCUM {score} quantity', () => {
    const { observation: obs } = administrationToFhir({
      instrument: getInstrument('phq9'),
      answers: phq9Answers,
      score,
      patientRef,
      authoredAt,
      id,
      valueAs: 'quantity',
    });
    expect(obs.valueInteger).toBeUndefined();
    expect(obs.valueQuantity).toEqual({
      value: 13,
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
  });

  it('labels both resources 42 CFR Part 2 restricted when asked', () => {
    const answers = lowestAnswers('dast10');
    const both = administrationToFhir({
      instrument: getInstrument('dast10'),
      answers,
      score: scoreInstrument('dast10', answers),
      patientRef,
      authoredAt,
      id,
      part2: true,
    });
    const security = [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
    ];
    expect(both.questionnaireResponse.meta?.security).toEqual(security);
    expect(both.observation.meta?.security).toEqual(security);
    expect(both.observation.code.coding?.[0]).toEqual({ system: LOINC, code: '82667-7' });
  });

  it("uses the organization's licensed wording when it passes its own copy of a definition", () => {
    const def = getInstrument('mdq');
    const licensed = { ...def, items: def.items.map((i) => ({ ...i, text: `Licensed ${i.id}` })) };
    const answers = lowestAnswers('mdq');
    const { questionnaireResponse } = administrationToFhir({
      instrument: licensed,
      answers,
      score: scoreInstrument('mdq', answers),
      patientRef,
      authoredAt,
      id,
    });
    expect(questionnaireResponse.item[0]?.text).toBe('Licensed mdq_1');
  });

  it('refuses a bad id, patient reference or time, naming the field', () => {
    const base = {
      instrument: getInstrument('phq9'),
      answers: phq9Answers,
      score,
      patientRef,
      authoredAt,
      id,
    };
    expectInvalid(() => administrationToFhir({ ...base, id: 'has space' }), 'id');
    expectInvalid(() => administrationToFhir({ ...base, id: 'x'.repeat(59) }), 'id');
    expectInvalid(() => administrationToFhir({ ...base, patientRef: 'Practitioner/1' }), 'patientRef');
    expectInvalid(() => administrationToFhir({ ...base, authoredAt: new Date('nope') }), 'authoredAt');
  });

  it('refuses a score of another instrument or one that does not match the answers', () => {
    const base = {
      instrument: getInstrument('phq9'),
      answers: phq9Answers,
      score,
      patientRef,
      authoredAt,
      id,
    };
    const gad = scoreInstrument('gad7', lowestAnswers('gad7'));
    expectInvalid(() => administrationToFhir({ ...base, score: gad }), 'score');
    expectInvalid(() => administrationToFhir({ ...base, score: { ...score, total: 14 } }), 'score');
  });

  it('refuses answers the instrument would not score, naming the item', () => {
    const base = { instrument: getInstrument('phq9'), score, patientRef, authoredAt, id };
    expectInvalid(
      () => administrationToFhir({ ...base, answers: { ...phq9Answers, phq9_9: 5 } }),
      'answers.phq9_9',
    );
  });
});
