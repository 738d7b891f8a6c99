import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { describeInquiry, findInquiryOrFail, inquiryAudit } from './get-inquiries.js';
import { checkInquiryFields } from './inquiry-checks.js';
import { updateInquiryAtVersion } from './repo.js';
import type { InquiryRow, InquiryUpdate } from './tables.js';

type Ctx = RequestContext & { actor: StaffActor };

function columnsOf(input: api.UpdateInquiryRequest): InquiryUpdate {
  const changes: InquiryUpdate = {};
  const set = <K extends keyof InquiryUpdate>(column: K, value: InquiryUpdate[K] | undefined) => {
    if (value !== undefined) changes[column] = value;
  };
  set('first_name', input.firstName);
  set('last_name', input.lastName);
  set('phone', input.phone);
  set('email', input.email);
  set('preferred_contact_method', input.preferredContactMethod);
  set('best_time_to_contact', input.bestTimeToContact);
  set('date_of_birth', input.dateOfBirth);
  if (input.address !== undefined) {
    const a = input.address;
    changes.address_line1 = a?.line1 ?? null;
    changes.address_line2 = a?.line2 ?? null;
    changes.city = a?.city ?? null;
    changes.region = a?.region ?? null;
    changes.postal_code = a?.postalCode ?? null;
  }
  set('help_wanted', input.helpWanted);
  set('preferred_schedule', input.preferredSchedule);
  set('referral_source_id', input.referralSourceId);
  set('notes', input.notes);
  set('coordinator_id', input.coordinatorId);
  return changes;
}

/** After the change, the inquiry still has a way to reach the person, and the preferred way has its detail. */
function assertStillReachable(current: InquiryRow, changes: InquiryUpdate) {
  const phone = changes.phone !== undefined ? changes.phone : current.phone;
  const email = changes.email !== undefined ? changes.email : current.email;
  const method =
    changes.preferred_contact_method !== undefined
      ? changes.preferred_contact_method
      : current.preferred_contact_method;
  if (!phone && !email) {
    throw new DomainError(
      'validation',
      'Keep a phone number or an email address, so the person can be reached.',
      [
        { field: 'phone', message: 'A phone number or an email is needed.' },
        { field: 'email', message: 'A phone number or an email is needed.' },
      ],
    );
  }
  if ((method === 'phone' || method === 'text') && !phone) {
    throw DomainError.invalid(
      'preferredContactMethod',
      'Calls and texts need a phone number: add one, or choose email.',
    );
  }
  if (method === 'email' && !email) {
    throw DomainError.invalid(
      'preferredContactMethod',
      'Email needs an email address: add one, or choose phone.',
    );
  }
}

/** Changes an inquiry's details at the version the person read (If-Match). The stage moves by transitions only. */
export async function updateInquiry(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: api.UpdateInquiryRequest,
): Promise<api.InquiryDetail> {
  const orgId = ctx.actor.organizationId;
  const current = await findInquiryOrFail(db, orgId, id);
  if (current.version !== expectedVersion)
    throw DomainError.stale('inquiry', await describeInquiry(db, current));
  const changes = columnsOf(input);
  assertStillReachable(current, changes);
  await checkInquiryFields(db, orgId, ctx.now, input);
  const row = await updateInquiryAtVersion(db, orgId, id, expectedVersion, changes, ctx.now);
  if (!row)
    throw DomainError.stale('inquiry', await describeInquiry(db, await findInquiryOrFail(db, orgId, id)));
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.update',
    ...inquiryAudit(row),
    details: { fields: Object.keys(input) },
  });
  return describeInquiry(db, row);
}
