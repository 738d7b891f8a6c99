import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { recordAuditEvent } from '../audit/index.js';
import { changeAccountPassword, noteFailedSignIn } from '../users/index.js';
import { deleteOtherSessionsOfUser } from './repo.js';
import type { ResolvedSession } from './sessions.js';

/**
 * A signed-in person changes their own password: the current one proves it is them (a wrong one
 * counts toward the lockout like a failed sign-in), the new one follows the password rule and
 * differs from the old. Every other session of theirs ends; this one stays.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  resolved: ResolvedSession,
  input: z.output<typeof api.ChangePasswordRequest>,
): Promise<void> {
  const { account, session } = resolved;
  const who = { organizationId: account.organizationId, actorUserId: account.id, actorLabel: account.email };
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await noteFailedSignIn(db, account, ctx.now);
    await recordAuditEvent(db, ctx, {
      action: 'auth.password_change',
      outcome: 'failure',
      reason: 'wrong current password',
      ...who,
    });
    throw DomainError.invalid('currentPassword', 'That is not your current password. Type it again.');
  }
  if (input.newPassword === input.currentPassword) {
    throw DomainError.invalid('newPassword', 'Choose a new password that is different from the current one.');
  }
  await changeAccountPassword(db, account, await hashPassword(input.newPassword), ctx.now);
  await deleteOtherSessionsOfUser(db, account.id, session.id);
  await recordAuditEvent(db, ctx, { action: 'auth.password_change', ...who });
}
