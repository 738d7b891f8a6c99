/** The scheduling module as other modules may use it. */
export { endEnrollment } from './enroll-participant.js';
export { participantWeekIntensity } from './plan-intensity.js';
export {
  findOccurrence,
  type OccurrenceRecord,
  parseOccurrenceKey,
  recordOccurrence,
} from './record-occurrence.js';
export {
  DEFAULT_REMINDER_LEAD_MINUTES,
  type ReminderOptions,
  scheduleSessionReminders,
} from './scan-reminders.js';
export type { RosteredOccurrence } from './schedule-data.js';
