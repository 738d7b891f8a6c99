/**
 * ASAM dimensions and a level-of-care recommendation from the dimensional risk ratings.
 *
 * SOURCE. DOMAIN.md 2.1 (third edition, 2013: levels 0.5–4, separate withdrawal-management
 * levels, six dimensions each risk-rated 0–4) and 2.2 (fourth edition, 2023: renamed and new
 * levels 1.0/1.5/1.7/2.7, withdrawal management folded into the medically managed levels 1.7,
 * 2.7, 3.7 and 4; dimension 6 "person-centered considerations" not risk-rated; readiness no
 * longer a dimension).
 *
 * THE RULE. ASAM's own decision logic (the CONTINUUM / CO-Triage algorithms) is licensed and was
 * not available (DOMAIN.md "open items" 3), so this is NOT the ASAM algorithm. It is the common
 * teaching heuristic "the most severe dimension sets the minimum intensity":
 *   1. each rated dimension implies a minimum level by its rating (the tables below; 0 and 1
 *      imply nothing beyond outpatient);
 *   2. the recommendation is the highest of those minimums, and at least outpatient when any
 *      dimension is rated above 0 (early intervention 0.5 / remission monitoring 1.0 when all
 *      are 0);
 *   3. breadth: three or more dimensions at 2 or above ask for at least 2.5 — moderate problems
 *      in several areas interact, and ASAM's multidimensional assessment weighs interaction;
 *   4. withdrawal: third edition names the withdrawal-management level separately (1-WM, 2-WM,
 *      3.7-WM, 4-WM) beside the treatment level; fourth edition raises the level to the
 *      medically managed level of its band (1.7, 2.7, 3.7, 4).
 *
 * LIMITS. The rule does not see sub-dimensions, the 4th edition's symbolic ratings (it takes
 * 0–4 for every rated dimension), co-occurring capability, population-specific levels (3.3),
 * or what is available; it recommends, the clinician decides, and a level other than the
 * recommendation needs a documented reason (checkLevelOfCareDecision). Hour thresholds and
 * licensing of ASAM logic in software are unverified (DOMAIN.md 2.2). Review with the
 * program's medical director before relying on it for utilisation review.
 */

export const ASAM_EDITIONS = ['3', '4'] as const;
export type AsamEdition = (typeof ASAM_EDITIONS)[number];

export interface AsamDimension {
  readonly number: 1 | 2 | 3 | 4 | 5 | 6;
  readonly name: string;
  /** Fourth-edition dimension 6 informs program choice and is documented, not rated. */
  readonly rated: boolean;
}

export const ASAM_DIMENSIONS: Readonly<Record<AsamEdition, readonly AsamDimension[]>> = {
  '3': [
    { number: 1, name: 'Acute intoxication and/or withdrawal potential', rated: true },
    { number: 2, name: 'Biomedical conditions and complications', rated: true },
    { number: 3, name: 'Emotional, behavioural or cognitive conditions and complications', rated: true },
    { number: 4, name: 'Readiness to change', rated: true },
    { number: 5, name: 'Relapse, continued use or continued problem potential', rated: true },
    { number: 6, name: 'Recovery/living environment', rated: true },
  ],
  '4': [
    { number: 1, name: 'Intoxication, withdrawal, and addiction medications', rated: true },
    { number: 2, name: 'Biomedical conditions', rated: true },
    { number: 3, name: 'Psychiatric and cognitive conditions', rated: true },
    { number: 4, name: 'Substance use-related risks', rated: true },
    { number: 5, name: 'Recovery environment interactions', rated: true },
    { number: 6, name: 'Person-centered considerations', rated: false },
  ],
};

export const ASAM_LEVELS: Readonly<
  Record<AsamEdition, readonly { readonly level: string; readonly label: string }[]>
