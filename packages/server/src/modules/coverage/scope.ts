import { localDate } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { organizationTimeZone } from '../organizations/index.js';

/**
 * Which organization a use case acts for: the signed-in person's, or the one named when no one
 * is signed in (the public form).
 */
export function organizationOf(ctx: RequestContext, organizationId?: string): string {
  const orgId = ctx.actor?.organizationId ?? organizationId;
  if (!orgId) throw new Error('Name the organization when no one is signed in.');
  if (ctx.actor && organizationId && organizationId !== ctx.actor.organizationId) {
    throw new Error('A use case cannot act in another organization.');
  }
  return orgId;
}

/** The organization's date today, for "not in the future" checks on calendar dates. */
export async function organizationToday(db: Kysely<DB>, organizationId: string, now: Date): Promise<string> {
  return localDate(now, await organizationTimeZone(db, organizationId));
}
