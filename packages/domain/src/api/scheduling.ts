import { z } from 'zod';
import {
  GroupVenue,
  IsoWeekdaySchema,
  LocalDate,
  LocalTime,
  GroupKind as SeriesKind,
} from '../scheduling/series.js';
import { Id, Instant } from './common.js';

/**
 * The wire contract of scheduling: group series and their occurrences, closures, enrollments
 * with attendance patterns, appointments, working hours, slots, intensity, the calendar and its
 * feeds. Local times travel as 'YYYY-MM-DD' and 'HH:MM' in the location's zone; instants in UTC.
 */

export const GroupKind = SeriesKind;
export const Venue = GroupVenue;
export type Venue = z.infer<typeof Venue>;
export const Weekdays = z
  .array(IsoWeekdaySchema)
  .min(1, { error: 'Choose at least one weekday.' })
  .max(7)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b) as (1 | 2 | 3 | 4 | 5 | 6 | 7)[]);

const title = z.string().trim().min(1, { error: 'Enter the group title.' }).max(120);
const reason = z.string().trim().min(1, { error: 'Say why.' }).max(500);

// ---- Group series ----

export const CreateSeriesRequest = z.strictObject({
  trackId: Id,
  title,
  kind: GroupKind,
  weekdays: Weekdays,
  startTime: LocalTime,
  durationMinutes: z.number().int({ error: 'Use whole minutes.' }),
  startDate: LocalDate,
  endDate: LocalDate.nullable().optional(),
  venue: Venue,
  facilitatorIds: z.array(Id).min(1, { error: 'Choose at least one facilitator.' }).max(10),
  capacity: z.number().int(),
  curriculum: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});

/** What "this and all following sessions" (or the whole series, before it starts) may change. */
export const SeriesChanges = z.strictObject({
  title: title.optional(),
  weekdays: Weekdays.optional(),
  startTime: LocalTime.optional(),
  durationMinutes: z.number().int().optional(),
  endDate: LocalDate.nullable().optional(),
  venue: Venue.optional(),
  facilitatorIds: z.array(Id).min(1).max(10).optional(),
  capacity: z.number().int().optional(),
  curriculum: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});

export const OccurrenceChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cancel'), reason }),
  z.strictObject({
    kind: z.literal('move'),
    /** Absent: the same day. */
    toDate: LocalDate.optional(),
    toStartTime: LocalTime,
    venue: Venue.optional(),
    reason: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ kind: z.literal('substitute'), absentFacilitatorId: Id, substituteFacilitatorId: Id }),
]);

/** Every change to a series says its scope: one occurrence, this and the following ones, or all. */
export const ChangeSeriesRequest = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('occurrence'), date: LocalDate, change: OccurrenceChange }),
  z.strictObject({ scope: z.literal('following'), from: LocalDate, changes: SeriesChanges }),
  z.strictObject({ scope: z.literal('series'), changes: SeriesChanges }),
]);

export const Series = z.object({
  id: Id,
  trackId: Id,
  locationId: Id,
  timeZone: z.string(),
  title: z.string(),
  kind: GroupKind,
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  venue: Venue,
  facilitatorIds: z.array(Id),
  capacity: z.number().int(),
  curriculum: z.array(z.string()),
  curriculumStartModule: z.number().int(),
  /** The series this one continues after a "this and following" change. */
  previousSeriesId: Id.nullable(),
  version: z.number().int(),
});
export type Series = z.infer<typeof Series>;

export const SeriesListQuery = z.strictObject({ trackId: Id.optional(), locationId: Id.optional() });

export const DateRangeQuery = z.strictObject({ from: LocalDate, to: LocalDate });

