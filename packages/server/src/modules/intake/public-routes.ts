import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { contextOf } from '../../http/request-context.js';
import {
  decoyAnswer,
  describeGetStarted,
  resolvePublicProgram,
  submitPublicInquiry,
} from './public-inquiry.js';

export interface PublicIntakeOptions {
  db: Kysely<DB>;
  /** Sends of the public form per address and minute. */
  formRateLimit?: number;
}

const rawOrg = (query: unknown) => {
  const org = (query as { org?: unknown } | undefined)?.org;
  return typeof org === 'string' && org.trim() ? org.trim() : undefined;
};

/**
 * The public "Get started" page's API: no sign-in. Abuse is kept down by a rate limit per
 * address, a honeypot field, and size limits on every string.
 */
export const publicIntakeRoutes: FastifyPluginAsyncZod<PublicIntakeOptions> = async (
  app,
  { db, formRateLimit },
) => {
  app.get(
    '/public/get-started',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'What the "Get started" form offers: kinds of help, schedules, the program’s name and phone',
        querystring: api.PublicOrganizationQuery,
        response: { 200: api.PublicGetStarted },
      },
    },
    async (request) => describeGetStarted(await resolvePublicProgram(db, request.query.org)),
  );

  app.post(
    '/public/inquiries',
    {
      config: { access: 'public', rateLimit: { max: formRateLimit ?? 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Send the "Get started" form: the intake team calls back',
        description:
          'Creates an inquiry (and a benefit-verification request when insurance is given). The answer is the same whoever sends it. Names the program with ?org=<organization id> unless the installation serves one.',
        querystring: api.PublicOrganizationQuery,
        body: api.PublicInquiryRequest,
        response: { 202: api.PublicInquiryAccepted },
      },
      // A filled honeypot gets the answer of success before the body is even checked, and
      // nothing is stored: a bot learns nothing from it.
      preValidation: async (request, reply) => {
        const body = request.body as Record<string, unknown> | undefined;
        if (typeof body?.website === 'string' && body.website.trim() !== '') {
          const program = await resolvePublicProgram(db, rawOrg(request.query));
          return reply.code(202).send(decoyAnswer(program, body));
        }
      },
    },
    async (request, reply) => {
      const program = await resolvePublicProgram(db, request.query.org);
      const ctx = contextOf(request);
      const answer = await db
        .transaction()
        .execute((trx) => submitPublicInquiry(trx, ctx, program, request.body));
      return reply.code(202).send(answer);
    },
  );
};
