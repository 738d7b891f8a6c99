import { type Action, can, DomainError, type Resource } from '@trellis/domain';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { recordAuditEvent } from '../modules/audit/index.js';
import type { ResolvedSession } from '../modules/auth/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session behind the cookie, if any (set by the session hook). */
    signedIn: ResolvedSession | null;
    /** When this request started, by the server's clock. */
    startedAt: Date;
  }
  interface FastifyContextConfig {
    /** public: no session; pending: a session waiting for its second factor will do. */
    access?: 'public' | 'pending' | 'signed_in';
  }
}

export type SignedInContext = RequestContext & { actor: StaffActor };

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.signedIn?.actor ?? null,
    ip: request.ip ?? null,
    requestId: String(request.id),
    now: request.startedAt,
  };
}

export function signedInContext(request: FastifyRequest): SignedInContext {
  const ctx = contextOf(request);
  if (!ctx.actor || request.signedIn?.session.state !== 'active') {
    throw new DomainError('unauthenticated', 'Sign in to continue.');
  }
  return ctx as SignedInContext;
}

/**
 * Enforces can(actor, action, resource) for a route. A refusal is audited in its own small
 * transaction, since the request itself will roll back.
 */
export async function authorize(
  db: Kysely<DB>,
  request: FastifyRequest,
  action: Action,
  resource?: Partial<Resource> & { type?: string; id?: string },
): Promise<SignedInContext> {
  const ctx = signedInContext(request);
  const target: Resource = {
    organizationId: resource?.organizationId ?? ctx.actor.organizationId,
    ...(resource?.patientId ? { patientId: resource.patientId } : {}),
  };
  if (can(ctx.actor, action, target)) return ctx;
  await db.transaction().execute((trx) =>
    recordAuditEvent(trx, ctx, {
      action,
      outcome: 'denied',
      reason: 'permission denied',
      ...(resource?.type ? { resourceType: resource.type } : {}),
      ...(resource?.id ? { resourceId: resource.id } : {}),
      ...(resource?.patientId ? { patientId: resource.patientId } : {}),
    }),
  );
  throw new DomainError(
    'forbidden',
    'Your role does not allow this. Ask your program director or an administrator if you need it.',
  );
}

/** The version a client read, from `If-Match: "3"`; every update of an editable record needs it. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  if (!match) {
    throw new DomainError(
      'precondition_required',
      'Send the version you are changing in an If-Match header (for example If-Match: "3"), so that no one else\'s change is overwritten.',
      [{ field: 'If-Match', message: 'Required: the version of the record you read.' }],
    );
  }
  return Number(match[1]);
}