export const Occurrence = z.object({
  /** Stable: `${seriesId}/${originalDate}`. Attendance and notes refer to it. */
  key: z.string(),
  seriesId: Id,
  trackId: Id,
  title: z.string(),
  kind: GroupKind,
  originalDate: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'moved']),
  /** Local wall-clock times, 'YYYY-MM-DDTHH:MM'. */
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  startUtc: Instant,
  endUtc: Instant,
  shiftedByDst: z.boolean(),
  module: z.object({ index: z.number().int(), title: z.string(), cycle: z.number().int() }).nullable(),
  facilitatorIds: z.array(Id),
  venue: Venue,
  cancellationReason: z.string().nullable(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const ChangeSeriesResult = z.object({
  /** The series as they are now: one, or the ended one and its continuation. */
  series: z.array(Series),
  /** The changed occurrence, for an occurrence change. */
  occurrence: Occurrence.nullable(),
  /** Exceptions after the split date that no longer fit the new pattern, so were not carried. */
  droppedExceptions: z.array(z.object({ kind: z.string(), date: z.string() })),
});
export type ChangeSeriesResult = z.infer<typeof ChangeSeriesResult>;

export const ClosureInput = z.strictObject({
  date: LocalDate,
  reason: z.string().trim().min(1, { error: 'Name the closure, such as Thanksgiving.' }).max(200),
});
export const Closure = z.object({ id: Id, locationId: Id, date: z.string(), reason: z.string() });

// ---- Intensity ----

export const IntensityProblem = z.object({
  flag: z.string(),
  day: z.string().optional(),
  message: z.string(),
});

export const WeekIntensity = z.object({
  weekStart: z.string(),
  sessions: z.number().int(),
  days: z.number().int(),
  totalHours: z.number(),
  flags: z.array(z.string()),
  problems: z.array(IntensityProblem),
  meetsMinimum: z.boolean(),
});
export type WeekIntensity = z.infer<typeof WeekIntensity>;

export const ParticipantIntensity = WeekIntensity.extend({ patientId: Id });

export const ShortfallQuery = z.strictObject({
  week: LocalDate,
  trackId: Id.optional(),
  /** Where the previous page ended (its nextCursor). */
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, { error: 'Use the nextCursor of the previous page.' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const Shortfall = WeekIntensity.extend({
  patientId: Id,
  name: z.string(),
  episodeId: Id,
  trackId: Id,
  trackName: z.string(),
  /** under: below the track's minimum; over: above its maximum (days or hours). */
  direction: z.enum(['under', 'over']),
});
export const ShortfallList = z.object({
  week: z.string(),
  /** Enrolled participants looked at, and how many of them are flagged. */
  checked: z.number().int(),
  flagged: z.number().int(),
  items: z.array(Shortfall),
  nextCursor: z.string().nullable(),
});
export type ShortfallList = z.infer<typeof ShortfallList>;

// ---- Enrollment ----

export const TimeWindow = z
  .strictObject({
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use HH:MM.' }),
    end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'Use HH:MM.' }),
  })
  .refine((w) => w.start < w.end, { error: 'A window ends after it starts.', path: ['end'] });
/** Windows by ISO weekday ('1' = Monday … '7' = Sunday); a weekday left out has none. */
export const WeeklyWindows = z.partialRecord(
  z.enum(['1', '2', '3', '4', '5', '6', '7']),
  z.array(TimeWindow).max(6),
);

export const EnrollRequest = z.strictObject({
  /** Rolling admission: any day; defaults to today at the track's location. */
  startDate: LocalDate.optional(),
  /** The participant's own days inside the track; absent or null: every day the track meets. */
  weekdays: Weekdays.nullable().optional(),
  /** Needed when the pattern is below the track's minimum intensity. */
  reason: z.string().trim().min(1).max(500).optional(),
  /** When the participant can come, for the slot finder. */
  availability: WeeklyWindows.nullable().optional(),
});

export const ChangeEnrollmentRequest = z.strictObject({
  weekdays: Weekdays.nullable(),
  reason: z.string().trim().min(1).max(500).optional(),
  availability: WeeklyWindows.nullable().optional(),
});

export const EndEnrollmentRequest = z.strictObject({ endDate: LocalDate });

export const PatternCheck = z.object({
  hours: z.number(),
  days: z.number().int(),
  flags: z.array(z.string()),
  problems: z.array(IntensityProblem),
  meetsMinimum: z.boolean(),
  /** Chosen weekdays on which the track runs no group. */
  emptyWeekdays: z.array(z.number().int()),
});

export const Enrollment = z.object({
  id: Id,
  episodeId: Id,
  patientId: Id,
  trackId: Id,
  startDate: z.string(),
  endDate: z.string().nullable(),
  weekdays: z.array(z.number().int()).nullable(),
  belowMinimumReason: z.string().nullable(),
  availability: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))).nullable(),
  pattern: PatternCheck,
  /** The planned week containing today (or the start date), against the track's rule. */
  intensity: WeekIntensity,
  version: z.number().int(),
});
export type Enrollment = z.infer<typeof Enrollment>;

// ---- Appointments ----

