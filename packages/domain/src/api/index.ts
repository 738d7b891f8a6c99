export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './organization.js';
export * from './patients.js';
export * from './users.js';
