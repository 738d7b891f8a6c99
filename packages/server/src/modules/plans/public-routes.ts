import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { contextOf } from '../../http/request-context.js';
import { openPlanSigning, signPlanByLink } from './plan-links.js';

const TokenParams = z.strictObject({ token: api.LinkToken });
const tags = ['public'];

/**
 * The participant's signing page, for the person holding a one-time link: no sign-in, so every
 * route is rate limited per address; the token is the only key and is never logged.
 */
export const publicPlanRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/public/plan-signature/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The treatment plan to read before signing it',
        params: TokenParams,
        response: { 200: api.PublicPlanSigning },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction().execute((trx) => openPlanSigning(trx, ctx, request.params.token));
    },
  );

  app.post(
    '/public/plan-signature/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign the plan by typing your name; the link is then used up',
        params: TokenParams,
        body: api.PublicPlanSignRequest,
        response: { 200: api.PublicPlanSigned },
      },
    },
    async (request) => {
      const ctx = { ...contextOf(request), userAgent: request.headers['user-agent'] ?? null };
      return db.transaction().execute((trx) => signPlanByLink(trx, ctx, request.params.token, request.body));
    },
  );
};
