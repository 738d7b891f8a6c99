import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize } from '../../http/request-context.js';
import { getChartHeader } from './get-chart-header.js';

export const chartRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/patients/:id/chart',
    {
      schema: {
        tags: ['chart'],
        summary: 'The chart header: names, age, MRN, track, episode status, clinician, flags, tab counts',
        params: z.strictObject({ id: api.Id }),
        response: { 200: api.ChartHeader },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'patient.read', {
        type: 'patient',
        id: request.params.id,
        patientId: request.params.id,
      });
      return db.transaction().execute((trx) => getChartHeader(trx, ctx, request.params.id));
    },
  );
};
