export * from './coverage.js';
export * from './kinds.js';
export * from './templates.js';
export * from './validate.js';