> = {
  '3': [
    { level: '0.5', label: 'Early intervention' },
    { level: '1', label: 'Outpatient' },
    { level: '2.1', label: 'Intensive outpatient' },
    { level: '2.5', label: 'Partial hospitalization' },
    { level: '3.1', label: 'Clinically managed low-intensity residential' },
    { level: '3.3', label: 'Clinically managed population-specific high-intensity residential' },
    { level: '3.5', label: 'Clinically managed high-intensity residential' },
    { level: '3.7', label: 'Medically monitored intensive inpatient' },
    { level: '4', label: 'Medically managed intensive inpatient' },
  ],
  '4': [
    { level: '1.0', label: 'Long-term remission monitoring' },
    { level: '1.5', label: 'Outpatient therapy' },
    { level: '1.7', label: 'Medically managed outpatient' },
    { level: '2.1', label: 'Intensive outpatient' },
    { level: '2.5', label: 'High-intensity outpatient' },
    { level: '2.7', label: 'Medically managed intensive outpatient' },
    { level: '3.1', label: 'Clinically managed low-intensity residential' },
    { level: '3.5', label: 'Clinically managed high-intensity residential' },
    { level: '3.7', label: 'Medically managed residential' },
    { level: '4', label: 'Medically managed inpatient' },
  ],
};

export const ASAM_RULE_SOURCE =
  'Trellis heuristic over DOMAIN.md 2.1/2.2 (ASAM Criteria 3rd ed. 2013 levels and dimensions; 4th ed. 2023 restructuring): the most severe dimension sets the minimum level; 3+ dimensions at 2+ ask for at least 2.5; not the licensed ASAM CONTINUUM algorithm.';

type Rating = 0 | 1 | 2 | 3 | 4;
type MinimumTable = Readonly<Record<number, readonly (string | null)[]>>;

/** Minimum level implied by each dimension's rating 0..4 (null: nothing beyond outpatient). */
const MINIMUMS: Readonly<Record<AsamEdition, MinimumTable>> = {
  '3': {
    // Withdrawal below 3 is managed beside outpatient or IOP care (1-WM, 2-WM): see WM_LEVELS.
    1: [null, null, null, '3.7', '4'],
    2: [null, null, '2.1', '3.7', '4'],
    3: [null, null, '2.1', '2.5', '4'],
    // Low readiness alone calls for motivational work, not a bed.
    4: [null, null, null, '2.1', '2.5'],
    5: [null, null, '2.1', '2.5', '3.5'],
    // An environment that undermines recovery is what 24-hour structure answers.
    6: [null, null, '2.1', '3.1', '3.5'],
  },
  '4': {
    // Dimension 1 at 1–2 sets no band by itself: it makes the level medically managed (below).
    1: [null, null, '2.1', '3.1', '4'],
    2: [null, null, '2.1', '3.7', '4'],
    3: [null, null, '2.1', '2.5', '4'],
    4: [null, null, '2.1', '2.5', '3.5'],
    5: [null, null, '2.1', '3.1', '3.5'],
  },
};

const WM_LEVELS_3RD: readonly (string | null)[] = [null, '1-WM', '2-WM', '3.7-WM', '4-WM'];
const MEDICALLY_MANAGED_4TH: Readonly<Record<string, string>> = {
  '1.0': '1.7',
  '1.5': '1.7',
  '1.7': '1.7',
  '2.1': '2.7',
  '2.5': '2.7',
  '2.7': '2.7',
  '3.1': '3.7',
  '3.5': '3.7',
  '3.7': '3.7',
  '4': '4',
};
const BREADTH_COUNT = 3;
const BREADTH_LEVEL = '2.5';

export interface AsamRating {
  readonly dimension: number;
  /** 0–4; null while not yet rated. Fourth-edition dimension 6 is never rated. */
  readonly rating: number | null;
  readonly notes: string;
}

export interface LevelOfCareRecommendation {
  readonly edition: AsamEdition;
  readonly level: string;
  readonly label: string;
  /** Third edition only: the withdrawal-management level beside the treatment level. */
  readonly withdrawalManagement: string | null;
  /** Why, in words a reviewer can check against the ratings. */
  readonly reasons: readonly string[];
  readonly source: string;
}

