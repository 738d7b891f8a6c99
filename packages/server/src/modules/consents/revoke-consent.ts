import { type api, checkRevocation, DomainError, type ExpiryEvent, localDate } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import type { WhenEpisodeEnds } from '../episodes/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { startOfDay } from './local-time.js';
import { withSignatures } from './read-consents.js';
import { endAtEvent, findConsent, setRevocation } from './repo.js';
import { recipientOf } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };
export type RevokeConsentInput = z.output<typeof api.RevokeConsentRequest>;

/**
 * Records the patient's revocation. It stops covering new disclosures at once: from now
 * when dated today, from the start of that day when dated earlier (a letter that took days
 * to arrive). Revoking twice is a conflict; a revocation is never undone.
 */
export async function revokeConsent(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: RevokeConsentInput,
): Promise<api.Consent> {
  const orgId = ctx.actor.organizationId;
  const current = await findConsent(db, orgId, id);
  if (!current) throw DomainError.notFound('consent');
  const timeZone = await organizationTimeZone(db, orgId);
  const today = localDate(ctx.now, timeZone);
  const revokedOn = input.revokedOn ?? today;
  checkRevocation(
    {
      kind: current.kind,
      signedOn: localDate(current.signed_at, timeZone),
      revoked: current.revoked_at !== null,
      recipient: recipientOf(current),
    },
    { revokedOn, receivedVia: input.receivedVia, today },
  );
  const effective = revokedOn === today ? ctx.now : startOfDay(revokedOn, timeZone);
  const row = await setRevocation(
    db,
    orgId,
    id,
    {
      revoked_at: new Date(Math.max(effective.getTime(), current.signed_at.getTime())),
      revoked_on: revokedOn,
      revocation_received_via: input.receivedVia,
      revocation_note: input.note ?? null,
      revoked_by: ctx.actor.userId,
    },
    ctx.now,
  );
  if (!row)
    throw new DomainError('conflict', 'This consent was already revoked. Reload it to see when and how.');
  await recordAuditEvent(db, ctx, {
    action: 'consent.revoke',
    resourceType: 'consent',
    resourceId: id,
    patientId: row.patient_id,
    details: { kind: row.kind, revokedOn, receivedVia: input.receivedVia },
  });
  const [consent] = await withSignatures(db, orgId, [row], ctx.now);
  return consent!;
}

/**
 * Ends the patient's consents that were to expire at this event (e.g. on discharge, the end
 * of treatment). For the episodes module; each end is audited. Returns how many ended.
 */
export async function endConsentsAtEvent(
  db: Kysely<DB>,
  ctx: RequestContext,
  patientId: string,
  event: ExpiryEvent,
  at: Date,
  organizationId?: string,
): Promise<number> {
  const orgId = ctx.actor?.organizationId ?? organizationId;
  if (!orgId)
    throw new Error('Consents end in an organization: pass organizationId when no one is signed in.');
  const rows = await endAtEvent(db, orgId, patientId, event, at, ctx.now);
  for (const row of rows) {
    await recordAuditEvent(db, ctx, {
      action: 'consent.end',
      organizationId: orgId,
      resourceType: 'consent',
      resourceId: row.id,
      patientId,
      details: { kind: row.kind, event },
    });
  }
  return rows.length;
}

/**
 * On discharge, consents given "until my treatment in this program ends" end. A move to another
 * track is not the end of treatment: they stay.
 */
export const endConsentsAtEpisodeEnd: WhenEpisodeEnds = async (db, ctx, end) => {
  if (end.kind !== 'discharge') return;
  await endConsentsAtEvent(db, ctx, end.patientId, 'end_of_treatment', ctx.now);
};
