/**
 * The shape of a screening or outcome instrument and of its score. Definitions are plain data
 * (they travel to the browser and into FHIR Questionnaires); the instrument-specific rules that
 * cannot be data live beside each definition in `definitions/<code>.ts`.
 */

export const INSTRUMENT_CODES = [
  'phq9',
  'phqa',
  'gad7',
  'pcl5',
  'audit',
  'audit-c',
  'dast10',
  'cssrs-screener',
  'mdq',
] as const;
export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

export type InstrumentPopulation = 'adult' | 'adolescent';

export interface AnswerOption {
  /** The value as printed on the published form (1 = yes, 0 = no for yes/no boxes). Stored as the answer. */
  readonly value: number;
  readonly label: string;
  /** Points toward the total when they differ from `value` (DAST-10 item 3, where "no" scores 1). */
  readonly points?: number;
  /** LOINC answer code (LA…), where DOMAIN.md gives one. */
  readonly loinc?: string;
}

/** An item asked only when an earlier item has a given answer (C-SSRS screener branching). */
export interface AskedWhen {
  readonly itemId: string;
  readonly value: number;
}

export interface InstrumentItem {
  /** Stable id, `<instrument>_<number>` for published items, e.g. `phq9_9`. */
  readonly id: string;
  /**
   * Full published wording where the licence allows it; for licensed instruments a short label of
   * our own, to be replaced by the organization's licensed wording (see `licensedTextRequired`).
   */
  readonly text: string;
  readonly options: readonly AnswerOption[];
  /** Counts toward the total. */
  readonly scored: boolean;
  /** Must be answered whenever it is asked. */
  readonly required: boolean;
  readonly askedWhen?: AskedWhen;
  /** Where the item's time frame differs from the instrument's. */
  readonly recallPeriod?: string;
  /** Published grouping, e.g. "Part 1" of the MDQ or a PCL-5 symptom cluster. */
  readonly section?: string;
  /** LOINC question code, where DOMAIN.md gives one. */
  readonly loinc?: string;
}

/** A severity band or screening category. `min`/`max` are absent for categorical results (C-SSRS, MDQ). */
export interface Band {
  readonly code: string;
  readonly label: string;
  readonly min?: number;
  readonly max?: number;
}

export type FlagSeverity = 'critical' | 'warning';

/** A rule that raises a flag, described for people; the code that applies it is in the definition file. */
export interface FlagRule {
  readonly code: string;
  readonly severity: FlagSeverity;
  readonly itemIds: readonly string[];
  readonly rule: string;
  readonly source: string;
}

export interface Subscale {
  readonly code: string;
  readonly label: string;
  readonly itemIds: readonly string[];
}

export type SettingValue = string | number;

/** A threshold or band set on which published sources disagree, with its default and the sources. */
export interface SettingDefinition {
  readonly key: string;
  readonly label: string;
  readonly default: SettingValue;
  /** Where the default comes from. */
  readonly source: string;
  /** A closed list of choices, each with its own source … */
  readonly choices?: readonly { readonly value: string; readonly label: string; readonly source: string }[];
  /** … or an integer range. */
  readonly range?: { readonly min: number; readonly max: number };
}

/** Reliable change: a fixed number of points, or the Jacobson–Truax index from reliability and SD. */
export type ReliableChangeCriterion =
  | { readonly method: 'threshold'; readonly points: number }
  | { readonly method: 'rci'; readonly reliability: number; readonly sd: number };

export type ResponseCriterion =
  /** A drop of at least this fraction of the baseline score (0.5 = 50 %). */
  | { readonly kind: 'fraction_drop'; readonly fraction: number }
  /** A drop of at least this many points. */
  | { readonly kind: 'points_drop'; readonly points: number };

export interface ChangeDefinition {
  /** Why change cannot be classified at all (categorical result, lifetime recall). */
  readonly notApplicable?: string;
  /** Absent when no published criterion ships with Trellis: the program must set one. */
  readonly reliableChange?: {
    readonly default: ReliableChangeCriterion;
    readonly source: string;
    readonly alternatives: readonly {
      readonly criterion: ReliableChangeCriterion;
      readonly source: string;
    }[];
  };
  readonly response?: ResponseCriterion & { readonly source: string };
  /** Remission: the current score is below this value. */
  readonly remission?: { readonly below: number; readonly source: string };
}

export interface InstrumentDefinition {
  readonly code: InstrumentCode;
  /** Version of this definition in Trellis (items, options, rules); it goes into FHIR Questionnaire.version. */
  readonly version: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly instructions: string;
  readonly recallPeriod: string;
  readonly population: InstrumentPopulation;
  /** True when `text` holds our own short labels and the published wording must be licensed and loaded. */
  readonly licensedTextRequired: boolean;
  /** Attribution and licence status (DOMAIN.md 1.6). */
  readonly copyright: string;
  readonly items: readonly InstrumentItem[];
  /** Range of the total, or null for instruments without a total (C-SSRS screener). */
  readonly totalRange: { readonly min: number; readonly max: number } | null;
  /** What the total counts, when it is not a plain sum of item scores (e.g. MDQ Part 1 "yes" answers). */
  readonly totalDescription?: string;
  /** Bands under the default settings, lowest first. */
  readonly bands: readonly Band[];
  readonly bandSource: string;
  readonly flagRules: readonly FlagRule[];
  readonly subscales?: readonly Subscale[];
  readonly settings: readonly SettingDefinition[];
  readonly change: ChangeDefinition;
  readonly loinc?: { readonly panel?: string; readonly total?: string };
}

/** Answers keyed by item id, each the option value. */
export type Answers = Readonly<Record<string, number>>;

export interface ScoreFlag {
  readonly code: string;
  readonly severity: FlagSeverity;
  readonly message: string;
  readonly itemId?: string;
}

export interface SettingUsed {
  readonly value: SettingValue | Readonly<Record<string, SettingValue>>;
  readonly isDefault: boolean;
  readonly source: string;
}

export interface ScoreResult {
  readonly instrumentCode: InstrumentCode;
  readonly version: string;
  /** Null only for instruments without a total (C-SSRS screener). */
  readonly total: number | null;
  readonly band: { readonly code: string; readonly label: string };
  readonly flags: readonly ScoreFlag[];
  readonly subscales?: Readonly<Record<string, number>>;
  /** Every setting that shaped this result, with whether it was the default and its source. */
  readonly settingsUsed: Readonly<Record<string, SettingUsed>>;
}

/** Settings passed to `scoreInstrument`, keyed by `SettingDefinition.key`. */
export type ScoreSettings = Readonly<Record<string, SettingValue>>;

/** What the instrument-specific rule returns; the scorer adds code, version and the settings record. */
export interface Interpretation {
  readonly total: number | null;
  readonly band: Band;
  readonly flags: readonly ScoreFlag[];
  /** Values derived from settings (e.g. the AUDIT-C cut-off chosen by sex), recorded with the settings. */
  readonly derivedSettings?: Readonly<Record<string, SettingUsed>>;
}

export interface InstrumentModule {
  readonly definition: InstrumentDefinition;
  /** Applies the instrument's rules to answers that have already been checked against the definition. */
  readonly interpret: (answers: Answers, settings: Readonly<Record<string, SettingValue>>) => Interpretation;
}
