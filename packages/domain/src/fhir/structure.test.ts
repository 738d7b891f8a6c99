// A structural check of the FHIR R4 output for every instrument: the required elements, the
// resource types, coding systems that are URIs, unique linkIds, and responses whose linkIds and
// answers match their Questionnaire. Not a full profile validation (that needs the FHIR
// validator and the US Core package), but it catches what a mapper most often gets wrong.
import { describe, expect, it } from 'vitest';
import { listInstruments } from '../instruments/registry.js';
import { scoreInstrument } from '../instruments/score.js';
import { randomAnswers, seededRandom } from '../instruments/test-support.js';
import type { InstrumentDefinition } from '../instruments/types.js';
import { administrationToFhir } from './administration.js';
import { instrumentToQuestionnaire } from './questionnaire.js';
import { OBSERVATION_CATEGORY, ORDINAL_VALUE } from './systems.js';
import type { Coding, Observation, Questionnaire, QuestionnaireResponse } from './types.js';

const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function codingProblems(where: string, coding: Coding | undefined): string[] {
  if (!coding) return [`${where}: missing coding`];
  const problems: string[] = [];
  if (!URI.test(coding.system)) problems.push(`${where}: system ${coding.system} is not a URI`);
  if (!coding.code || /\s/.test(coding.code))
    problems.push(`${where}: code "${coding.code}" is empty or has spaces`);
  return problems;
}

function questionnaireProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  if (q.resourceType !== 'Questionnaire') problems.push('resourceType');
  if (!FHIR_ID.test(q.id)) problems.push(`id ${q.id}`);
  if (!URI.test(q.url)) problems.push(`url ${q.url}`);
  if (!q.version) problems.push('version');
  if (!/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(q.name)) problems.push(`name ${q.name} (que-0)`);
  if (!q.title) problems.push('title');
  if (q.status !== 'active') problems.push('status');
  for (const [i, c] of (q.code ?? []).entries()) problems.push(...codingProblems(`code[${i}]`, c));
  const seen = new Map<string, number>();
  for (const [index, item] of q.item.entries()) {
    const at = `item ${item.linkId}`;
    if (!item.linkId) problems.push(`item[${index}] without linkId`);
    if (seen.has(item.linkId)) problems.push(`${at}: duplicate linkId`);
    seen.set(item.linkId, index);
    if (!item.text) problems.push(`${at}: no text`);
    for (const [i, c] of (item.code ?? []).entries()) problems.push(...codingProblems(`${at} code[${i}]`, c));
    if (item.type === 'display') {
      if (item.answerOption || item.required !== undefined)
        problems.push(`${at}: display item with answers (que-5/que-6)`);
      continue;
    }
    if (item.type !== 'choice') problems.push(`${at}: type ${item.type}`);
    const options = item.answerOption ?? [];
    if (options.length < 2) problems.push(`${at}: fewer than two answerOptions`);
    const codes = options.map((o) => `${o.valueCoding.system}|${o.valueCoding.code}`);
    if (new Set(codes).size !== codes.length) problems.push(`${at}: duplicate answer codes`);
    for (const [i, o] of options.entries()) {
      problems.push(...codingProblems(`${at} answerOption[${i}]`, o.valueCoding));
      if (!o.valueCoding.display) problems.push(`${at} answerOption[${i}]: no display`);
      for (const ext of o.valueCoding.extension ?? []) {
        if (ext.url !== ORDINAL_VALUE || typeof ext.valueDecimal !== 'number') {
          problems.push(`${at} answerOption[${i}]: bad extension ${ext.url}`);
        }
      }
    }
    for (const when of item.enableWhen ?? []) {
      const parentIndex = seen.get(when.question);
      const parent = parentIndex === undefined ? undefined : q.item[parentIndex];
      if (!parent || parentIndex === index)
        problems.push(`${at}: enableWhen on unknown or later item ${when.question}`);
      const offered = parent?.answerOption?.some(
        (o) =>
          o.valueCoding.system === when.answerCoding.system && o.valueCoding.code === when.answerCoding.code,
      );
      if (!offered) problems.push(`${at}: enableWhen answer is not an option of ${when.question}`);
    }
  }
  return problems;
}

