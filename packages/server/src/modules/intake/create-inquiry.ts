import type { api, InquirySource } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { createCoverage } from '../coverage/index.js';
import { checkInquiryFields, newReference } from './inquiry-checks.js';
import { insertInquiry } from './repo.js';
import type { InquiryRow, NewInquiry } from './tables.js';

type Ctx = RequestContext & { actor: StaffActor };

/** An inquiry as it is first written, from the phone, a referral or the public form. */
export interface InquiryToWrite {
  organizationId: string;
  source: InquirySource;
  fields: Omit<
    NewInquiry,
    | 'id'
    | 'organization_id'
    | 'reference'
    | 'source'
    | 'stage'
    | 'stage_changed_at'
    | 'created_at'
    | 'updated_at'
  >;
  insurance?: api.InsuranceAsTold | undefined;
  /** How the audit log names the author when no one is signed in. */
  actorLabel?: string;
}

/**
 * Writes a new inquiry at stage "new" and, when the person told their insurance, a coverage of
 * the inquiry pending verification with a verification request in the work queue.
 */
export async function writeInquiry(
  db: Kysely<DB>,
  ctx: RequestContext,
  inquiry: InquiryToWrite,
): Promise<InquiryRow> {
  const orgId = inquiry.organizationId;
  const row = await insertInquiry(db, {
    id: newId(),
    organization_id: orgId,
    reference: await newReference(db, orgId),
    source: inquiry.source,
    stage: 'new',
    ...inquiry.fields,
    stage_changed_at: ctx.now,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.create',
    organizationId: orgId,
    ...(inquiry.actorLabel && !ctx.actor ? { actorLabel: inquiry.actorLabel } : {}),
    resourceType: 'inquiry',
    resourceId: row.id,
    details: { source: row.source, insurance: inquiry.insurance !== undefined },
  });
  if (inquiry.insurance) {
    const told = inquiry.insurance;
    await createCoverage(
      db,
      ctx,
      { inquiryId: row.id },
      {
        payerName: told.payerName,
        memberId: told.memberId ?? null,
        subscriberName: told.subscriberName ?? null,
        subscriberDateOfBirth: told.subscriberDateOfBirth ?? null,
        relationship: told.relationship ?? null,
        priority: 'primary',
        status: 'pending_verification',
      },
      { requestVerification: true, organizationId: orgId },
    );
  }
  return row;
}

/** An inquiry a coordinator takes on the phone or from a referral partner. */
export async function createInquiry(
  db: Kysely<DB>,
  ctx: Ctx,
  input: api.CreateInquiryRequest,
): Promise<InquiryRow> {
  const orgId = ctx.actor.organizationId;
  // The coordinator who takes the call works the inquiry unless someone else is named.
  const coordinatorId =
    input.coordinatorId !== undefined
      ? input.coordinatorId
      : ctx.actor.roles.includes('intake')
        ? ctx.actor.userId
        : null;
  await checkInquiryFields(db, orgId, ctx.now, { ...input, coordinatorId });
  return writeInquiry(db, ctx, {
    organizationId: orgId,
    source: input.source ?? (input.referralSourceId ? 'referral' : 'phone'),
    insurance: input.insurance,
    fields: {
      first_name: input.firstName,
      last_name: input.lastName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferred_contact_method: input.preferredContactMethod ?? null,
      best_time_to_contact: input.bestTimeToContact ?? null,
      date_of_birth: input.dateOfBirth ?? null,
      address_line1: input.address?.line1 ?? null,
      address_line2: input.address?.line2 ?? null,
      city: input.address?.city ?? null,
      region: input.address?.region ?? null,
      postal_code: input.address?.postalCode ?? null,
      help_wanted: input.helpWanted ?? 'unsure',
      preferred_schedule: input.preferredSchedule ?? [],
      referral_source_id: input.referralSourceId ?? null,
      notes: input.notes ?? null,
      coordinator_id: coordinatorId,
      created_by: ctx.actor.userId,
    },
  });
}
