import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as extensions from './0002-extensions.js';
import * as workQueueSignaturesLinks from './0003-work-queue-signatures-links.js';
import * as programs from './0004-programs.js';
import * as patients from './0005-patients.js';
import * as episodes from './0006-episodes.js';
import * as intake from './0007-intake.js';
import * as coverage from './0008-coverage.js';
import * as consents from './0009-consents.js';
import * as scheduling from './0010-scheduling.js';
import * as notificationsJobs from './0011-notifications-jobs.js';
import * as measures from './0012-measures.js';
import * as assessments from './0013-assessments.js';
import * as plans from './0014-plans.js';
import * as performanceIndexes from './0015-performance-indexes.js';
import * as totpReplay from './0016-totp-replay.js';

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-extensions': extensions,
  '0003-work-queue-signatures-links': workQueueSignaturesLinks,
  '0004-programs': programs,
  '0005-patients': patients,
  '0006-episodes': episodes,
  '0007-intake': intake,
  '0008-coverage': coverage,
  '0009-consents': consents,
  '0010-scheduling': scheduling,
  '0011-notifications-jobs': notificationsJobs,
  '0012-measures': measures,
  '0013-assessments': assessments,
  '0014-plans': plans,
  '0015-performance-indexes': performanceIndexes,
  '0016-totp-replay': totpReplay,
};