function responseProblems(q: Questionnaire, qr: QuestionnaireResponse): string[] {
  const problems: string[] = [];
  if (qr.resourceType !== 'QuestionnaireResponse') problems.push('resourceType');
  if (!FHIR_ID.test(qr.id)) problems.push(`id ${qr.id}`);
  if (qr.status !== 'completed') problems.push('status');
  if (qr.questionnaire !== `${q.url}|${q.version}`) problems.push(`questionnaire ${qr.questionnaire}`);
  if (!/^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(qr.subject.reference)) problems.push('subject');
  if (!DATE_TIME.test(qr.authored)) problems.push(`authored ${qr.authored}`);
  const order = q.item.map((i) => i.linkId);
  let last = -1;
  const answered = new Map<string, Coding>();
  for (const item of qr.item) {
    const index = order.indexOf(item.linkId);
    const qItem = q.item[index];
    if (!qItem || qItem.type === 'display') {
      problems.push(`answer to unknown or display item ${item.linkId}`);
      continue;
    }
    if (index <= last) problems.push(`${item.linkId}: out of order or repeated`);
    last = index;
    if (item.answer.length !== 1) problems.push(`${item.linkId}: ${item.answer.length} answers`);
    const coding = item.answer[0]?.valueCoding;
    const offered = qItem.answerOption?.find(
      (o) => o.valueCoding.system === coding?.system && o.valueCoding.code === coding?.code,
    );
    if (!offered || !coding) problems.push(`${item.linkId}: answer is not an answerOption`);
    else answered.set(item.linkId, coding);
  }
  for (const qItem of q.item) {
    if (qItem.type !== 'choice' || !qItem.required) continue;
    const enabled = (qItem.enableWhen ?? []).every(
      (w) => answered.get(w.question)?.code === w.answerCoding.code,
    );
    if (enabled && !answered.has(qItem.linkId))
      problems.push(`${qItem.linkId}: required and enabled, not answered`);
    if (!enabled && answered.has(qItem.linkId)) problems.push(`${qItem.linkId}: answered while disabled`);
  }
  return problems;
}

function observationProblems(obs: Observation, qr: QuestionnaireResponse): string[] {
  const problems: string[] = [];
  if (obs.resourceType !== 'Observation') problems.push('resourceType');
  if (!FHIR_ID.test(obs.id)) problems.push(`id ${obs.id}`);
  if (obs.status !== 'final') problems.push('status');
  const survey = obs.category.some((c) =>
    c.coding?.some((x) => x.system === OBSERVATION_CATEGORY && x.code === 'survey'),
  );
  if (!survey) problems.push('category survey');
  for (const [i, c] of (obs.code.coding ?? []).entries()) problems.push(...codingProblems(`code[${i}]`, c));
  if (!obs.code.coding?.length) problems.push('code');
  if (obs.subject.reference !== qr.subject.reference) problems.push('subject differs from the response');
  if (obs.effectiveDateTime !== qr.authored || !DATE_TIME.test(obs.effectiveDateTime))
    problems.push('effectiveDateTime');
  const values = [obs.valueInteger, obs.valueQuantity, obs.valueCodeableConcept].filter(
    (v) => v !== undefined,
  );
  if (values.length !== 1) problems.push(`${values.length} value[x]`);
  if (obs.valueQuantity && obs.valueQuantity.system !== 'http://unitsofmeasure.org')
    problems.push('valueQuantity system');
  for (const c of obs.valueCodeableConcept?.coding ?? [])
    problems.push(...codingProblems('valueCodeableConcept', c));
  for (const i of obs.interpretation)
    for (const c of i.coding ?? []) problems.push(...codingProblems('interpretation', c));
  if (!obs.interpretation.length || !obs.note.length) problems.push('interpretation / note');
  if (obs.derivedFrom[0]?.reference !== `QuestionnaireResponse/${qr.id}`) problems.push('derivedFrom');
  return problems;
}

const authoredAt = new Date('2026-03-02T14:30:00Z');

