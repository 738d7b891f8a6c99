import {
  type api,
  checkSignAttempt,
  DomainError,
  isSupervisor,
  missingForPlanSignature,
  PLAN_PARTICIPANT_ATTESTATION,
  type PlanSignerSlot,
  statusAfterSignatures,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import type { LinkUse } from '../links/index.js';
import { listSignatures, signDocument } from '../signatures/index.js';
import { closeTasksFor } from '../tasks/index.js';
import {
  currentVersion,
  episodeFacts,
  findOrThrow,
  present,
  stalePlan,
  versionOrThrow,
} from './load-plan.js';
import { bumpPlanAtVersion, updateVersion } from './repo.js';
import { invalid } from './save-draft.js';
import { planSettingsValues } from './settings.js';
import type { PlanRow, VersionRow } from './tables.js';
import { DOCUMENT_TYPE, signaturesFor, signedContent } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

async function slotsOf(db: Kysely<DB>, plan: PlanRow, version: VersionRow) {
  const all = await listSignatures(db, plan.organization_id, DOCUMENT_TYPE, plan.id);
  return signaturesFor(version, all, version.cosignature_required);
}

/** Checks the draft is complete (422 listing everything missing) and freezes it for signatures. */
async function freeze(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanRow,
  version: VersionRow,
): Promise<VersionRow> {
  const episode = await episodeFacts(db, plan.organization_id, plan.episode_id);
  const missing = missingForPlanSignature(version.content, { diagnosisCodes: episode.diagnosisCodes });
  if (missing.length > 0) {
    const error = invalid(missing);
    throw new DomainError(
      'validation',
      `The plan cannot be signed yet: ${missing.length} ${missing.length === 1 ? 'item is' : 'items are'} missing.`,
      error.errors,
    );
  }
  const settings = await planSettingsValues(db, plan.organization_id);
  return updateVersion(
    db,
    plan.organization_id,
    version.id,
    {
      status: 'awaiting_signatures',
      submitted_at: ctx.now,
      cosignature_required: settings.cosignatureRequired,
    },
    ctx.now,
  );
}

/**
 * After a signature: the version is in effect once every required signature is there. The
 * plan then points at it, and the due tasks of the episode are done.
 */
async function settle(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanRow,
  version: VersionRow,
): Promise<{ plan: PlanRow; status: VersionRow['status'] }> {
  const slots = await slotsOf(db, plan, version);
  const status = statusAfterSignatures(
    {
      clinician: slots.clinician !== null,
      participant: slots.participant !== null,
      supervisor: slots.supervisor !== null,
    },
    version.cosignature_required,
  );
  if (status !== 'signed' || version.status === 'signed') return { plan, status: version.status };
  await updateVersion(
    db,
    plan.organization_id,
    version.id,
    { status: 'signed', signed_at: ctx.now },
    ctx.now,
  );
  const settled = await bumpPlanAtVersion(
    db,
    plan.organization_id,
    plan.id,
    plan.version,
    { status: 'signed', effective_number: version.number, effective_signed_at: ctx.now },
    ctx.now,
  );
  if (!settled) throw new Error('The plan row is locked by this transaction and cannot have moved.');
  await closeTasksFor(
    db,
    ctx,
    { type: 'episode', id: plan.episode_id },
    {
      kinds: ['plan_due', 'plan_review_due'],
      status: 'done',
      note: `Plan version ${version.number} signed.`,
      organizationId: plan.organization_id,
    },
  );
  return { plan: settled, status: 'signed' };
}

async function auditSignature(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanRow,
  details: { slot: PlanSignerSlot; versionNumber: number; signatureId: string; status: string },
) {
  await recordAuditEvent(db, ctx, {
    action: 'plan.sign',
    organizationId: plan.organization_id,
    ...(ctx.actor ? {} : { actorLabel: 'one-time link' }),
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details,
  });
}

/** Loads the plan at the version read (If-Match) and moves its counter, locking the row. */
async function begin(db: Kysely<DB>, ctx: Ctx, id: string, expectedVersion: number) {
  const orgId = ctx.actor.organizationId;
  const plan = await findOrThrow(db, orgId, id);
  if (plan.version !== expectedVersion) throw await stalePlan(db, plan, expectedVersion, ctx.now);
  const version = await currentVersion(db, plan);
  return { plan, version };
}

async function bump(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanRow,
  changes: { status?: VersionRow['status'] } = {},
) {
  const bumped = await bumpPlanAtVersion(db, plan.organization_id, plan.id, plan.version, changes, ctx.now);
  if (!bumped)
    throw await stalePlan(db, await findOrThrow(db, plan.organization_id, plan.id), plan.version, ctx.now);
  return bumped;
}

/** Sends the draft for signatures without signing it (so the participant may sign first). */
export async function submitPlan(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
): Promise<api.TreatmentPlan> {
  const { plan, version } = await begin(db, ctx, id, expectedVersion);
  if (version.status !== 'draft') {
    throw new DomainError(
      'invalid_state',
      'Only a draft is sent for signatures; this version is not a draft.',
    );
  }
  const bumped = await bump(db, ctx, plan, { status: 'awaiting_signatures' });
  await freeze(db, ctx, plan, version);
  await recordAuditEvent(db, ctx, {
    action: 'plan.submit',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: { versionNumber: version.number },
  });
  return present(db, bumped, ctx.now);
}

/** The clinician signs (a draft is checked and frozen first) with their password. */
export async function signPlanAsClinician(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.SignPlanRequest>,
): Promise<api.TreatmentPlan> {
  const { plan, version } = await begin(db, ctx, id, expectedVersion);
  const slots = await slotsOf(db, plan, version);
  const refusal = checkSignAttempt({
    slot: 'clinician',
    status: version.status,
    signed: {
      clinician: !!slots.clinician,
      participant: !!slots.participant,
      supervisor: !!slots.supervisor,
    },
  });
  if (refusal) throw refusal;
  let bumped = await bump(db, ctx, plan, { status: 'awaiting_signatures' });
  const frozen = version.status === 'draft' ? await freeze(db, ctx, plan, version) : version;
  const signature = await signDocument(db, ctx, {
    documentType: DOCUMENT_TYPE,
    documentId: plan.id,
    documentVersion: frozen.number,
    content: signedContent(plan, frozen),
    signerRole: 'author',
    method: 'password',
    typedName: input.typedName,
    password: input.password,
    patientId: plan.patient_id,
  });
  const settled = await settle(db, ctx, bumped, frozen);
  bumped = settled.plan;
  await auditSignature(db, ctx, plan, {
    slot: 'clinician',
    versionNumber: frozen.number,
    signatureId: signature.id,
    status: settled.status,
  });
  return present(db, bumped, ctx.now);
}

/** The participant (or guardian) signs in front of staff, who record it. */
export async function signPlanInPerson(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.ParticipantSignPlanRequest>,
): Promise<api.TreatmentPlan> {
  const { plan, version } = await begin(db, ctx, id, expectedVersion);
  const {
    signature,
    plan: after,
    status,
  } = await participantSigns(db, ctx, plan, version, {
    signerRole: input.signerRole,
    method: 'in_person',
    typedName: input.typedName,
    link: null,
  });
  await auditSignature(db, ctx, plan, {
    slot: 'participant',
    versionNumber: version.number,
    signatureId: signature.id,
    status,
  });
  return present(db, after, ctx.now);
}

/** The participant's signature, in person or through their link (already redeemed). */
export async function participantSigns(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanRow,
  version: VersionRow,
  input: {
    signerRole: 'patient' | 'guardian';
    method: 'in_person' | 'one_time_link';
    typedName: string | undefined;
    link: LinkUse | null;
    userAgent?: string | null;
  },
) {
  const slots = await slotsOf(db, plan, version);
  const refusal = checkSignAttempt({
    slot: 'participant',
    status: version.status,
    signed: {
      clinician: !!slots.clinician,
      participant: !!slots.participant,
      supervisor: !!slots.supervisor,
    },
  });
  if (refusal) throw refusal;
  const bumped = await bump(db, ctx, plan);
  const signature = await signDocument(db, ctx, {
    documentType: DOCUMENT_TYPE,
    documentId: plan.id,
    documentVersion: version.number,
    content: signedContent(plan, version),
    signerRole: input.signerRole,
    method: input.method,
    typedName: input.typedName,
    patientId: plan.patient_id,
    attestation: PLAN_PARTICIPANT_ATTESTATION,
    viaLink: input.link,
    userAgent: input.userAgent ?? null,
  });
  const settled = await settle(db, ctx, bumped, version);
  return { signature, plan: settled.plan, status: settled.status };
}

/** A supervisor (program director) co-signs the clinician's signature with their password. */
export async function cosignPlan(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof api.CosignPlanRequest>,
): Promise<api.TreatmentPlan> {
  const { plan, version } = await begin(db, ctx, id, expectedVersion);
  // The version co-signed: the current one, or (for an optional co-signature) the one in effect.
  const target =
    version.status === 'draft' && plan.effective_number !== null && plan.effective_number !== version.number
      ? await versionOrThrow(db, plan, plan.effective_number)
      : version;
  const slots = await slotsOf(db, plan, target);
  const refusal = checkSignAttempt({
    slot: 'supervisor',
    status: target.status,
    signed: {
      clinician: !!slots.clinician,
      participant: !!slots.participant,
      supervisor: !!slots.supervisor,
    },
    signerIsSupervisor: isSupervisor(ctx.actor.roles),
    signerIsClinicianSigner: slots.clinician?.signerUserId === ctx.actor.userId,
  });
  if (refusal) throw refusal;
  const bumped = await bump(db, ctx, plan);
  const signature = await signDocument(db, ctx, {
    documentType: DOCUMENT_TYPE,
    documentId: plan.id,
    documentVersion: target.number,
    content: signedContent(plan, target),
    signerRole: 'cosigner',
    method: 'password',
    typedName: input.typedName,
    password: input.password,
    patientId: plan.patient_id,
    cosignsSignatureId: slots.clinician?.id ?? null,
  });
  const settled = await settle(db, ctx, bumped, target);
  await auditSignature(db, ctx, plan, {
    slot: 'supervisor',
    versionNumber: target.number,
    signatureId: signature.id,
    status: settled.status,
  });
  return present(db, settled.plan, ctx.now);
}
