/** The patients module as other modules may use it. */
export { type CreatePatientInput, createPatient } from './create-patient.js';
export { auditDuplicateWarning, PossibleDuplicateError } from './duplicates.js';
export {
  assertPatientExists,
  getPatient,
  type PatientLabel,
  readPatient,
  readPatientLabels,
} from './get-patient.js';
export { searchPatients } from './search-patients.js';
export { type UpdatePatientInput, updatePatient } from './update-patient.js';
