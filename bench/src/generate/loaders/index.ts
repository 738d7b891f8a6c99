import type { Loader } from '../loader.js';
import { auditLoader } from './audit.js';
import { consentsLoader, signaturesLoader } from './consents.js';
import { coverageLoader } from './coverage.js';
import { episodesLoader } from './episodes.js';
import { intakeLoader } from './intake.js';
import { measuresLoader } from './measures.js';
import { organizationsLoader } from './organizations.js';
import { patientsLoader } from './patients.js';
import { planSignaturesLoader, plansLoader } from './plans.js';
import { programsLoader } from './programs.js';
import { schedulingLoader } from './scheduling.js';
import { tasksLoader } from './tasks.js';
import { usersLoader } from './users.js';

/**
 * Every loader, in dependency order. Add a loader here when a module's migration lands; a loader
 * whose tables do not exist yet is skipped, so the list may run ahead of the schema. The audit
 * history comes last: it tells the story of the rows before it.
 */
export const LOADERS: Loader[] = [
  organizationsLoader,
  usersLoader,
  programsLoader,
  patientsLoader,
  episodesLoader,
  intakeLoader,
  coverageLoader,
  signaturesLoader,
  consentsLoader,
  schedulingLoader,
  measuresLoader,
  planSignaturesLoader,
  plansLoader,
  tasksLoader,
  auditLoader,
];