export function levelLabel(edition: AsamEdition, level: string): string | null {
  return ASAM_LEVELS[edition].find((l) => l.level === level)?.label ?? null;
}

function named(edition: AsamEdition, level: string): string {
  return `${level} ${levelLabel(edition, level) ?? ''}`.trim();
}

/** The ratings the rule needs, in dimension order, or null when any rated dimension lacks one. */
export function ratedDimensions(
  edition: AsamEdition,
  ratings: readonly AsamRating[],
): { dimension: AsamDimension; rating: Rating }[] | null {
  const out: { dimension: AsamDimension; rating: Rating }[] = [];
  for (const dimension of ASAM_DIMENSIONS[edition].filter((d) => d.rated)) {
    const rating = ratings.find((r) => r.dimension === dimension.number)?.rating;
    if (rating === null || rating === undefined || !Number.isInteger(rating) || rating < 0 || rating > 4)
      return null;
    out.push({ dimension, rating: rating as Rating });
  }
  return out;
}

/**
 * The recommended level of care for a set of dimension ratings (see the rule above), or null
 * while a rated dimension has no rating yet.
 */
export function recommendLevelOfCare(
  edition: AsamEdition,
  ratings: readonly AsamRating[],
): LevelOfCareRecommendation | null {
  const rated = ratedDimensions(edition, ratings);
  if (!rated) return null;
  const order = ASAM_LEVELS[edition].map((l) => l.level);
  const rank = (level: string) => order.indexOf(level);
  const reasons: string[] = [];

  const anyRisk = rated.some((r) => r.rating > 0);
  let level = edition === '3' ? (anyRisk ? '1' : '0.5') : anyRisk ? '1.5' : '1.0';
  reasons.push(
    anyRisk
      ? `At least one dimension rated above 0: at least ${named(edition, level)}.`
      : `Every rated dimension is 0: ${named(edition, level)}.`,
  );

  const implied = rated.flatMap(({ dimension, rating }) => {
    const min = MINIMUMS[edition][dimension.number]?.[rating] ?? null;
    return min ? [{ dimension, rating, min }] : [];
  });
  const highest = implied.reduce((max, i) => (rank(i.min) > rank(max) ? i.min : max), level);
  if (rank(highest) > rank(level)) {
    level = highest;
    for (const i of implied.filter((x) => x.min === highest)) {
      reasons.push(
        `Dimension ${i.dimension.number} (${i.dimension.name}) rated ${i.rating}: at least ${named(edition, i.min)}.`,
      );
    }
  }

  const broad = rated.filter((r) => r.rating >= 2);
  if (broad.length >= BREADTH_COUNT && rank(level) < rank(BREADTH_LEVEL)) {
    level = BREADTH_LEVEL;
    reasons.push(
      `${broad.length} dimensions (${broad.map((r) => r.dimension.number).join(', ')}) rated 2 or higher: problems in several areas interact; at least ${named(edition, level)}.`,
    );
  }

  const withdrawal = rated.find((r) => r.dimension.number === 1)?.rating ?? 0;
  let withdrawalManagement: string | null = null;
  if (edition === '3') {
    withdrawalManagement = WM_LEVELS_3RD[withdrawal] ?? null;
    if (withdrawalManagement) {
      reasons.push(`Dimension 1 rated ${withdrawal}: withdrawal management at ${withdrawalManagement}.`);
    }
  } else if (withdrawal >= 1) {
    const managed = MEDICALLY_MANAGED_4TH[level] ?? level;
    if (managed !== level) {
      reasons.push(
        `Dimension 1 rated ${withdrawal}: withdrawal or addiction medication needs medical management, so ${named(edition, managed)} rather than ${level}.`,
      );
      level = managed;
    }
  }

  return {
    edition,
    level,
    label: levelLabel(edition, level) ?? level,
    withdrawalManagement,
    reasons,
    source: ASAM_RULE_SOURCE,
  };
}
