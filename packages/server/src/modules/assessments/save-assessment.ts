import {
  ASAM_DIMENSIONS,
  type api,
  DomainError,
  type FieldProblem,
  levelOfCareProblems,
  recommendLevelOfCare,
  resolveDiagnoses,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { administrationsOf } from '../measures/index.js';
import { findOrThrow, present } from './load-assessment.js';
import { type DraftColumns, updateDraftAtVersion } from './repo.js';
import type { AssessmentRow, StoredSections } from './tables.js';

export type SaveAssessmentInput = z.output<typeof api.SaveAssessmentRequest>;

export function signedAlready(): DomainError {
  return new DomainError(
    'invalid_state',
    'This assessment is signed and can no longer change: add an addendum with the correction or the new information.',
  );
}

function invalid(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    'validation',
    problems.length === 1 && first ? first.message : `${problems.length} fields need attention.`,
    problems,
  );
}

/** Drops unanswered fields so the stored draft holds only what was entered. */
function cleanSections(input: SaveAssessmentInput['sections']): StoredSections {
  const out: StoredSections = {};
  for (const [key, section] of Object.entries(input)) {
    if (!section) continue;
    const fields = Object.fromEntries(
      Object.entries(section.fields as Record<string, unknown>).filter(([, v]) => v !== undefined),
    ) as StoredSections[string]['fields'];
    out[key] = { narrative: section.narrative, fields };
  }
  return out;
}

/**
 * Checks a draft as far as a draft can be checked: diagnoses on the curated list, the
 * intake instruments this patient's, ratings only where the edition rates, and a chosen level
 * that exists in the edition. What is merely missing (sections, notes, an override reason)
 * waits for signing, so autosave never fails on a half-written form.
 */
async function draftColumns(
  db: Kysely<DB>,
  current: AssessmentRow,
  input: SaveAssessmentInput,
): Promise<DraftColumns> {
  const problems: FieldProblem[] = [];
  const diagnoses = resolveDiagnoses(input.diagnoses);
  if (!diagnoses.ok) problems.push(...diagnoses.problems);

  const edition = input.asam.edition;
  input.asam.ratings.forEach((r, i) => {
    const dimension = ASAM_DIMENSIONS[edition].find((d) => d.number === r.dimension);
    if (dimension && !dimension.rated && r.rating !== null) {
      problems.push({
        field: `asam.ratings.${i}.rating`,
        message: `Dimension ${r.dimension} (${dimension.name}) is not rated in the fourth edition; describe it in the notes.`,
      });
    }
  });
  const ratings = [...input.asam.ratings].sort((x, y) => x.dimension - y.dimension);
  const recommendation = recommendLevelOfCare(edition, ratings);
  problems.push(
    ...levelOfCareProblems(edition, recommendation, {
      chosen: input.levelOfCare.chosen,
      overrideReason: null,
    }).filter((p) => p.field === 'levelOfCare.chosen'),
  );

  const ids = [...new Set(input.administrationIds)];
  const found = await administrationsOf(db, current.organization_id, current.patient_id, ids);
  ids.forEach((id, i) => {
    if (!found.some((a) => a.id === id)) {
      problems.push({ field: `administrationIds.${i}`, message: 'Not an instrument given to this patient.' });
    }
  });
  if (problems.length > 0) throw invalid(problems);

  return {
    sections: cleanSections(input.sections),
    asam_edition: edition,
    asam_ratings: ratings,
    recommended_level: recommendation?.level ?? null,
    chosen_level: input.levelOfCare.chosen,
    override_reason: input.levelOfCare.overrideReason,
    diagnoses: diagnoses.ok ? diagnoses.diagnoses.map((d) => ({ code: d.code, primary: d.primary })) : [],
    administration_ids: ids,
  };
}

/**
 * Autosaves the whole draft at the version the form read (If-Match): a second tab or a
 * colleague who saved in between gets 409 with the current draft, never a silent overwrite.
 */
export async function saveAssessment(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  expectedVersion: number,
  input: SaveAssessmentInput,
): Promise<api.Assessment> {
  const orgId = ctx.actor.organizationId;
  const current = await findOrThrow(db, orgId, id);
  if (current.status === 'signed') throw signedAlready();
  if (current.version !== expectedVersion) throw DomainError.stale('assessment', await present(db, current));
  const columns = await draftColumns(db, current, input);
  const row = await updateDraftAtVersion(db, orgId, id, expectedVersion, columns, ctx.now);
  if (!row) {
    const now = await findOrThrow(db, orgId, id);
    if (now.status === 'signed') throw signedAlready();
    throw DomainError.stale('assessment', await present(db, now));
  }
  await recordAuditEvent(db, ctx, {
    action: 'assessment.update',
    resourceType: 'assessment',
    resourceId: id,
    patientId: row.patient_id,
    details: {
      version: row.version,
      sections: Object.keys(columns.sections).sort(),
      recommendedLevel: columns.recommended_level,
      chosenLevel: columns.chosen_level,
      diagnosisCodes: columns.diagnoses.map((d) => d.code),
    },
  });
  return present(db, row);
}
