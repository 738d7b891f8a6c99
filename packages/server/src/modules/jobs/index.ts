/** The jobs module as other modules may use it. */
export {
  type JobHandler,
  JobRunner,
  REMINDER_SCAN,
  type RunnerOptions,
  type RunReport,
  startJobRunner,
} from './job-runner.js';
export { listJobs } from './repo.js';
