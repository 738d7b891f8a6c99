/** The scheduling module as other modules may use it. */
export { bookAppointment } from './book-appointment.js';
export { addClosure } from './closures.js';
export { createSeries } from './create-series.js';
export { endScheduleAtEpisodeEnd } from './end-participant-schedule.js';
export { endEnrollment, enrollParticipant } from './enroll-participant.js';
export { setWorkingHours } from './find-slots.js';
export { type ParticipantSession, participantSessions } from './participant-sessions.js';
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
