/** The assessments module as other modules may use it. */
export { getAssessment, listAssessments } from './get-assessments.js';
