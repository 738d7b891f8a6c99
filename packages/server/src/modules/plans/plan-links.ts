import { type api, DomainError, PLAN_PARTICIPANT_ATTESTATION } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { issueLink, type LinkRequestContext, type LinkUse, peekLink, redeemLink } from '../links/index.js';
import { getOrganization } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';
import { listSignatures } from '../signatures/index.js';
import { planDocument } from './document.js';
import { currentVersion, episodeFacts, findOrThrow, versionOrThrow } from './load-plan.js';
import { findPlan, findSignatureLink, insertSignatureLink } from './repo.js';
import { participantSigns } from './sign-plan.js';
import type { PlanRow, VersionRow } from './tables.js';
import { DOCUMENT_TYPE, signaturesFor } from './to-api.js';

async function participantSigned(db: Kysely<DB>, plan: PlanRow, version: VersionRow): Promise<boolean> {
  const all = await listSignatures(db, plan.organization_id, DOCUMENT_TYPE, plan.id);
  return signaturesFor(version, all, version.cosignature_required).participant !== null;
}

/**
 * A one-time link for the participant to read and sign the version awaiting signatures on
 * their phone (links module, purpose plan_signature). The token is in the answer once.
 */
export async function issuePlanLink(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  id: string,
  input: z.output<typeof api.IssuePlanLinkRequest>,
): Promise<z.infer<typeof api.PlanSignatureLink>> {
  const plan = await findOrThrow(db, ctx.actor.organizationId, id);
  const version = await currentVersion(db, plan);
  if (version.status !== 'awaiting_signatures') {
    throw new DomainError(
      'invalid_state',
      'Only a plan awaiting signatures can be sent for signing. Sign it as the clinician (or send it for signatures) first.',
    );
  }
  if (await participantSigned(db, plan, version)) {
    throw new DomainError('conflict', 'The participant has already signed this version.');
  }
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInHours * 3_600_000);
  const issued = await issueLink(db, ctx, {
    purpose: 'plan_signature',
    subject: { type: DOCUMENT_TYPE, id: plan.id },
    patientId: plan.patient_id,
    expiresAt,
  });
  await insertSignatureLink(db, {
    link_id: issued.link.id,
    organization_id: plan.organization_id,
    plan_id: plan.id,
    version_number: version.number,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'plan.link.issue',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: { versionNumber: version.number, linkId: issued.link.id, expiresAt: expiresAt.toISOString() },
  });
  return {
    token: issued.token,
    path: issued.path,
    versionNumber: version.number,
    expiresAt: expiresAt.toISOString(),
  };
}

const NOT_VALID = () =>
  new DomainError(
    'not_found',
    'This link is not valid. Check that you opened the whole link from your message, or ask your care team for a new one.',
  );

/** The plan and version a link is for, still waiting for the participant's signature. */
async function linkedVersion(db: Kysely<DB>, link: LinkUse) {
  if (link.subject.type !== DOCUMENT_TYPE) throw NOT_VALID();
  const row = await findSignatureLink(db, link.organizationId, link.id);
  const plan = row ? await findPlan(db, link.organizationId, row.plan_id) : undefined;
  if (!row || !plan) throw NOT_VALID();
  const version = await versionOrThrow(db, plan, row.version_number);
  if (version.status !== 'awaiting_signatures' || plan.current_number !== version.number) {
    throw new DomainError(
      'invalid_state',
      'This plan has changed since the link was sent, so it cannot be signed here. Ask your care team for a new link.',
    );
  }
  if (await participantSigned(db, plan, version)) {
    throw new DomainError('conflict', 'This plan has already been signed. Thank you.');
  }
  return { plan, version };
}

function linkContext(ctx: LinkRequestContext): RequestContext {
  return { actor: null, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now };
}

/** What the participant sees: their first name, the program, and the plan in plain words. The link is checked, not used. */
export async function openPlanSigning(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
): Promise<api.PublicPlanSigning> {
  const link = await peekLink(db, token, 'plan_signature', ctx.now);
  const { plan, version } = await linkedVersion(db, link);
  const [patient, organization, episode] = [
    await readPatient(db, plan.organization_id, plan.patient_id),
    await getOrganization(db, plan.organization_id),
    await episodeFacts(db, plan.organization_id, plan.episode_id),
  ];
  await recordAuditEvent(db, linkContext(ctx), {
    action: 'plan.signing.open',
    organizationId: plan.organization_id,
    actorLabel: 'one-time link',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: { linkId: link.id, versionNumber: version.number },
  });
  return {
    firstName: (patient.preferredName?.trim() || patient.legalFirstName).split(/\s+/)[0] ?? '',
    programName: organization.name,
    versionNumber: version.number,
    expiresAt: link.expiresAt.toISOString(),
    document: await planDocument(db, plan.organization_id, version.content, episode),
    attestation: PLAN_PARTICIPANT_ATTESTATION,
  };
}

/** The participant signs through the link: the link is used in the same transaction as the signature. */
export async function signPlanByLink(
  db: Kysely<DB>,
  ctx: LinkRequestContext & { userAgent?: string | null },
  token: string,
  input: z.output<typeof api.PublicPlanSignRequest>,
): Promise<z.infer<typeof api.PublicPlanSigned>> {
  const link = await redeemLink(db, token, 'plan_signature', ctx);
  const { plan, version } = await linkedVersion(db, link);
  const request = linkContext(ctx);
  const result = await participantSigns(db, request, plan, version, {
    signerRole: input.signerRole,
    method: 'one_time_link',
    typedName: input.typedName,
    link,
    userAgent: ctx.userAgent ?? null,
  });
  await recordAuditEvent(db, request, {
    action: 'plan.sign',
    organizationId: plan.organization_id,
    actorLabel: 'one-time link',
    resourceType: 'treatment_plan',
    resourceId: plan.id,
    patientId: plan.patient_id,
    details: {
      slot: 'participant',
      versionNumber: version.number,
      signatureId: result.signature.id,
      status: result.status,
      linkId: link.id,
    },
  });
  return { signedAt: result.signature.signedAt, versionNumber: version.number, status: result.status };
}
