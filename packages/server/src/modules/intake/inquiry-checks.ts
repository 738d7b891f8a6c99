import { randomBytes } from 'node:crypto';
import { can, DomainError, dateOfBirthProblem, inquiryReference, localDate } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organizationTimeZone } from '../organizations/index.js';
import { getUser } from '../users/index.js';
import { assertReferralSource } from './referral-sources.js';
import { referenceTaken } from './repo.js';

/** The organization's date today: a birthday turns at local midnight. */
export async function organizationToday(db: Kysely<DB>, organizationId: string, now: Date): Promise<string> {
  return localDate(now, await organizationTimeZone(db, organizationId));
}

/** The coordinator of an inquiry: an active colleague whose role reads inquiries. */
export async function assertCoordinator(db: Kysely<DB>, organizationId: string, userId: string) {
  const user = await getUser(db, organizationId, userId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  });
  const works = user?.active && can({ userId: user.id, organizationId, roles: user.roles }, 'inquiry.read');
  if (!works) {
    throw DomainError.invalid(
      'coordinatorId',
      'Choose an active colleague who works inquiries (intake coordinator or program director).',
    );
  }
}

export async function assertBirthDate(
  db: Kysely<DB>,
  organizationId: string,
  now: Date,
  dateOfBirth: string,
) {
  const problem = dateOfBirthProblem(dateOfBirth, await organizationToday(db, organizationId, now));
  if (problem) throw DomainError.invalid('dateOfBirth', problem);
}

/** Checks the references of an inquiry's fields: coordinator, referral source, date of birth. */
export async function checkInquiryFields(
  db: Kysely<DB>,
  organizationId: string,
  now: Date,
  input: {
    coordinatorId?: string | null | undefined;
    referralSourceId?: string | null | undefined;
    dateOfBirth?: string | null | undefined;
  },
) {
  if (input.coordinatorId) await assertCoordinator(db, organizationId, input.coordinatorId);
  if (input.referralSourceId) await assertReferralSource(db, organizationId, input.referralSourceId);
  if (input.dateOfBirth) await assertBirthDate(db, organizationId, now, input.dateOfBirth);
}

/** A fresh reference; a collision (one in billions) draws again. */
export async function newReference(db: Kysely<DB>, organizationId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = inquiryReference(randomBytes(8));
    if (!(await referenceTaken(db, organizationId, reference))) return reference;
  }
  throw new Error('Could not draw a free inquiry reference.');
}