describe.each(listInstruments().map((d) => [d.code, d] as const))('FHIR structure for %s', (code, def) => {
  const q = instrumentToQuestionnaire(def);

  it('is a well-formed Questionnaire whose linkIds are the item ids', () => {
    expect(questionnaireProblems(q)).toEqual([]);
    expect(q.item.filter((i) => i.type === 'choice').map((i) => i.linkId)).toEqual(
      def.items.map((i) => i.id),
    );
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });

  it('maps 25 random administrations to a matching response and observation', () => {
    const random = seededRandom(code.length * 104729);
    let mapped = 0;
    for (let n = 0; n < 25; n++) {
      const answers = sample(def, random);
      const score = scoreInstrument(code, answers);
      const { questionnaireResponse: qr, observation } = administrationToFhir({
        instrument: def,
        answers,
        score,
        patientRef: 'Patient/0b9e0f3c-3f5e-4a55-9d2e-6d1c0f1e2a3b',
        authoredAt,
        id: `qr-${n}`,
      });
      expect(responseProblems(q, qr)).toEqual([]);
      expect(observationProblems(observation, qr)).toEqual([]);
      expect(JSON.parse(JSON.stringify({ qr, observation }))).toEqual({ qr, observation });
      mapped++;
    }
    expect(mapped).toBe(25);
  });
});

/** Random valid answers; for the MDQ, Parts 2 and 3 are filled so every sample can be scored. */
function sample(def: InstrumentDefinition, random: () => number): Record<string, number> {
  const answers = randomAnswers(def, random);
  return def.code === 'mdq' ? { mdq_part2: 1, mdq_part3: 2, ...answers } : answers;
}

describe('the structural check itself', () => {
  const def = listInstruments().find((d) => d.code === 'cssrs-screener')!;
  const q = instrumentToQuestionnaire(def);
  const answers = { cssrs_1: 1, cssrs_2: 1, cssrs_3: 0, cssrs_4: 0, cssrs_5: 0, cssrs_6: 0 };
  const { questionnaireResponse: qr, observation } = administrationToFhir({
    instrument: def,
    answers,
    score: scoreInstrument('cssrs-screener', answers),
    patientRef: 'Patient/p1',
    authoredAt,
    id: 'qr-1',
  });
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

  it('finds a duplicate linkId, a code system that is not a URI and a dangling enableWhen', () => {
    const broken = clone(q);
    broken.item[3]!.answerOption![0]!.valueCoding.system = 'trellis answers'; // cssrs_3
    broken.item[4]!.enableWhen![0]!.question = 'cssrs_9'; // cssrs_4
    broken.item[5]!.linkId = 'cssrs_4'; // cssrs_5
    expect(questionnaireProblems(broken)).toEqual([
      'item cssrs_3 answerOption[0]: system trellis answers is not a URI',
      'item cssrs_4: enableWhen on unknown or later item cssrs_9',
      'item cssrs_4: enableWhen answer is not an option of cssrs_9',
      'item cssrs_4: duplicate linkId',
    ]);
  });

  it('finds an answer that is not an option, a skipped required item and an answer to a disabled one', () => {
    const broken = clone(qr);
    broken.item[2]!.answer[0]!.valueCoding.code = 'maybe'; // cssrs_3
    broken.item.splice(3, 1); // cssrs_4, enabled by cssrs_2 = yes
    broken.item.push({ linkId: 'cssrs_6_recent', text: 'x', answer: [clone(qr.item[0]!.answer[0]!)] });
    expect(responseProblems(q, broken)).toEqual([
      'cssrs_3: answer is not an answerOption',
      'cssrs_3: required and enabled, not answered',
      'cssrs_4: required and enabled, not answered',
      'cssrs_6_recent: answered while disabled',
    ]);
  });

  it('finds an observation that is not derived from its response or has two values', () => {
    const broken = {
      ...clone(observation),
      valueInteger: 3,
      derivedFrom: [{ reference: 'QuestionnaireResponse/other' }],
    };
    expect(observationProblems(broken, qr)).toEqual(['2 value[x]', 'derivedFrom']);
  });
});
