import { type api, can, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { newId } from '../../ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { recordAuditEvent } from '../audit/index.js';
import { assertPatientExists } from '../patients/index.js';
import { findFeed, insertFeed, listFeeds, revokeFeedRow } from './repo.js';
import { loadDirectory } from './schedule-data.js';
import type { FeedRow } from './tables.js';

export const FEED_PATH = '/api/v1/public/calendar';

function toFeed(row: FeedRow): z.output<typeof api.CalendarFeed> {
  return {
    id: row.id,
    owner: row.owner,
    subjectId: row.subject_id,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Who may hand out a feed: a clinician their own (anyone else's needs schedule.manage); a
 * participant's needs access to that patient's record (the patient themself, or their staff).
 */
function mayManage(ctx: SignedInContext, owner: 'clinician' | 'participant', subjectId: string): boolean {
  const resource = { organizationId: ctx.actor.organizationId, patientId: subjectId };
  if (owner === 'clinician') return subjectId === ctx.actor.userId || can(ctx.actor, 'schedule.manage');
  return can(ctx.actor, 'patient.read', resource) && can(ctx.actor, 'schedule.read', resource);
}

function refuse(): DomainError {
  return new DomainError('forbidden', 'Your role does not allow managing this calendar feed.');
}

/**
 * A secret, revocable address of someone's calendar: 256 random bits in the URL, only its hash
 * stored. The URL is shown once; a lost one is revoked and a new one issued.
 */
export async function issueCalendarFeed(
  db: Kysely<DB>,
  ctx: SignedInContext,
  input: z.output<typeof api.CreateFeedRequest>,
  baseUrl: string,
): Promise<z.output<typeof api.IssuedCalendarFeed>> {
  const orgId = ctx.actor.organizationId;
  const subjectId = input.owner === 'clinician' ? input.clinicianId : input.patientId;
  if (!mayManage(ctx, input.owner, subjectId)) throw refuse();
  if (input.owner === 'clinician') {
    if (!(await loadDirectory(db, orgId)).staff.has(subjectId))
      throw DomainError.invalid('clinicianId', 'Choose a member of your staff.');
  } else {
    await assertPatientExists(db, orgId, subjectId);
  }
  const token = newSecretToken();
  const row = await insertFeed(db, {
    id: newId(),
    organization_id: orgId,
    owner: input.owner,
    subject_id: subjectId,
    token_hash: hashToken(token),
    created_by: ctx.actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'calendar_feed.create',
    resourceType: 'calendar_feed',
    resourceId: row.id,
    ...(input.owner === 'participant' ? { patientId: subjectId } : {}),
    details: { owner: input.owner },
  });
  return { ...toFeed(row), url: `${baseUrl}${FEED_PATH}/${token}.ics` };
}

export async function revokeCalendarFeed(db: Kysely<DB>, ctx: SignedInContext, id: string) {
  const orgId = ctx.actor.organizationId;
  const row = await findFeed(db, orgId, id);
  if (!row) throw DomainError.notFound('calendar feed');
  if (!mayManage(ctx, row.owner, row.subject_id)) throw refuse();
  await revokeFeedRow(db, orgId, id, ctx.now);
  await recordAuditEvent(db, ctx, {
    action: 'calendar_feed.revoke',
    resourceType: 'calendar_feed',
    resourceId: id,
    ...(row.owner === 'participant' ? { patientId: row.subject_id } : {}),
  });
  return toFeed((await findFeed(db, orgId, id)) as FeedRow);
}

export async function listCalendarFeeds(
  db: Kysely<DB>,
  ctx: SignedInContext,
  filter: { clinicianId?: string | undefined; patientId?: string | undefined },
) {
  const owner = filter.patientId ? 'participant' : 'clinician';
  const subjectId = filter.patientId ?? filter.clinicianId ?? ctx.actor.userId;
  if (!mayManage(ctx, owner, subjectId)) throw refuse();
  return (await listFeeds(db, ctx.actor.organizationId, { owner, subjectId })).map(toFeed);
}
