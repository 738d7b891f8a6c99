/** The audit module as other modules may use it. */
export { type AuditEntry, recordAuditEvent } from './record-audit-event.js';
export { searchAuditLog } from './search-audit-log.js';
export { type ChainVerification, verifyAuditChain } from './verify-audit-chain.js';
