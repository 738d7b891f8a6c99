import { auditLatest, auditPatient, httpFloor, staffList } from './foundation.js';
import { measuresDue, patientMeasures, recordPhq9, trackOutcomes } from './measures.js';
import {
  clinicianTasks,
  patientChart,
  patientEpisodes,
  patientSearch,
  registerPatient,
  trackList,
} from './patients.js';
import { patientPlan, plansDue } from './plans.js';
import { clinicianDay, intakeBoard, trackWeek } from './scheduling.js';
import type { Scenario } from './types.js';

/**
 * The HTTP floor first; then one scenario per screen or action of the daily work, reads before
 * writes (writes add rows the reads would then see). Add a scenario with each new feature.
 */
export const SCENARIOS: Scenario[] = [
  httpFloor,
  clinicianTasks,
  clinicianDay,
  measuresDue,
  trackOutcomes,
  plansDue,
  patientChart,
  patientPlan,
  patientSearch,
  patientEpisodes,
  patientMeasures,
  trackList,
  trackWeek,
  intakeBoard,
  staffList,
  auditLatest,
  auditPatient,
  recordPhq9,
  registerPatient,
];
