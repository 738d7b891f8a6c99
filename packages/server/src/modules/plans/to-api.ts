import {
  type api,
  DEFAULT_PLAN_SETTINGS,
  missingForPlanSignature,
  missingSignatures,
  type PlanDue,
  type PlanSettingsValues,
  type PlanSignerSlot,
} from '@trellis/domain';
import type { PlanRow, ReviewRow, TemplateRow, VersionRow } from './tables.js';

export const DOCUMENT_TYPE = 'treatment_plan';

/**
 * Exactly what a signature covers: the version's content, its number, and which patient and
 * episode it is about. Canonical JSON of this is hashed.
 */
export function signedContent(plan: PlanRow, version: VersionRow) {
  return {
    documentType: DOCUMENT_TYPE,
    planId: plan.id,
    patientId: plan.patient_id,
    episodeId: plan.episode_id,
    versionNumber: version.number,
    content: version.content,
  };
}

/** Which slot a signature fills: the author is the clinician, a patient or guardian the participant. */
export function slotOf(signature: api.Signature): PlanSignerSlot | null {
  switch (signature.signerRole) {
    case 'author':
      return 'clinician';
    case 'patient':
    case 'guardian':
      return 'participant';
    case 'cosigner':
      return 'supervisor';
    default:
      return null;
  }
}

export function signaturesFor(
  version: VersionRow,
  all: readonly api.Signature[],
  cosignatureRequired: boolean,
): api.PlanSignatures {
  const mine = all.filter((s) => s.documentVersion === version.number);
  const find = (slot: PlanSignerSlot) => mine.find((s) => slotOf(s) === slot) ?? null;
  const clinician = find('clinician');
  const participant = find('participant');
  const supervisor = find('supervisor');
  return {
    clinician,
    participant,
    supervisor,
    cosignatureRequired,
    missing:
      version.status === 'signed' || version.status === 'voided'
        ? []
        : missingSignatures(
            {
              clinician: clinician !== null,
              participant: participant !== null,
              supervisor: supervisor !== null,
            },
            cosignatureRequired,
          ),
  };
}

/** A draft follows the organization's current rule; a frozen version keeps the one it was frozen with. */
export function cosignatureRuleOf(version: VersionRow, settings: PlanSettingsValues): boolean {
  return version.status === 'draft' ? settings.cosignatureRequired : version.cosignature_required;
}

export function toVersion(
  version: VersionRow,
  signatures: readonly api.Signature[],
  settings: PlanSettingsValues = DEFAULT_PLAN_SETTINGS,
): api.PlanVersion {
  return {
    id: version.id,
    planId: version.plan_id,
    number: version.number,
    status: version.status,
    content: version.content,
    basedOnNumber: version.based_on_number,
    reviewId: version.review_id,
    signatures: signaturesFor(version, signatures, cosignatureRuleOf(version, settings)),
    createdBy: version.created_by,
    createdAt: version.created_at.toISOString(),
    updatedAt: version.updated_at.toISOString(),
    submittedAt: version.submitted_at?.toISOString() ?? null,
    signedAt: version.signed_at?.toISOString() ?? null,
  };
}

export function toVersionSummary(version: VersionRow): api.PlanVersionSummary {
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    basedOnNumber: version.based_on_number,
    reviewId: version.review_id,
    createdAt: version.created_at.toISOString(),
    submittedAt: version.submitted_at?.toISOString() ?? null,
    signedAt: version.signed_at?.toISOString() ?? null,
  };
}

export function toPlan(
  plan: PlanRow,
  versions: readonly VersionRow[],
  signatures: readonly api.Signature[],
  context: { settings: PlanSettingsValues; diagnosisCodes: readonly string[]; due: PlanDue | null },
): api.TreatmentPlan {
  const current = versions.find((v) => v.number === plan.current_number);
  if (!current) throw new Error(`Plan ${plan.id} has no version ${plan.current_number}.`);
  return {
    id: plan.id,
    patientId: plan.patient_id,
    episodeId: plan.episode_id,
    status: plan.status,
    current: toVersion(current, signatures, context.settings),
    effectiveVersionNumber: plan.effective_number,
    versions: versions.map(toVersionSummary),
    missing:
      current.status === 'signed' || current.status === 'voided'
        ? []
        : missingForPlanSignature(current.content, { diagnosisCodes: context.diagnosisCodes }),
    due: context.due,
    version: plan.version,
    createdAt: plan.created_at.toISOString(),
    updatedAt: plan.updated_at.toISOString(),
  };
}

export function toReview(row: ReviewRow): api.PlanReview {
  return {
    id: row.id,
    planId: row.plan_id,
    reviewedVersionNumber: row.reviewed_number,
    resultingVersionNumber: row.resulting_number,
    reviewedOn: row.reviewed_on,
    summary: row.summary,
    participantComment: row.participant_comment,
    progress: row.progress,
    reviewedBy: row.reviewed_by,
    createdAt: row.created_at.toISOString(),
  };
}

export function toTemplate(row: TemplateRow): api.PlanTemplate {
  return {
    id: row.id,
    starterKey: row.starter_key,
    title: row.title,
    description: row.description,
    content: row.content,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
