import { api, DomainError } from '@trellis/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { authorize, contextOf } from '../../http/request-context.js';
import { SESSION_COOKIE } from '../../http/session-hook.js';
import { changeOwnPassword } from './change-password.js';
import { issuePasswordLink, openPasswordLink, setPasswordByLink } from './password-link.js';
import { beginMfaEnrollment, signOut, verifySecondFactor } from './second-factor.js';
import { describeSession, describeSessionOf } from './session-state.js';
import type { ResolvedSession } from './sessions.js';
import { signIn } from './sign-in.js';

const UserParams = z.strictObject({ id: api.Id });
const TokenParams = z.strictObject({ token: api.LinkToken });

const GENERIC_FAILURE =
  'Email or password is not right, or the account is locked after too many attempts. Check them and try again in a few minutes, or ask an administrator to help.';

export const authRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; config: Config }> = async (
  app,
  { db, config },
) => {
  const rateLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };
  // Secure whenever the browser reached us over TLS (directly or, with TRUST_PROXY, via a proxy).
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies || reply.request.protocol === 'https',
    });
  const pending = (request: FastifyRequest): ResolvedSession => {
    if (!request.signedIn) throw new DomainError('unauthenticated', 'Sign in to continue.');
    return request.signedIn;
  };

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: api.LoginRequest,
        response: { 200: api.SessionState },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await db.transaction().execute((trx) => signIn(trx, ctx, request.body));
      if (!result.ok) throw new DomainError('unauthenticated', GENERIC_FAILURE);
      const state = await describeSessionOf(db, result.session);
      setCookie(reply, result.token);
      return state;
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { access: 'pending', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Give the code from the authenticator app',
        body: api.MfaCodeRequest,
        response: { 200: api.SessionState },
      },
    },
    async (request, reply) => {
      const resolved = pending(request);
      const ctx = contextOf(request);
      const result = await db
        .transaction()
        .execute((trx) => verifySecondFactor(trx, ctx, resolved, request.body.code));
      if (!result.ok) {
        throw new DomainError(
          'unauthenticated',
          result.locked
            ? 'Too many wrong codes: the account is locked for a few minutes. Try again later or ask an administrator.'
            : 'That code is not right. Check the time on your phone and enter the newest code.',
          [{ field: 'code', message: 'Not the current code.' }],
        );
      }
      if (result.token) setCookie(reply, result.token);
      return describeSessionOf(db, result.session);
    },
  );

  app.post(
    '/auth/mfa/enroll',
    {
      config: { access: 'pending' },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app',
        response: { 200: api.MfaEnrollment },
      },
    },
    async (request) => {
      const resolved = pending(request);
      const ctx = contextOf(request);
      return db.transaction().execute((trx) => beginMfaEnrollment(trx, ctx, resolved));
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'pending' },
      schema: { tags: ['auth'], summary: 'The current session', response: { 200: api.SessionState } },
    },
    async (request) => {
      const resolved = pending(request);
      return describeSession(db, resolved.session, resolved.account);
    },
  );

  app.get(
    '/auth/ping',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether the session is live (nothing else is read or answered)',
        description:
          'The cheapest signed-in route: the session check every route pays, then 204. The benchmark uses it as its HTTP floor; a page may use it to keep a session from timing out.',
      },
    },
    async (_request, reply) => reply.code(204).send(),
  );

  app.post(
    '/auth/password',
    {
      // A wrong current password counts toward the lockout; the rate limit slows guessing more.
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (the current one is needed); my other sessions end',
        body: api.ChangePasswordRequest,
      },
    },
    async (request, reply) => {
      const resolved = pending(request);
      const ctx = contextOf(request);
      // A wrong current password is recorded (lockout count, audit) even though the answer is 422.
      const outcome = await db.transaction().execute(async (trx) => {
        try {
          await changeOwnPassword(trx, ctx, resolved, request.body);
          return null;
        } catch (error) {
          if (error instanceof DomainError && error.errors[0]?.field === 'currentPassword') return error;
          throw error;
        }
      });
      if (outcome) throw outcome;
      return reply.code(204).send();
    },
  );

  app.post(
    '/users/:id/password-link',
    {
      schema: {
        tags: ['auth'],
        summary: 'A one-time link for a person who forgot their password (shown once; 72 hours)',
        params: UserParams,
        response: { 201: api.PasswordLink },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.manage', { type: 'user', id: request.params.id });
      const link = await db.transaction().execute((trx) => issuePasswordLink(trx, ctx, request.params.id));
      return reply.code(201).send(link);
    },
  );

  app.get(
    '/public/password-link/:token',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Whose password a link sets (the link is not used)',
        params: TokenParams,
        response: { 200: api.PasswordLinkInfo },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction().execute((trx) => openPasswordLink(trx, ctx, request.params.token));
    },
  );

  app.post(
    '/public/password-link/:token',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the link; every session of the person ends',
        params: TokenParams,
        body: api.SetPasswordRequest,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db
        .transaction()
        .execute((trx) => setPasswordByLink(trx, ctx, request.params.token, request.body));
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'pending' }, schema: { tags: ['auth'], summary: 'Sign out' } },
    async (request, reply) => {
      const resolved = pending(request);
      const ctx = contextOf(request);
      await db.transaction().execute((trx) => signOut(trx, ctx, resolved));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
};
