export {
  type AdministrationInput,
  type AdministrationResources,
  administrationToFhir,
} from './administration.js';
export {
  answerCoding,
  INSTRUCTIONS_LINK_ID,
  instrumentToQuestionnaire,
  questionnaireCanonical,
  questionnaireUrl,
} from './questionnaire.js';
export * as fhirSystems from './systems.js';
export type * as Fhir from './types.js';
