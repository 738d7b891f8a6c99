// Scheduling rules: group series and their occurrences, exceptions and closures, curriculum
// rotation, conflicts, weekly intensity and slot finding. Pure: times and ids come in as arguments.
export {
  type Booking,
  type BookingRoom,
  bookingFromOccurrence,
  type Conflict,
  type ConflictContext,
  type ConflictKind,
  findAllConflicts,
  findConflicts,
  type Names,
} from './conflicts.js';
export {
  type CurriculumModule,
  type ModuleRef,
  moduleForSession,
  modulesMissing,
  nextStartModule,
} from './curriculum.js';
export {
  type Cancellation,
  CancelOccurrence,
  cancelOccurrence,
  LocationClosure,
  MoveOccurrence,
  moveOccurrence,
  SeriesException,
  SubstituteFacilitator,
  substituteFacilitator,
} from './exceptions.js';
export { type ExpansionBenchData, makeExpansionBenchData } from './expand.bench-data.js';
export {
  type DateRange,
  expandAllSeries,
  expandSeries,
  heldSessionsBefore,
  MAX_EXPANSION_DAYS,
  type Occurrence,
  type OccurrenceStatus,
} from './expand.js';
export {
  ADOLESCENT_IOP_INTENSITY,
  ADULT_IOP_INTENSITY,
  type AttendancePatternResult,
  checkAttendancePattern,
  type DayIntensity,
  type IntensityFlag,
  type IntensityProblem,
  type IntensityResult,
  IntensityRule,
  type PatternDay,
  type PlannedSession,
  weeklyIntensity,
} from './intensity.js';
export { seriesMeetsOn } from './pattern.js';
export {
  DEFAULT_MAX_DAILY_MINUTES,
  GROUP_KINDS,
  GroupKind,
  type GroupSeries,
  type GroupSeriesInput,
  GroupSeriesSchema,
  GroupVenue,
  type IsoWeekday,
  IsoWeekdaySchema,
  LocalDate,
  LocalTime,
  parseGroupSeries,
  type SeriesLimits,
  seriesProblems,
} from './series.js';
export {
  type BusyInterval,
  type ProposedSlot,
  proposeSlots,
  type SlotRequest,
  type TimeWindow,
  type WeeklyWindows,
} from './slots.js';
export { type SeriesChanges, type SeriesSplit, type SplitOptions, splitSeriesAt } from './split.js';
