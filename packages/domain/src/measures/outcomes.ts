import { DomainError } from '../errors.js';
import {
  type ChangeResult,
  type ChangeSettings,
  classifyChange,
  type ReliableChange,
} from '../instruments/change.js';
import { getInstrument } from '../instruments/registry.js';
import type { Band, InstrumentCode } from '../instruments/types.js';

/** One scored administration as the outcome views need it. */
export interface OutcomePoint {
  readonly id: string;
  readonly administeredAt: Date;
  /** Null for instruments without a total (C-SSRS screener). */
  readonly total: number | null;
  readonly band: { readonly code: string; readonly label: string };
}

export interface OutcomeSeries {
  readonly instrument: InstrumentCode;
  readonly title: string;
  readonly range: { readonly min: number; readonly max: number } | null;
  /** The bands of the default band set, lowest first, for shading a chart. */
  readonly bands: readonly Band[];
  /** Oldest first. */
  readonly points: readonly OutcomePoint[];
  readonly baseline: OutcomePoint | null;
  readonly latest: OutcomePoint | null;
  /** Null with fewer than two points, or when `changeNotApplicable` says why. */
  readonly change: ChangeResult | null;
  /** Why change is not classified for this instrument (categorical, no criterion set). */
  readonly changeNotApplicable: string | null;
}

function byTime(a: OutcomePoint, b: OutcomePoint): number {
  return a.administeredAt.getTime() - b.administeredAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Why change cannot be classified for an instrument under these settings, or null when it can:
 * categorical results, recall periods that make repetition meaningless, or no published
 * reliable-change criterion and none set by the program.
 */
export function changeNotApplicable(code: InstrumentCode, settings?: ChangeSettings): string | null {
  const def = getInstrument(code);
  if (def.totalRange === null) return `The ${def.shortTitle} has no total score to compare.`;
  if (def.change.notApplicable) return def.change.notApplicable;
  if (!def.change.reliableChange && !settings?.reliableChange) {
    return `No reliable-change criterion is set for the ${def.shortTitle}. A director can set one in the instrument settings.`;
  }
  return null;
}

/** classifyChange, or null where change does not apply (see changeNotApplicable). */
export function changeBetween(
  code: InstrumentCode,
  baseline: OutcomePoint,
  current: OutcomePoint,
  settings?: ChangeSettings,
): ChangeResult | null {
  if (changeNotApplicable(code, settings) !== null) return null;
  if (baseline.total === null || current.total === null) return null;
  return classifyChange(code, baseline.total, current.total, settings);
}

/**
 * The series of one instrument for one patient: the points in time order, the baseline (the
 * first point of the series the caller chose — an episode's, or the patient's whole history),
 * the latest, and the change between them classified by `classifyChange` (reliable change,
 * response, remission).
 */
export function outcomeSeries(
  code: InstrumentCode,
  points: readonly OutcomePoint[],
  settings?: ChangeSettings,
): OutcomeSeries {
  const def = getInstrument(code);
  const sorted = [...points].sort(byTime);
  const baseline = sorted[0] ?? null;
  const latest = sorted.at(-1) ?? null;
  const notApplicable = changeNotApplicable(code, settings);
  const change =
    baseline && latest && baseline !== latest && notApplicable === null
      ? changeBetween(code, baseline, latest, settings)
      : null;
  return {
    instrument: def.code,
    title: def.shortTitle,
    range: def.totalRange,
    bands: def.bands,
    points: sorted,
    baseline,
    latest,
    change,
    changeNotApplicable: notApplicable,
  };
}

/**
 * Whether a new score starts a reliable deterioration: reliably worse than baseline now, and
 * the score before it was not. A risk alert goes out on the way into deterioration, not every
 * week the patient stays there — the clinician who resolved the first alert knows already;
 * if the score recovers and worsens again, that is new and alerts again.
 */
export function isNewDeterioration(
  code: InstrumentCode,
  series: { baseline: OutcomePoint; previous: OutcomePoint | null; current: OutcomePoint },
  settings?: ChangeSettings,
): ChangeResult | null {
  const { baseline, previous, current } = series;
  if (baseline.id === current.id) return null;
  const now = changeBetween(code, baseline, current, settings);
  if (now?.reliableChange !== 'reliable_deterioration') return null;
  if (previous && previous.id !== baseline.id) {
    const before = changeBetween(code, baseline, previous, settings);
    if (before?.reliableChange === 'reliable_deterioration') return null;
  }
  return now;
}

export interface PatientOutcomeInput {
  readonly patientId: string;
  readonly episodeId: string;
  readonly baseline: OutcomePoint | null;
  readonly latest: OutcomePoint | null;
  readonly count: number;
}

/** not_classified: several scores, but the instrument's change is not classified (see changeNotApplicable). */
export type OutcomeClassification = ReliableChange | 'single_score' | 'no_scores' | 'not_classified';

export interface PatientOutcomeSummary extends PatientOutcomeInput {
  readonly classification: OutcomeClassification;
  readonly difference: number | null;
  readonly response: boolean | null;
  readonly remission: boolean | null;
}

export interface TrackOutcomeSummary {
  readonly instrument: InstrumentCode;
  readonly title: string;
  readonly changeNotApplicable: string | null;
  readonly counts: Readonly<Record<OutcomeClassification, number>>;
  readonly responders: number;
  readonly remitted: number;
  readonly patients: readonly PatientOutcomeSummary[];
}

/**
 * The same classification for every active patient of a track: latest against baseline within
 * each episode, counted per class. A patient with one score is "single_score", not "no change":
 * one score shows nothing about change.
 */
export function summarizeOutcomes(
  code: InstrumentCode,
  patients: readonly PatientOutcomeInput[],
  settings?: ChangeSettings,
): TrackOutcomeSummary {
  const def = getInstrument(code);
  const notApplicable = changeNotApplicable(code, settings);
  const counts: Record<OutcomeClassification, number> = {
    reliable_improvement: 0,
    no_reliable_change: 0,
    reliable_deterioration: 0,
    single_score: 0,
    no_scores: 0,
    not_classified: 0,
  };
  let responders = 0;
  let remitted = 0;
  const rows = patients.map((p): PatientOutcomeSummary => {
    let classification: OutcomeClassification = 'no_scores';
    let change: ChangeResult | null = null;
    if (p.baseline && p.latest) {
      if (p.baseline.id === p.latest.id) classification = 'single_score';
      else if (notApplicable === null) {
        change = changeBetween(code, p.baseline, p.latest, settings);
        if (!change) throw new DomainError('invalid_state', 'A scored series has no total.');
        classification = change.reliableChange;
      } else classification = 'not_classified';
    }
    counts[classification] += 1;
    if (change?.response) responders += 1;
    if (change?.remission) remitted += 1;
    return {
      ...p,
      classification,
      difference: change?.difference ?? null,
      response: change?.response ?? null,
      remission: change?.remission ?? null,
    };
  });
  return {
    instrument: def.code,
    title: def.shortTitle,
    changeNotApplicable: notApplicable,
    counts,
    responders,
    remitted,
    patients: rows,
  };
}
