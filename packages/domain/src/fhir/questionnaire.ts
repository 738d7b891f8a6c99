import { pointsOf } from '../instruments/points.js';
import type { AnswerOption, InstrumentDefinition, InstrumentItem } from '../instruments/types.js';
import { LOINC, ORDINAL_VALUE, TRELLIS_ANSWER, TRELLIS_QUESTIONNAIRE_BASE } from './systems.js';
import type { Coding, Questionnaire, QuestionnaireItem } from './types.js';

/** The linkId of the leading display item that carries the instructions. */
export const INSTRUCTIONS_LINK_ID = 'instructions';

export function questionnaireUrl(def: InstrumentDefinition): string {
  return `${TRELLIS_QUESTIONNAIRE_BASE}/${def.code}`;
}

/** The versioned canonical a QuestionnaireResponse points to. */
export function questionnaireCanonical(def: InstrumentDefinition): string {
  return `${questionnaireUrl(def)}|${def.version}`;
}

function slug(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The coding of one answer: its LOINC answer code where there is one, else a Trellis code. */
export function answerCoding(option: AnswerOption): Coding {
  return option.loinc
    ? { system: LOINC, code: option.loinc, display: option.label }
    : { system: TRELLIS_ANSWER, code: slug(option.label), display: option.label };
}

function choiceItem(def: InstrumentDefinition, item: InstrumentItem): QuestionnaireItem {
  const parent = item.askedWhen && def.items.find((i) => i.id === item.askedWhen?.itemId);
  const trigger = parent?.options.find((o) => o.value === item.askedWhen?.value);
  return {
    linkId: item.id,
    text: item.text,
    type: 'choice',
    ...(item.loinc ? { code: [{ system: LOINC, code: item.loinc }] } : {}),
    required: item.required,
    ...(parent && trigger
      ? { enableWhen: [{ question: parent.id, operator: '=' as const, answerCoding: answerCoding(trigger) }] }
      : {}),
    answerOption: item.options.map((option) => ({
      valueCoding: item.scored
        ? // The points the answer adds to the total (so a form filler can sum them, SDC-style).
          {
            ...answerCoding(option),
            extension: [{ url: ORDINAL_VALUE, valueDecimal: pointsOf(item, option.value) }],
          }
        : answerCoding(option),
    })),
  };
}

/**
 * A FHIR R4 Questionnaire for an instrument definition. For instruments whose wording is licensed
 * (`licensedTextRequired`), the item text is Trellis's own label and `copyright` says so.
 */
export function instrumentToQuestionnaire(def: InstrumentDefinition): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: def.code,
    url: questionnaireUrl(def),
    version: def.version,
    name: def.shortTitle.replace(/[^A-Za-z0-9]/g, ''),
    title: def.title,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'Trellis',
    description: `${def.title} (${def.shortTitle}). Recall period: ${def.recallPeriod}.`,
    copyright: def.licensedTextRequired
      ? `${def.copyright} The item text here is a Trellis label, not the instrument's wording.`
      : def.copyright,
    ...(def.loinc?.panel ? { code: [{ system: LOINC, code: def.loinc.panel }] } : {}),
    item: [
      { linkId: INSTRUCTIONS_LINK_ID, text: def.instructions, type: 'display' },
      ...def.items.map((item) => choiceItem(def, item)),
    ],
  };
}