export const APPOINTMENT_KINDS = ['individual', 'family', 'assessment', 'medication_management'] as const;
export const AppointmentKind = z.enum(APPOINTMENT_KINDS);
export const APPOINTMENT_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const;
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);

export const CreateAppointmentRequest = z.strictObject({
  kind: AppointmentKind,
  clinicianId: Id,
  participantIds: z.array(Id).min(1, { error: 'Choose at least one participant.' }).max(10),
  date: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.number().int().min(5, { error: 'A session runs at least 5 minutes.' }).max(480),
  venue: Venue,
  /** Needed for a virtual session (a room gives its own location): its zone reads the times. */
  locationId: Id.optional(),
});

export const UpdateAppointmentRequest = z.strictObject({
  date: LocalDate.optional(),
  startTime: LocalTime.optional(),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  venue: Venue.optional(),
  clinicianId: Id.optional(),
  status: AppointmentStatus.optional(),
  /** Needed when cancelling. */
  reason: z.string().trim().min(1).max(500).optional(),
});

export const Appointment = z.object({
  id: Id,
  kind: AppointmentKind,
  status: AppointmentStatus,
  clinicianId: Id,
  participantIds: z.array(Id),
  locationId: Id,
  timeZone: z.string(),
  venue: Venue,
  start: z.string(),
  end: z.string(),
  startUtc: Instant,
  endUtc: Instant,
  durationMinutes: z.number().int(),
  cancelReason: z.string().nullable(),
  /** Each participant's planned week around the session. */
  intensity: z.array(ParticipantIntensity),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof Appointment>;

// ---- Working hours and slots ----

export const WorkingHoursInput = z.strictObject({ hours: WeeklyWindows });
export const WorkingHours = z.object({
  clinicianId: Id,
  hours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
});
export type WorkingHours = z.infer<typeof WorkingHours>;

export const SlotQuery = z.strictObject({
  clinicianId: Id,
  patientId: Id,
  duration: z.coerce.number().int().min(5).max(480),
  from: LocalDate,
  to: LocalDate,
  roomId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const Slot = z.object({ start: z.string(), end: z.string(), startUtc: Instant, endUtc: Instant });
export const SlotList = z.object({ timeZone: z.string(), items: z.array(Slot) });

// ---- Calendar ----

export const CalendarQuery = z
  .strictObject({
    view: z.enum(['week', 'day']),
    date: LocalDate,
    trackId: Id.optional(),
    roomId: Id.optional(),
    clinicianId: Id.optional(),
    patientId: Id.optional(),
  })
  .refine(
    (q) => [q.trackId, q.roomId, q.clinicianId, q.patientId].filter((v) => v !== undefined).length === 1,
    { error: 'Choose one of trackId, roomId, clinicianId or patientId.', path: ['trackId'] },
  );

const Person = z.object({ id: Id, name: z.string() });

export const CalendarItem = z.object({
  type: z.enum(['group', 'appointment']),
  /** The occurrence key for a group, the appointment id otherwise. */
  id: z.string(),
  seriesId: Id.nullable(),
  trackId: Id.nullable(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  startUtc: Instant,
  endUtc: Instant,
  timeZone: z.string(),
  mode: z.enum(['in_person', 'virtual']),
  room: z.object({ id: Id, name: z.string() }).nullable(),
  facilitators: z.array(Person),
  participantCount: z.number().int(),
  capacity: z.number().int().nullable(),
  module: z.string().nullable(),
  /** Only in a participant's own view, and only for roles that may read patients. */
  participants: z.array(Person).optional(),
});
export type CalendarItem = z.infer<typeof CalendarItem>;

export const Calendar = z.object({
  view: z.enum(['week', 'day']),
  from: z.string(),
  to: z.string(),
  items: z.array(CalendarItem),
});

// ---- Calendar feeds ----

export const CreateFeedRequest = z.discriminatedUnion('owner', [
  z.strictObject({ owner: z.literal('clinician'), clinicianId: Id }),
  z.strictObject({ owner: z.literal('participant'), patientId: Id }),
]);

export const CalendarFeed = z.object({
  id: Id,
  owner: z.enum(['clinician', 'participant']),
  subjectId: Id,
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});

export const IssuedCalendarFeed = CalendarFeed.extend({
  /** The secret address: shown once, stored only hashed. */
  url: z.string(),
});

export const FeedListQuery = z.strictObject({ clinicianId: Id.optional(), patientId: Id.optional() });
