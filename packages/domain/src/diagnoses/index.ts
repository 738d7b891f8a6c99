export * from './codes.js';
export * from './search.js';
