import { type api, DomainError, formatUsPhone, transitionInquiry } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { moveInquiryCoveragesToPatient } from '../coverage/index.js';
import { admitPatient } from '../episodes/index.js';
import { createPatient, readPatient } from '../patients/index.js';
import { inquiryAudit } from './get-inquiries.js';
import { applyTransition, inquiryFacts, lockInquiryForChange } from './move-inquiry.js';
import { findReferralSource, updateInquiryAtVersion } from './repo.js';
import type { InquiryRow } from './tables.js';
import { toInquiry } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

interface Conversion {
  row: InquiryRow;
  patientId: string;
  createdPatient: boolean;
  coverageIds: string[];
}

/** The patient's registration, taken from the inquiry: nothing is typed twice. */
function registrationOf(row: InquiryRow, confirmNotDuplicate: boolean | undefined) {
  if (!row.date_of_birth) {
    throw DomainError.invalid(
      'dateOfBirth',
      'Record the date of birth on the inquiry first: a patient is registered with it.',
    );
  }
  const hasAddress = [row.address_line1, row.address_line2, row.city, row.region, row.postal_code].some(
    Boolean,
  );
  return {
    legalFirstName: row.first_name,
    legalLastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    phone: row.phone ? formatUsPhone(row.phone) : null,
    email: row.email,
    ...(hasAddress
      ? {
          address: {
            line1: row.address_line1,
            line2: row.address_line2,
            city: row.city,
            region: row.region,
            postalCode: row.postal_code,
          },
        }
      : {}),
    ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  };
}

async function convertLocked(
  db: Kysely<DB>,
  ctx: Ctx,
  row: InquiryRow,
  request: api.ConvertInquiryRequest,
): Promise<Conversion> {
  const orgId = ctx.actor.organizationId;
  if (row.patient_id) {
    throw new DomainError(
      'invalid_state',
      'This inquiry is already linked to a patient. Open the patient’s record.',
    );
  }
  if (row.stage === 'closed') {
    throw new DomainError(
      'invalid_state',
      'This inquiry is closed. Reopen it before registering the person.',
    );
  }
  let patientId: string;
  let createdPatient = false;
  if (request.existingPatientId) {
    patientId = (await readPatient(db, orgId, request.existingPatientId)).id;
  } else {
    // A possible duplicate (same name and date of birth) answers 409 with the candidates; the
    // person then links one (existingPatientId) or confirms this is someone else.
    patientId = (await createPatient(db, ctx, registrationOf(row, request.confirmNotDuplicate))).id;
    createdPatient = true;
  }
  const coverageIds = await moveInquiryCoveragesToPatient(db, ctx, row.id, patientId);
  const updated = await updateInquiryAtVersion(
    db,
    orgId,
    row.id,
    row.version,
    { patient_id: patientId, converted_at: ctx.now },
    ctx.now,
  );
  if (!updated) throw DomainError.stale('inquiry', toInquiry(row));
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.convert',
    ...inquiryAudit(updated),
    details: { createdPatient, coverageIds },
  });
  return { row: updated, patientId, createdPatient, coverageIds };
}

/**
 * Registers the person of an inquiry as a patient (or links an existing patient), brings the
 * inquiry's coverages to the patient, and links the inquiry to the patient.
 */
export async function convertInquiry(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  request: api.ConvertInquiryRequest,
  expectedVersion?: number,
): Promise<api.ConvertInquiryResult> {
  const row = await lockInquiryForChange(db, ctx, id, expectedVersion);
  const done = await convertLocked(db, ctx, row, request);
  return {
    inquiry: toInquiry(done.row),
    patientId: done.patientId,
    createdPatient: done.createdPatient,
    coverageIds: done.coverageIds,
  };
}

/**
 * Admission from the pipeline, in one transaction: registers the patient if the inquiry has none
 * yet, admits them into a track (an episode of care, by the episodes module), and moves the
 * inquiry to "admitted". The inquiry's referral source goes with the admission unless another
 * is given. Refused (nothing written) unless the inquiry is at "assessment booked".
 */
export async function admitInquiry(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  request: api.AdmitInquiryRequest,
  expectedVersion?: number,
): Promise<api.AdmitInquiryResult> {
  let row = await lockInquiryForChange(db, ctx, id, expectedVersion);
  const facts = await inquiryFacts(db, row);
  // Judge the move before any work, so a wrong stage is refused with the pipeline's words.
  transitionInquiry(
    facts,
    { to: 'admitted', patientId: 'pending', episodeId: 'pending' },
    ctx.now,
    ctx.actor,
  );

  let createdPatient = false;
  let coverageIds: string[] = [];
  if (!row.patient_id) {
    const done = await convertLocked(db, ctx, row, request);
    row = done.row;
    createdPatient = done.createdPatient;
    coverageIds = done.coverageIds;
  } else if (request.existingPatientId && request.existingPatientId !== row.patient_id) {
    throw DomainError.invalid('existingPatientId', 'This inquiry is already linked to another patient.');
  }
  const patientId = row.patient_id as string;

  const admission = { ...request.admission };
  if (admission.referralSource === undefined && row.referral_source_id) {
    const source = await findReferralSource(db, ctx.actor.organizationId, row.referral_source_id);
    admission.referralSource = { id: row.referral_source_id, text: source?.name ?? null };
  }
  const episode = await admitPatient(db, ctx, { ...admission, patientId });
  const outcome = transitionInquiry(
    facts,
    { to: 'admitted', patientId, episodeId: episode.id },
    ctx.now,
    ctx.actor,
  );
  const admitted = await applyTransition(db, ctx, row, outcome);
  return {
    inquiry: toInquiry(admitted),
    patientId,
    episodeId: episode.id,
    createdPatient,
    coverageIds,
  };
}
