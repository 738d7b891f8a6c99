import { z } from 'zod';
import { INSTRUMENT_CODES } from '../instruments/types.js';
import { SCHEDULE_TIMINGS } from '../measures/schedule.js';
import { Id, Instant } from './common.js';
import { CrisisResource } from './intake.js';

export const InstrumentCode = z.enum(INSTRUMENT_CODES, {
  error: `Choose an instrument: ${INSTRUMENT_CODES.join(', ')}.`,
});

const DateTime = z.iso.datetime({ offset: true, error: 'Use a date and time such as 2026-12-01T09:00:00Z.' });

/** Answers keyed by item id ("phq9_9"), each the value printed beside the chosen option; null = blank. */
export const Answers = z.record(
  z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: 'Use the item ids of the instrument, such as phq9_1.' }),
  z.number().int().nullable(),
);

// ---- instruments -------------------------------------------------------------------------------

const AnswerOption = z.object({ value: z.number(), label: z.string(), points: z.number().optional() });
const InstrumentItem = z.object({
  id: z.string(),
  text: z.string(),
  options: z.array(AnswerOption),
  scored: z.boolean(),
  required: z.boolean(),
  askedWhen: z.object({ itemId: z.string(), value: z.number() }).optional(),
  recallPeriod: z.string().optional(),
  section: z.string().optional(),
  loinc: z.string().optional(),
});
const Band = z.object({
  code: z.string(),
  label: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const InstrumentSummary = z.object({
  code: InstrumentCode,
  version: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  population: z.enum(['adult', 'adolescent']),
  licensedTextRequired: z.boolean(),
  itemCount: z.number().int(),
  totalRange: z.object({ min: z.number(), max: z.number() }).nullable(),
});

export const InstrumentDefinition = z.object({
  code: InstrumentCode,
  version: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  instructions: z.string(),
  recallPeriod: z.string(),
  population: z.enum(['adult', 'adolescent']),
  licensedTextRequired: z.boolean(),
  copyright: z.string(),
  items: z.array(InstrumentItem),
  totalRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  totalDescription: z.string().optional(),
  bands: z.array(Band),
  bandSource: z.string(),
  flagRules: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['critical', 'warning']),
      itemIds: z.array(z.string()),
      rule: z.string(),
      source: z.string(),
    }),
  ),
  settings: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      default: z.union([z.string(), z.number()]),
      source: z.string(),
      choices: z.array(z.object({ value: z.string(), label: z.string(), source: z.string() })).optional(),
      range: z.object({ min: z.number(), max: z.number() }).optional(),
    }),
  ),
  loinc: z.object({ panel: z.string().optional(), total: z.string().optional() }).optional(),
});

/** `?format=fhir` answers a FHIR R4 resource (Questionnaire) or a collection Bundle. */
export const FormatQuery = z.strictObject({ format: z.enum(['json', 'fhir']).default('json') });

export const FhirResource = z.record(z.string(), z.unknown()).describe('A FHIR R4 resource');
export const FhirBundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  entry: z.array(z.object({ fullUrl: z.string().optional(), resource: FhirResource })),
});
export type FhirBundle = z.infer<typeof FhirBundle>;

// ---- administrations ---------------------------------------------------------------------------

export const RecordAdministrationRequest = z.strictObject({
  instrument: InstrumentCode,
  answers: Answers,
  /** The episode of care it belongs to; the patient's open episode when left out. */
  episodeId: Id.optional(),
  /** When the answers were given (not when they were typed in). */
  administeredAt: DateTime,
});

export const CorrectAdministrationRequest = z.strictObject({
  answers: Answers,
  administeredAt: DateTime.optional(),
  /** Why the first entry was wrong, in words; kept with the correction. */
  reason: z
    .string()
    .trim()
    .min(5, { error: 'Say why the entry is corrected (at least 5 characters).' })
    .max(500),
});

const SettingUsed = z.object({
  value: z.union([z.string(), z.number(), z.record(z.string(), z.union([z.string(), z.number()]))]),
  isDefault: z.boolean(),
  source: z.string(),
});

