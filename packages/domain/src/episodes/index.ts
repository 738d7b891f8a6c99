export * from './admission.js';
export * from './diagnoses.js';
export * from './status.js';
