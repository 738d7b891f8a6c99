import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { createCoverage } from '../coverage/index.js';
import { findInquiryOrFail } from './get-inquiries.js';

type Ctx = RequestContext & { actor: StaffActor };

/**
 * Adds an insurance coverage to an inquiry before there is a patient (a second card, or the
 * insurance heard on a later call). A verification request goes to the work queue with it.
 * Once the inquiry has a patient, coverages belong on the patient.
 */
export async function addInquiryCoverage(
  db: Kysely<DB>,
  ctx: Ctx,
  inquiryId: string,
  input: api.CoverageInput,
): Promise<api.Coverage> {
  const inquiry = await findInquiryOrFail(db, ctx.actor.organizationId, inquiryId);
  if (inquiry.patient_id) {
    throw new DomainError(
      'invalid_state',
      'This inquiry is linked to a patient now: add the coverage on the patient’s insurance instead.',
    );
  }
  return createCoverage(db, ctx, { inquiryId }, input, { requestVerification: true });
}
