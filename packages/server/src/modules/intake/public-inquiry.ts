import { randomBytes } from 'node:crypto';
import {
  type api,
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  type ContactMethod,
  CRISIS_RESOURCES,
  DomainError,
  formatUsPhone,
  HELP_WANTED,
  HELP_WANTED_LABELS,
  inquiryReference,
  PREFERRED_SCHEDULE_LABELS,
  PREFERRED_SCHEDULES,
  publicNextSteps,
  SUBSCRIBER_RELATIONSHIPS,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { getLocations, getOrganization, listOrganizations } from '../organizations/index.js';
import { writeInquiry } from './create-inquiry.js';
import { organizationToday } from './inquiry-checks.js';

/** What the public pages know of the program: its name and a phone number to call. */
export interface PublicProgram {
  id: string;
  name: string;
  phone: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unknownProgram(): DomainError {
  return new DomainError(
    'not_found',
    'We could not tell which program this form is for. Open it from the program’s own link, or call the program.',
  );
}

/**
 * Which organization a public request is for. An installation that serves one organization
 * needs nothing; otherwise the page names it with ?org=<organization id> (organizations have no
 * public slug yet). The answer never lists the organizations of the installation.
 */
export async function resolvePublicProgram(db: Kysely<DB>, org: string | undefined): Promise<PublicProgram> {
  let id: string;
  if (org) {
    if (!UUID.test(org)) throw unknownProgram();
    id = org;
  } else {
    const all = await listOrganizations(db);
    if (all.length !== 1 || !all[0]) throw unknownProgram();
    id = all[0].id;
  }
  const organization = await getOrganization(db, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') throw unknownProgram();
    throw error;
  });
  const location = (await getLocations(db, id)).find((l) => l.active && l.phone);
  const phone = location?.phone ?? null;
  const digits = phone?.replace(/\D/g, '') ?? '';
  return { id, name: organization.name, phone: digits.length === 10 ? formatUsPhone(digits) : phone };
}

/** The words beside the consent checkbox; what the person agreed to is kept with the inquiry's time of consent. */
export function consentText(programName: string): string {
  return `I agree that ${programName} may contact me by phone, text message or email about starting treatment. Messages may name the program. Standard message rates may apply.`;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const RELATIONSHIP_LABELS = {
  self: 'I am the subscriber',
  spouse: 'Spouse or partner',
  child: 'Child (on a parent’s plan)',
  other: 'Other',
} as const;

/** What the "Get started" page needs to draw its form. */
export function describeGetStarted(program: PublicProgram): api.PublicGetStarted {
  return {
    organization: program,
    helpWanted: options(HELP_WANTED, HELP_WANTED_LABELS),
    schedules: options(PREFERRED_SCHEDULES, PREFERRED_SCHEDULE_LABELS),
    contactMethods: options(CONTACT_METHODS, CONTACT_METHOD_LABELS),
    relationships: options(SUBSCRIBER_RELATIONSHIPS, RELATIONSHIP_LABELS),
    consentText: consentText(program.name),
    crisis: { resources: [...CRISIS_RESOURCES] },
    maxLengths: {
      firstName: 60,
      lastName: 60,
      phone: 30,
      email: 254,
      payerName: 120,
      memberId: 40,
      subscriberName: 120,
    },
  };
}

/** The answer to a sent form: the same for everyone, known or not. */
export function acceptedAnswer(
  program: PublicProgram,
  sent: { preferredContactMethod?: unknown; insurance?: unknown },
  reference: string,
): api.PublicInquiryAccepted {
  const method = CONTACT_METHODS.includes(sent.preferredContactMethod as ContactMethod)
    ? (sent.preferredContactMethod as ContactMethod)
    : 'phone';
  return {
    reference,
    nextSteps: publicNextSteps({
      organizationName: program.name,
      organizationPhone: program.phone,
      preferredContactMethod: method,
      insuranceGiven: Boolean(sent.insurance),
    }),
  };
}

/** What a bot that filled the honeypot gets: an answer like any other, and nothing stored. */
export function decoyAnswer(
  program: PublicProgram,
  sent: Record<string, unknown>,
): api.PublicInquiryAccepted {
  return acceptedAnswer(program, sent, inquiryReference(randomBytes(8)));
}

/**
 * The public "Get started" form: a new inquiry from the web, a coverage pending verification
 * with a request in the work queue when insurance was given. It stores what the intake team
 * needs to call back and nothing more, and it does not look the person up: whether they are
 * known to the program changes nothing in the answer.
 */
export async function submitPublicInquiry(
  db: Kysely<DB>,
  ctx: RequestContext,
  program: PublicProgram,
  input: api.PublicInquiryRequest,
): Promise<api.PublicInquiryAccepted> {
  const dob = input.insurance?.subscriberDateOfBirth;
  if (dob && dob > (await organizationToday(db, program.id, ctx.now))) {
    throw DomainError.invalid(
      'insurance.subscriberDateOfBirth',
      'That date of birth is in the future. Check the year.',
    );
  }
  const row = await writeInquiry(db, ctx, {
    organizationId: program.id,
    source: 'web_form',
    insurance: input.insurance,
    actorLabel: 'public web form',
    fields: {
      first_name: input.firstName,
      last_name: input.lastName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferred_contact_method: input.preferredContactMethod,
      help_wanted: input.helpWanted,
      preferred_schedule: input.preferredSchedule ?? [],
      consent_to_contact_at: ctx.now,
      created_by: null,
    },
  });
  return acceptedAnswer(program, input, row.reference);
}
