import { type api, localDateOf, type PlanSignerSlot, planDue } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { getOrganization, organizationTimeZone } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';
import { listSignatures } from '../signatures/index.js';
import { planDocument } from './document.js';
import { episodeFacts, findOrThrow, versionOrThrow } from './load-plan.js';
import { planSettingsValues } from './settings.js';
import { DOCUMENT_TYPE, slotOf } from './to-api.js';

const SLOT_LABELS: Record<PlanSignerSlot, string> = {
  clinician: 'Clinician',
  participant: 'Participant',
  supervisor: 'Supervisor (co-signature)',
};

/**
 * The plan as the participant takes it home: names resolved, signatures listed, the next
 * review date. JSON the web app lays out with its print stylesheet (decision 0024).
 */
export async function printablePlan(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  versionNumber: number | undefined,
): Promise<api.PrintablePlan> {
  const orgId = ctx.actor.organizationId;
  const plan = await findOrThrow(db, orgId, id);
  const version = await versionOrThrow(
    db,
    plan,
    versionNumber ?? plan.effective_number ?? plan.current_number,
  );
  const [patient, organization, episode, signatures, settings, timeZone] = [
    await readPatient(db, orgId, plan.patient_id),
    await getOrganization(db, orgId),
    await episodeFacts(db, orgId, plan.episode_id),
    await listSignatures(db, orgId, DOCUMENT_TYPE, plan.id),
    await planSettingsValues(db, orgId),
    await organizationTimeZone(db, orgId),
  ];
  const nextReview =
    version.status === 'signed' && version.signed_at
      ? planDue({
          admissionDate: episode.admissionDate,
          episodeOpen: true,
          lastSignedOn: localDateOf(version.signed_at, timeZone),
          settings,
          today: localDateOf(ctx.now, timeZone),
        })
      : null;
  await recordAuditEvent(db, ctx, {
    action: 'plan.print',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: { versionNumber: version.number },
  });
  return {
    programName: organization.name,
    patient: { name: patient.displayName, dateOfBirth: patient.dateOfBirth, mrn: patient.mrn },
    admissionDate: episode.admissionDate,
    versionNumber: version.number,
    status: version.status,
    signedAt: version.signed_at?.toISOString() ?? null,
    nextReviewDate: nextReview?.dueDate ?? null,
    document: await planDocument(db, orgId, version.content, episode),
    signatures: signatures
      .filter((s) => s.documentVersion === version.number)
      .flatMap((s) => {
        const slot = slotOf(s);
        return slot
          ? [
              {
                slot,
                label: SLOT_LABELS[slot],
                typedName: s.typedName,
                signedAt: s.signedAt,
                method: s.method,
              },
            ]
          : [];
      }),
    printedAt: ctx.now.toISOString(),
  };
}
