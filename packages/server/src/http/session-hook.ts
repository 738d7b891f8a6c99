import { DomainError } from '@trellis/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { resolveSession } from '../modules/auth/sessions.js';
import { sameToken } from '../security/tokens.js';

export const SESSION_COOKIE = 'trellis_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session of every /api/v1 request, then enforces the route's access level and,
 * for changes, the CSRF token that only our own pages can read.
 */
export function registerSessionHook(app: FastifyInstance, db: Kysely<DB>, clock: Clock) {
  app.decorateRequest('signedIn', null);
  app.decorateRequest('startedAt', null as unknown as Date);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.startedAt = clock.now();
    if (!request.url.startsWith('/api/v1/')) return;
    const access = request.routeOptions.config?.access ?? 'signed_in';
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const lookup = await resolveSession(db, token, request.startedAt, {
        ip: request.ip ?? null,
        requestId: String(request.id),
      });
      if (lookup.kind === 'live') request.signedIn = lookup;
      else if (lookup.kind === 'ended' && access !== 'public') {
        throw new DomainError(
          'unauthenticated',
          lookup.reason === 'account_inactive'
            ? 'This account is no longer active. Ask an administrator.'
            : 'Your session ended after a period without activity. Sign in again; nothing you saved was lost.',
        );
      }
    }
    if (access === 'public') return;
    const state = request.signedIn?.session.state;
    if (!state || (access === 'signed_in' && state !== 'active')) {
      throw new DomainError('unauthenticated', 'Sign in to continue.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.signedIn?.session.csrf_token ?? '')) {
        throw new DomainError(
          'forbidden',
          'This change did not come from a Trellis page (missing or wrong CSRF token). Reload the page and try again.',
        );
      }
    }
  });
}
