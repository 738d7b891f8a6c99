export { type RiskAlertReason, riskAlertReasons, riskAlertTitle } from './alerts.js';
export { calendarDaysBetween, zonedDate } from './calendar.js';
export {
  changeBetween,
  changeNotApplicable,
  isNewDeterioration,
  type OutcomeClassification,
  type OutcomePoint,
  type OutcomeSeries,
  outcomeSeries,
  type PatientOutcomeInput,
  type PatientOutcomeSummary,
  summarizeOutcomes,
  type TrackOutcomeSummary,
} from './outcomes.js';
export {
  ADMISSION_LOOKBACK_DAYS,
  checkSchedule,
  DEFAULT_GRACE_DAYS,
  DISCHARGE_FOLLOW_UP_DAYS,
  DISCHARGE_WINDOW_DAYS,
  type DueInput,
  type DueMeasure,
  type DueStatus,
  dueMeasures,
  type EpisodeForSchedule,
  type MeasureScheduleRule,
  SCHEDULE_TIMINGS,
  type ScheduleTiming,
  suggestedSchedule,
} from './schedule.js';
export { administrationSettings, checkInstrumentSettings, type PersonForScoring } from './settings.js';
