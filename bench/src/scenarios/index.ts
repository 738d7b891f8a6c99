import { auditLatest, auditPatient, httpFloor, staffList } from './foundation.js';
import type { Scenario } from './types.js';

/** The HTTP floor first; then one scenario per screen or action of the daily work. */
export const SCENARIOS: Scenario[] = [httpFloor, staffList, auditLatest, auditPatient];
