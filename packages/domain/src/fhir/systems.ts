/** Code systems and canonical URLs used in Trellis FHIR output. */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V3_CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

const TRELLIS = 'https://trellis.health/fhir';
export const TRELLIS_QUESTIONNAIRE_BASE = `${TRELLIS}/Questionnaire`;
/** Instrument totals without a LOINC code; the code is the instrument code, e.g. `pcl5`. */
export const TRELLIS_INSTRUMENT_SCORE = `${TRELLIS}/CodeSystem/instrument-score`;
/** Answers without a LOINC answer code; the code is a slug of the answer label, e.g. `yes`. */
export const TRELLIS_ANSWER = `${TRELLIS}/CodeSystem/instrument-answer`;
/** Bands and risk levels; the code is `<instrument>.<band>`, e.g. `phq9.moderate`. */
export const TRELLIS_BAND = `${TRELLIS}/CodeSystem/instrument-band`;
