import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { contextOf } from '../../http/request-context.js';
import { openSelfReport, saveSelfReportProgress, submitSelfReport } from './self-report.js';

const TokenParams = z.strictObject({ token: api.LinkToken });
const tags = ['public'];

/**
 * The self-report page's API, for the person holding a one-time link: no sign-in, so every
 * route is rate limited per address; the token is the only key and is never logged (the
 * request logger logs route patterns only).
 */
export const publicMeasureRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/public/self-report/:token',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The questionnaires of a self-report link, with what was saved so far',
        params: TokenParams,
        response: { 200: api.SelfReportForm },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction().execute((trx) => openSelfReport(trx, ctx, request.params.token));
    },
  );

  app.put(
    '/public/self-report/:token/progress',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Save answers so far (partial, not scored) so a lost connection loses nothing',
        params: TokenParams,
        body: api.SelfReportAnswers,
        response: { 200: api.SelfReportSaved },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db
        .transaction()
        .execute((trx) => saveSelfReportProgress(trx, ctx, request.params.token, request.body.answers));
    },
  );

  app.post(
    '/public/self-report/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send the answers: all questionnaires complete; the link is then used up',
        params: TokenParams,
        body: api.SelfReportAnswers,
        response: { 200: api.SelfReportSubmitted },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db
        .transaction()
        .execute((trx) => submitSelfReport(trx, ctx, request.params.token, request.body.answers));
    },
  );
};
