import {
  DomainError,
  type EpisodeDiagnosis,
  type FieldProblem,
  localDate,
  resolveDiagnoses,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organizationTimeZone } from '../organizations/index.js';
import { getUser } from '../users/index.js';

/** The organization's date today: admission and discharge dates are local calendar dates. */
export async function todayFor(db: Kysely<DB>, organizationId: string, now: Date): Promise<string> {
  return localDate(now, await organizationTimeZone(db, organizationId));
}

export function invalid(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    'validation',
    problems.length === 1 && first ? first.message : `${problems.length} fields need attention.`,
    problems,
  );
}

export function diagnosesOrThrow(input: readonly { code: string; primary?: boolean | undefined }[]) {
  const result = resolveDiagnoses(input);
  if (!result.ok) throw invalid(result.problems);
  return result.diagnoses satisfies EpisodeDiagnosis[];
}

/** The primary clinician is an active staff member of the organization who treats: clinician or director. */
export async function assertPrimaryClinician(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
  field = 'primaryClinicianId',
) {
  const user = await getUser(db, organizationId, userId).catch(() => null);
  if (!user?.active) throw DomainError.invalid(field, 'Choose an active staff member of your organization.');
  if (!user.roles.some((r) => r === 'clinician' || r === 'director')) {
    throw DomainError.invalid(
      field,
      `${user.displayName} is not a clinician. Choose a clinician or a program director.`,
    );
  }
  return user;
}
