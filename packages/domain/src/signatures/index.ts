export * from './canonical.js';
export * from './rules.js';
