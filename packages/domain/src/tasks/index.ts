export * from './kinds.js';
export * from './rules.js';