export const ScoreFlag = z.object({
  code: z.string(),
  severity: z.enum(['critical', 'warning']),
  message: z.string(),
  itemId: z.string().optional(),
});

export const Administration = z.object({
  id: Id,
  patientId: Id,
  episodeId: Id.nullable(),
  instrument: InstrumentCode,
  instrumentVersion: z.string(),
  answers: z.record(z.string(), z.number()),
  total: z.number().int().nullable(),
  band: z.object({ code: z.string(), label: z.string() }),
  flags: z.array(ScoreFlag),
  subscales: z.record(z.string(), z.number()).nullable(),
  /** Every setting that shaped the score, with its source: the result can always be explained. */
  settingsUsed: z.record(z.string(), SettingUsed),
  administeredAt: Instant,
  source: z.enum(['staff', 'self_report']),
  enteredBy: Id.nullable(),
  supersedesId: Id.nullable(),
  supersededById: Id.nullable(),
  correctionReason: z.string().nullable(),
  part2: z.boolean(),
  /** Risk-alert tasks this entry opened (critical answers, a new reliable deterioration). */
  alertTaskIds: z.array(Id),
  createdAt: Instant,
});
export type Administration = z.infer<typeof Administration>;

export const AdministrationHistoryQuery = z.strictObject({
  instrument: InstrumentCode.optional(),
  /** Include entries replaced by a correction. */
  includeSuperseded: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// ---- self-report links -------------------------------------------------------------------------

export const IssueMeasureLinkRequest = z.strictObject({
  instruments: z
    .array(InstrumentCode)
    .min(1, { error: 'Choose at least one questionnaire.' })
    .max(5, { error: 'Send at most 5 questionnaires in one link.' })
    .refine((list) => new Set(list).size === list.length, { error: 'Each questionnaire once.' }),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(168, { error: 'A self-report link lives at most 7 days (168 hours).' })
    .default(72),
  episodeId: Id.optional(),
});

export const MeasureLink = z.object({
  requestId: Id,
  /** The secret: show or send it once. It is stored only hashed and cannot be shown again. */
  token: z.string(),
  /** The page the patient opens, e.g. /self-report/<token>. */
  path: z.string(),
  instruments: z.array(InstrumentCode),
  expiresAt: Instant,
});

const PublicItem = z.object({
  id: z.string(),
  text: z.string(),
  options: z.array(z.object({ value: z.number(), label: z.string() })),
  required: z.boolean(),
  askedWhen: z.object({ itemId: z.string(), value: z.number() }).optional(),
  section: z.string().optional(),
});

export const SelfReportForm = z.object({
  /** The first name only: enough to know the form is yours, no more if the link is forwarded. */
  firstName: z.string(),
  programName: z.string(),
  expiresAt: Instant,
  instruments: z.array(
    z.object({
      code: InstrumentCode,
      title: z.string(),
      instructions: z.string(),
      recallPeriod: z.string(),
      copyright: z.string(),
      items: z.array(PublicItem),
    }),
  ),
  /** What was saved so far, by instrument then item. */
  progress: z.record(z.string(), z.record(z.string(), z.number().nullable())),
  savedAt: Instant.nullable(),
  /** Always on the form: where to turn now, whatever the answers. */
  crisisResources: z.array(CrisisResource),
});

export const SelfReportAnswers = z.strictObject({
  answers: z.partialRecord(InstrumentCode, Answers),
});

export const SelfReportSaved = z.object({ savedAt: Instant });
export const SelfReportSubmitted = z.object({
  submitted: z.literal(true),
  message: z.string(),
  /** Set when an answer needs the care team today: the person also sees where to turn now. */
  crisisResources: z.array(CrisisResource),
});

// ---- schedule and due list ---------------------------------------------------------------------

export const ScheduleRule = z.strictObject({
  instrument: InstrumentCode,
  timing: z.enum(SCHEDULE_TIMINGS),
  everyDays: z.number().int().optional(),
  graceDays: z.number().int().optional(),
});

export const MeasureSchedule = z.object({
  trackId: Id,
  rules: z.array(ScheduleRule),
  /** 0 until the schedule is first saved; send it back as If-Match. */
  version: z.number().int(),
  /** A starting point for the track's population, shown while nothing is saved. */
  suggested: z.array(ScheduleRule),
});

export const SaveMeasureScheduleRequest = z.strictObject({
  rules: z.array(ScheduleRule).max(30),
});

export const DueMeasuresQuery = z.strictObject({
  /** true: episodes where you are the primary clinician; false: the whole organization (or a track). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
  trackId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const DueMeasure = z.object({
  patientId: Id,
  /** The patient's name as staff call them (preferred name first). */
  patientName: z.string(),
  episodeId: Id,
  trackId: Id,
  primaryClinicianId: Id,
  instrument: InstrumentCode,
  timing: z.enum(SCHEDULE_TIMINGS),
  dueDate: z.string(),
  dueUntil: z.string(),
  status: z.enum(['due', 'overdue']),
  occurrence: z.number().int(),
  lastAdministeredOn: z.string().nullable(),
});

export const DueMeasures = z.object({
  items: z.array(DueMeasure),
  /** How many are due or overdue in all (items stop at the limit). */
  total: z.number().int(),
  overdue: z.number().int(),
  today: z.string(),
});

// ---- outcomes ----------------------------------------------------------------------------------

export const OutcomePoint = z.object({
  id: Id,
  administeredAt: Instant,
  total: z.number().nullable(),
  band: z.object({ code: z.string(), label: z.string() }),
});

export const ChangeSummary = z.object({
  baseline: z.number(),
  current: z.number(),
  difference: z.number(),
  reliableChange: z.enum(['reliable_improvement', 'no_reliable_change', 'reliable_deterioration']),
  rci: z.number().nullable(),
  response: z.boolean().nullable(),
  remission: z.boolean().nullable(),
  settingsUsed: z.record(z.string(), SettingUsed),
});

export const PatientOutcomeQuery = z.strictObject({
  instrument: InstrumentCode,
  /** One episode's series; the patient's whole history when left out. */
  episodeId: Id.optional(),
});

export const PatientOutcome = z.object({
  patientId: Id,
  instrument: InstrumentCode,
  title: z.string(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  bands: z.array(Band),
  points: z.array(OutcomePoint),
  baseline: OutcomePoint.nullable(),
  latest: OutcomePoint.nullable(),
  change: ChangeSummary.nullable(),
  changeNotApplicable: z.string().nullable(),
});

export const TrackOutcomeQuery = z.strictObject({ instrument: InstrumentCode });

const Classification = z.enum([
  'reliable_improvement',
  'no_reliable_change',
  'reliable_deterioration',
  'single_score',
  'no_scores',
  'not_classified',
]);

export const TrackOutcome = z.object({
  trackId: Id,
  instrument: InstrumentCode,
  title: z.string(),
  changeNotApplicable: z.string().nullable(),
  activePatients: z.number().int(),
  counts: z.record(Classification, z.number().int()),
  responders: z.number().int(),
  remitted: z.number().int(),
  patients: z.array(
    z.object({
      patientId: Id,
      episodeId: Id,
      count: z.number().int(),
      baseline: OutcomePoint.nullable(),
      latest: OutcomePoint.nullable(),
      classification: Classification,
      difference: z.number().nullable(),
      response: z.boolean().nullable(),
      remission: z.boolean().nullable(),
    }),
  ),
});

// ---- organization settings per instrument ------------------------------------------------------

const ReliableChangeCriterion = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('threshold'), points: z.number().positive() }),
  z.strictObject({
    method: z.literal('rci'),
    reliability: z.number().gt(0).lt(1),
    sd: z.number().positive(),
  }),
]);

export const InstrumentSettings = z.object({
  instrument: InstrumentCode,
  /** The instrument's own settings (AUDIT band set, PCL-5 cut-point …); defaults where absent. */
  scoreSettings: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Overrides the published reliable-change criterion (or sets one where none ships). */
  reliableChange: ReliableChangeCriterion.nullable(),
  version: z.number().int(),
});
export type InstrumentSettings = z.infer<typeof InstrumentSettings>;

export const SaveInstrumentSettingsRequest = z.strictObject({
  scoreSettings: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  reliableChange: ReliableChangeCriterion.nullable().default(null),
});
