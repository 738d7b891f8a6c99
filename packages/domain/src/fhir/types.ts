/**
 * The small part of FHIR R4 (4.0.1) that Trellis writes, typed by hand so the domain package
 * needs no dependency. Field names and cardinalities follow https://hl7.org/fhir/R4/.
 */

export interface Extension {
  url: string;
  valueDecimal?: number;
}

export interface Coding {
  system: string;
  code: string;
  display?: string;
  extension?: Extension[];
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference: string;
  display?: string;
}

export interface Meta {
  security?: Coding[];
}

export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface QuestionnaireAnswerOption {
  valueCoding: Coding;
}

export interface QuestionnaireEnableWhen {
  question: string;
  operator: '=';
  answerCoding: Coding;
}

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: 'choice' | 'display';
  code?: Coding[];
  required?: boolean;
  enableWhen?: QuestionnaireEnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: QuestionnaireAnswerOption[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType: string[];
  publisher: string;
  description: string;
  copyright: string;
  code?: Coding[];
  item: QuestionnaireItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text: string;
  answer: { valueCoding: Coding }[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  meta?: Meta;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject: Reference;
  authored: string;
  item: QuestionnaireResponseItem[];
}

export interface Observation {
  resourceType: 'Observation';
  id: string;
  meta?: Meta;
  status: 'registered' | 'preliminary' | 'final' | 'amended';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueInteger?: number;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  interpretation: CodeableConcept[];
  note: { text: string }[];
  derivedFrom: Reference[];
}
