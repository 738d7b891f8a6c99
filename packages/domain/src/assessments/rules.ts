import type { FieldProblem } from '../errors.js';
import {
  ASAM_DIMENSIONS,
  type AsamEdition,
  type AsamRating,
  type LevelOfCareRecommendation,
  levelLabel,
  recommendLevelOfCare,
} from './asam.js';
import { ASSESSMENT_SECTIONS, type AssessmentSections } from './sections.js';

/** The part of an assessment that the rules read. */
export interface AssessmentContent {
  readonly sections: AssessmentSections;
  readonly asam: { readonly edition: AsamEdition; readonly ratings: readonly AsamRating[] };
  readonly levelOfCare: { readonly chosen: string | null; readonly overrideReason: string | null };
  readonly diagnoses: readonly { readonly code: string }[];
}

/** A documented reason is a sentence, not "n/a". */
export const MIN_OVERRIDE_REASON = 10;

/**
 * The clinician's level-of-care decision against the recommendation: a level of the edition,
 * and a reason whenever it differs from what the rule recommends (the reason is what a payer's
 * utilisation reviewer reads). A decision may wait while the draft is incomplete.
 */
export function levelOfCareProblems(
  edition: AsamEdition,
  recommendation: LevelOfCareRecommendation | null,
  decision: AssessmentContent['levelOfCare'],
): FieldProblem[] {
  const { chosen, overrideReason } = decision;
  if (chosen === null) return [];
  if (levelLabel(edition, chosen) === null) {
    return [
      {
        field: 'levelOfCare.chosen',
        message: `${chosen} is not a level of the ASAM ${edition === '3' ? 'third' : 'fourth'} edition.`,
      },
    ];
  }
  if (
    recommendation &&
    chosen !== recommendation.level &&
    (overrideReason ?? '').trim().length < MIN_OVERRIDE_REASON
  ) {
    return [
      {
        field: 'levelOfCare.overrideReason',
        message: `Say why you chose ${chosen} rather than the recommended ${recommendation.level} (at least ${MIN_OVERRIDE_REASON} characters).`,
      },
    ];
  }
  return [];
}

/**
 * What is missing before the assessment can be signed, as field problems (empty when complete):
 * every section's narrative and its required fields, a rating and notes for every ASAM dimension
 * (notes only for a dimension the edition does not rate), the level-of-care decision with its
 * reason, and at least one diagnosis.
 */
export function missingForSignature(content: AssessmentContent): FieldProblem[] {
  const missing: FieldProblem[] = [];
  for (const section of ASSESSMENT_SECTIONS) {
    const given = content.sections[section.key];
    if (!given || given.narrative.trim() === '') {
      missing.push({
        field: `sections.${section.key}.narrative`,
        message: `Write the ${section.label.toLowerCase()} section.`,
      });
    }
    for (const field of section.fields.filter((f) => f.requiredToSign)) {
      const value = given?.fields[field.key];
      if (value === null || value === undefined || value === '') {
        missing.push({
          field: `sections.${section.key}.fields.${field.key}`,
          message: `Answer “${field.label}” in ${section.label}.`,
        });
      }
    }
  }
  const { edition, ratings } = content.asam;
  for (const dimension of ASAM_DIMENSIONS[edition]) {
    const given = ratings.find((r) => r.dimension === dimension.number);
    if (dimension.rated && (given?.rating === null || given?.rating === undefined)) {
      missing.push({
        field: `asam.dimension${dimension.number}.rating`,
        message: `Rate ASAM dimension ${dimension.number} (${dimension.name}) from 0 to 4.`,
      });
    }
    if (!given || given.notes.trim() === '') {
      missing.push({
        field: `asam.dimension${dimension.number}.notes`,
        message: `Add notes for ASAM dimension ${dimension.number} (${dimension.name}).`,
      });
    }
  }
  const recommendation = recommendLevelOfCare(edition, ratings);
  if (content.levelOfCare.chosen === null) {
    missing.push({
      field: 'levelOfCare.chosen',
      message: 'Choose the level of care (confirm the recommendation or override it).',
    });
  } else {
    missing.push(...levelOfCareProblems(edition, recommendation, content.levelOfCare));
  }
  if (content.diagnoses.length === 0) {
    missing.push({ field: 'diagnoses', message: 'Set or confirm at least one diagnosis.' });
  }
  return missing;
}
