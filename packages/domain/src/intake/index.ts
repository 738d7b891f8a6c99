export * from './public-form.js';
export * from './screening.js';
export * from './stages.js';
export * from './transition.js';
