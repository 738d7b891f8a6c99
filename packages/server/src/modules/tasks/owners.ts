import { DomainError, rolesCanWorkTask, type StaffRole, TASK_KINDS, type TaskKind } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { getUser } from '../users/index.js';

/**
 * A task goes to a person or a team who can see its kind: a risk alert is not given to
 * billing, whose role does not read the clinical record.
 */
export async function checkOwner(
  db: Kysely<DB>,
  organizationId: string,
  kind: TaskKind,
  owner: { userId: string | null; role: StaffRole | null },
): Promise<void> {
  const label = TASK_KINDS[kind].label.toLowerCase();
  if (owner.userId) {
    const user = await getUser(db, organizationId, owner.userId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found') return null;
      throw error;
    });
    if (!user?.active) {
      throw DomainError.invalid('ownerUserId', 'Choose an active staff member of your organization.');
    }
    if (!rolesCanWorkTask(user.roles, kind, organizationId)) {
      throw DomainError.invalid(
        'ownerUserId',
        `This person's role cannot see a ${label}. Choose someone else.`,
      );
    }
  }
  if (owner.role && !rolesCanWorkTask([owner.role], kind, organizationId)) {
    throw DomainError.invalid('ownerRole', `That team cannot see a ${label}. Choose another team.`);
  }
  if (!owner.userId && !owner.role) {
    throw DomainError.invalid('ownerUserId', 'Give the task to a person or a team.');
  }
}
