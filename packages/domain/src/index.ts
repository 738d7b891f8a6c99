export * from './access/actions.js';
export * from './access/can.js';
export * from './access/roles.js';
export * as api from './api/index.js';
export * from './auth/lockout.js';
export * from './auth/session-expiry.js';
export * from './errors.js';
export * from './patients/index.js';
export * from './scheduling/index.js';
