export {
  ASAM_DIMENSIONS,
  ASAM_EDITIONS,
  ASAM_LEVELS,
  ASAM_RULE_SOURCE,
  type AsamDimension,
  type AsamEdition,
  type AsamRating,
  type LevelOfCareRecommendation,
  levelLabel,
  ratedDimensions,
  recommendLevelOfCare,
} from './asam.js';
export {
  type AssessmentContent,
  levelOfCareProblems,
  MIN_OVERRIDE_REASON,
  missingForSignature,
} from './rules.js';
export {
  ASSESSMENT_SECTIONS,
  type AssessmentSections,
  type FieldKind,
  type FieldValue,
  SECTION_KEYS,
  type SectionContent,
  type SectionDefinition,
  type SectionField,
  type SectionKey,
  sectionDefinition,
} from './sections.js';
