export * from './benefit-check.js';
export * from './coverage.js';
export * from './service-types.js';
