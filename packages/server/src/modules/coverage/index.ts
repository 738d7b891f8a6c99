/** The coverage module as other modules may use it. */
export {
  getBenefitCheck,
  listBenefitChecks,
  recordBenefitCheck,
  updateBenefitCheck,
} from './benefit-checks.js';
export { type CreateCoverageOptions, createCoverage, requestBenefitVerification } from './create-coverage.js';
export { getCoverage, hasInquiryBenefitCheck, listPatientCoverages, readCoverages } from './get-coverages.js';
export { cancelInquiryVerifications, moveInquiryCoveragesToPatient } from './move-coverages.js';
export type { CoverageOwner } from './repo.js';
export { updateCoverage } from './update-coverage.js';
