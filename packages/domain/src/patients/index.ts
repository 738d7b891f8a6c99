export * from './contact.js';
export * from './dates.js';
export * from './mrn.js';
export * from './names.js';
export * from './parse-input.js';
export * from './search-query.js';
